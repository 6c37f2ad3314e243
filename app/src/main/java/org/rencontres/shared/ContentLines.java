package org.rencontres.shared;

/** iCalendar content lines (RFC 5545 §3.1), as the day's calendar and the agents' convocations write them. */
public final class ContentLines {

    private ContentLines() {
    }

    /**
     * Ends every line with CRLF and folds it at 75 octets (not characters: "é" is two), never inside
     * a UTF-8 sequence; ical4j's own folding counts characters.
     */
    public static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
        for (String line : unfolded.split("\r?\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
