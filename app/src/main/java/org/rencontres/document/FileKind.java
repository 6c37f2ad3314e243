package org.rencontres.document;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The kinds of file an upload may accept, each with the media type it is stored and served under.
 * Only PDF and images are shown in the browser; everything else is downloaded.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum FileKind {
    PDF("application/pdf", ".pdf"),
    PNG("image/png", ".png"),
    JPEG("image/jpeg", ".jpg"),
    GIF("image/gif", ".gif"),
    WEBP("image/webp", ".webp"),
    TIFF("image/tiff", ".tif"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    ODT("application/vnd.oasis.opendocument.text", ".odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
    ODP("application/vnd.oasis.opendocument.presentation", ".odp"),
    /** Plain text, such as a CSV file: never served. */
    TEXT("text/plain", ".txt");

    /** PDF and the images browsers show. */
    public static final Set<FileKind> PDF_AND_IMAGES = Set.copyOf(EnumSet.of(PDF, PNG, JPEG, GIF, WEBP, TIFF));

    /** The office documents whose container is checked: Office Open XML and OpenDocument. */
    public static final Set<FileKind> OFFICE = Set.copyOf(EnumSet.of(DOCX, XLSX, PPTX, ODT, ODS, ODP));

    private final String mediaType;
    private final String extension;

    public String mediaType() {
        return mediaType;
    }

    /** ".pdf", ".docx"… */
    public String extension() {
        return extension;
    }

    /** Whether a browser may show it in place: PDF and images; everything else is an attachment. */
    public boolean inline() {
        return PDF_AND_IMAGES.contains(this);
    }

    public static Optional<FileKind> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(k -> k.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
