package org.rencontres.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * The rules every text a visitor sends must follow, checked once for every form and address of
 * the application, before anything reads it: no control character (tab, carriage return and line
 * feed excepted, for multi-line fields), no value longer than {@link #MAX_VALUE} characters, and a
 * body Tomcat could parse. A request that breaks one gets the application's 400 (or 413) page
 * naming the field, and changes nothing.
 *
 * <p>Multipart requests (uploads) are left to their own checks; their text fields still meet the
 * database's limits, whose refusals become a 400 page ({@link DatabaseRefusals}).
 */
class InputFilter extends HttpFilter {

    /** The longest text any field takes (the database's bound for long texts, V33). */
    static final int MAX_VALUE = 20_000;
    /** A parameter's name is chosen by the application: never long. */
    static final int MAX_NAME = 200;

    /** The request attribute that tells the error page which field was refused, and why. */
    static final String PROBLEM = InputFilter.class.getName() + ".problem";

    record Problem(String code, String field) {
    }

    /** Registered for the error dispatch too: the error page is rendered for the same request. */
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || isMultipart(request)) {
            chain.doFilter(new Parsed(request), response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // Tomcat could not parse the body or the query (too large, too many parameters, bad %-encoding).
            boolean tooLarge = e instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            refuse(request, response, tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST,
                    new Problem(tooLarge ? "input.error.tooLarge" : "input.error.unreadable", null));
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            Problem problem = problem(parameter.getKey(), parameter.getValue());
            if (problem != null) {
                refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static Problem problem(String name, String[] values) {
        if (name.length() > MAX_NAME || !acceptable(name)) {
            return new Problem("input.error.name", shown(name));
        }
        for (String value : values) {
            if (value.length() > MAX_VALUE) {
                return new Problem("input.error.tooLong", name);
            }
            if (!acceptable(value)) {
                return new Problem("input.error.control", name);
            }
        }
        return null;
    }

    /**
     * No control character but tab, CR and LF; no "non-character" (U+FFFE, U+FFFF) nor half of a
     * surrogate pair: PostgreSQL refuses NUL in a text, and the others only break pages and exports.
     */
    static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            } else if (c >= 0x7f && c <= 0x9f) {
                return false;
            } else if (c == 0xfffe || c == 0xffff) {
                return false;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String shown(String name) {
        String visible = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, Problem problem)
            throws IOException {
        request.setAttribute(PROBLEM, problem);
        response.sendError(status);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * The request as the error page sees it: parameters that Tomcat could not parse read as none
     * (else every reader of the error page fails again, and Tomcat shows its own page).
     */
    private static final class Parsed extends HttpServletRequestWrapper {

        Parsed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            try {
                return super.getParameter(name);
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            try {
                return super.getParameterMap();
            } catch (RuntimeException e) {
                return Map.of();
            }
        }

        @Override
        public Enumeration<String> getParameterNames() {
            try {
                return super.getParameterNames();
            } catch (RuntimeException e) {
                return Collections.emptyEnumeration();
            }
        }

        @Override
        public String[] getParameterValues(String name) {
            try {
                return super.getParameterValues(name);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
