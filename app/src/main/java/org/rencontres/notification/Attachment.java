package org.rencontres.notification;

import java.util.Objects;

/**
 * A file attached to an e-mail.
 *
 * @param fileName the name the recipient sees
 * @param contentType its media type, such as {@code application/pdf} or {@code text/calendar}
 * @param content its bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name");
        }
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a content type");
        }
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
