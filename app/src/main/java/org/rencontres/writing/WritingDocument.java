package org.rencontres.writing;

import java.time.Instant;

/**
 * A shared document of a day: a workshop's, a small group's, or neither (one the organisers opened).
 *
 * @param readKey the key of the read-only link (projector, sharing)
 * @param lastSeq the number of the last stored Yjs update
 * @param publishedAt when it was last published as a resource of the day, or null
 */
record WritingDocument(long id, long dayId, Long workshopId, Long groupId, String title,
                              DocumentTemplate template, String readKey, long lastSeq, Instant closedAt,
                              Instant publishedAt) {

    public boolean isClosed() {
        return closedAt != null;
    }
}
