package org.rencontres.document;

/**
 * A document made for a module above (a PDF, a CSV) and the name of its file, such as the evidence pack
 * gathers: {@code fileName} is safe (letters, digits, dot, dash, underscore).
 */
public record NamedFile(String fileName, byte[] content) {
}
