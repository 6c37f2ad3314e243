package org.rencontres.web;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

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

    public static UploadLimit of(String route, long maxRequestBytes, Function<MatchResult, String> refusedLocation) {
        return new UploadLimit(Pattern.compile(route), maxRequestBytes, refusedLocation);
    }
}
