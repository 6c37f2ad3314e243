-- Collective writing: the server owns the text. The exports and the published PDF are made from the
-- stored Yjs updates (read by yjs on the server), no longer from the HTML that browsers sent, so that
-- HTML and its time go.
ALTER TABLE writing_document DROP COLUMN content_html, DROP COLUMN content_at;
