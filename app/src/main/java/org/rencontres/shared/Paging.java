package org.rencontres.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list that grows with the data: the page shown (from 1), its size, the total counted in SQL, and the
 * address of the list with its filters, so that every link of the pager keeps them. A page number read from the
 * address that is not a number, zero, negative or past the last page is answered with the nearest valid page
 * (first or last), never an error. Used by every paged list with the fragment {@code fragments/pager :: pager}.
 *
 * @param number  the page shown, 1 to {@link #pages()}
 * @param size    rows a page
 * @param total   rows in the whole list, as counted
 * @param path    the list's address, without query
 * @param filters the list's filters as they travel in the address (empty values are left out of links)
 */
public record Paging(int number, int size, long total, String path, Map<String, String> filters) {

    /** The parameter of the address that carries the page number. */
    public static final String PARAMETER = "page";

    /** How many page numbers the pager shows on each side of the current one. */
    private static final int AROUND = 2;

    public Paging {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        total = Math.max(0, total);
        filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    /**
     * The page asked for in the address ({@code requested}, as typed), brought to the nearest page that exists.
     *
     * @param requested the {@code page} parameter, or null
     */
    public static Paging of(String requested, int size, long total, String path, Map<String, String> filters) {
        long pages = Math.max(1, (Math.max(0, total) + size - 1) / size);
        long wanted = parse(requested);
        int number = (int) Math.min(Math.max(wanted, 1), pages);
        return new Paging(number, size, total, path, filters);
    }

    /** The page number typed in the address, 1 when it is not a whole number; huge numbers stay huge. */
    public static long parse(String requested) {
        if (requested == null) {
            return 1;
        }
        String s = requested.strip();
        if (!s.matches("[+-]?\\d{1,18}")) {
            return s.matches("\\+?\\d+") ? Long.MAX_VALUE : 1;
        }
        return Long.parseLong(s);
    }

    /** Number of pages, at least 1 (an empty list has one empty page). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Rows to skip before this page (SQL {@code OFFSET}). */
    public long offset() {
        return (long) (number - 1) * size;
    }

    /** Rows on this page at most (SQL {@code LIMIT}). */
    public int limit() {
        return size;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** Whether there is more than one page (the pager is shown only then). */
    public boolean isPaged() {
        return pages() > 1;
    }

    /** Position of the first row of the page, from 1 (0 for an empty list). */
    public long firstRow() {
        return total == 0 ? 0 : offset() + 1;
    }

    /** Position of the last row of the page. */
    public long lastRow() {
        return Math.min(total, offset() + size);
    }

    /**
     * The page numbers the pager links to: the first, the last, and a few around the current one; a 0 stands
     * for the gap between two numbers that do not follow each other (shown as « … »).
     */
    public List<Integer> numbers() {
        java.util.SortedSet<Integer> wanted = new java.util.TreeSet<>(List.of(1, pages()));
        for (int n = Math.max(1, number - AROUND); n <= Math.min(pages(), number + AROUND); n++) {
            wanted.add(n);
        }
        List<Integer> shown = new ArrayList<>();
        for (int n : wanted) {
            if (!shown.isEmpty() && n > shown.get(shown.size() - 1) + 1) {
                shown.add(0);
            }
            shown.add(n);
        }
        return shown;
    }

    /** The address of page {@code n} of the same list, with every filter; page 1 carries no page number. */
    public String href(int n) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.remove(PARAMETER);
        if (n > 1) {
            params.put(PARAMETER, String.valueOf(n));
        }
        return address(path, params);
    }

    /**
     * An address with its parameters, encoded, in the order given, empty values left out: the one rule by which a
     * list's links, and the acts that return to a list, write its filters and page.
     */
    public static String address(String path, Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.queryParam(k, "{" + k + "}");
                values.put(k, v);
            }
        });
        return b.encode().buildAndExpand(values).toUriString();
    }
}
