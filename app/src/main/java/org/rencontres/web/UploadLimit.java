package org.rencontres.web;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import jakarta.servlet.MultipartConfigElement;

/**
 * A route that takes a file upload, the largest request it accepts and the page a larger one is
 * sent back to (where the module shows its own French message). A module declares one as a bean;
 * {@link UploadSizeFilter} applies them all.
 *
 * @param route the path (context path aside) of the POST that carries the file, as a regular expression
 * @param maxRequestBytes the whole request's limit: the file plus the form's other fields
 * @param refusedLocation where to send a larger request back, from the route's match (context path aside)
 */
public record UploadLimit(Pattern route, long maxRequestBytes, Function<MatchResult, String> refusedLocation) {

    /** Room for a form's other fields (the CSRF token, a title…) beside the file itself. */
    public static final long FORM_FIELDS_BYTES = 64 * 1024;

    /**
     * The largest file a controller takes: the smaller of its own limit and the server's multipart limit
     * (beyond the server's, the upload never reaches a controller); {@code server} may be null.
     */
    public static long allowedBytes(long own, MultipartConfigElement server) {
        long limit = server == null ? -1 : server.getMaxFileSize();
        return limit > 0 ? Math.min(limit, own) : own;
    }

    /** A size as the pages say it, in megabytes: « 5 », « 2,5 ». */
    public static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.FRANCE, "%.1f", mb);
    }

    public static UploadLimit of(String route, long maxRequestBytes, Function<MatchResult, String> refusedLocation) {
        return new UploadLimit(Pattern.compile(route), maxRequestBytes, refusedLocation);
    }
}
