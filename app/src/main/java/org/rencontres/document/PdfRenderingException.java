package org.rencontres.document;

/** A document that could not be turned into a PDF: not well-formed, or not laid out. */
class PdfRenderingException extends RuntimeException {

    public PdfRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
