package org.rencontres.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;

/**
 * Keeps the body of an answer marked public (the mark is set by its handler, before the body is written);
 * any other answer goes straight to the client. Used by {@link PublicCachingFilter}.
 */
final class PublicAnswerCapture extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private ByteArrayOutputStream buffer;
    private Boolean kept;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private String language;

    PublicAnswerCapture(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    /** The language the page was written in (the response's locale), or null. */
    String language() {
        return language;
    }

    boolean buffering() {
        return buffer != null;
    }

    private boolean keeps() {
        if (kept == null) {
            kept = request.getAttribute(PublicCaching.MARK) != null;
            if (kept) {
                buffer = new ByteArrayOutputStream(32 * 1024);
            }
        }
        return kept;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!keeps()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a public answer is written at once");
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!keeps()) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!keeps()) {
            super.flushBuffer();
        } else if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void resetBuffer() {
        if (buffer != null) {
            buffer.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (buffer != null) {
            buffer.reset();
        }
        super.reset();
    }

    @Override
    public void setContentLength(int length) {
        if (request.getAttribute(PublicCaching.MARK) == null) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (request.getAttribute(PublicCaching.MARK) == null) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!isLength(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!isLength(name)) {
            super.addHeader(name, value);
        }
    }

    private boolean isLength(String name) {
        return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && request.getAttribute(PublicCaching.MARK) != null;
    }

    @Override
    public void setLocale(Locale locale) {
        super.setLocale(locale);
        language = locale.toLanguageTag();
    }
}
