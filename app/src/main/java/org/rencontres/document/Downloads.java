package org.rencontres.document;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an uploaded file is served, wherever it is: under the type found in its content when it was
 * checked, never sniffed by the browser ({@code X-Content-Type-Options: nosniff}), shown in place
 * only when it is a PDF or an image, downloaded otherwise.
 */
public final class Downloads {

    private Downloads() {
    }

    /**
     * The response that serves a stored file.
     *
     * @param fileName its safe name (letters, digits, dot, dash, underscore)
     * @param mediaType the type recorded when it was checked; an unknown one is served as bytes to save
     */
    public static ResponseEntity<byte[]> of(String fileName, String mediaType, byte[] content, CacheControl cache) {
        return response(fileName, mediaType, content, cache, true);
    }

    /** The same, always downloaded (for a scan of a signed form, say), whatever its kind. */
    public static ResponseEntity<byte[]> attachment(String fileName, String mediaType, byte[] content,
                                                    CacheControl cache) {
        return response(fileName, mediaType, content, cache, false);
    }

    private static ResponseEntity<byte[]> response(String fileName, String mediaType, byte[] content,
                                                   CacheControl cache, boolean inlineAllowed) {
        Optional<FileKind> kind = FileKind.ofMediaType(mediaType);
        boolean inline = inlineAllowed && kind.map(FileKind::inline).orElse(false);
        MediaType type = kind.map(k -> MediaType.parseMediaType(k.mediaType())).orElse(MediaType.APPLICATION_OCTET_STREAM);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName).build();
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(cache)
                .body(content);
    }
}
