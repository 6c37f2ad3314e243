package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one paging value of every list: the page asked for brought to one that exists, and links that keep filters. */
class PagingTest {

    private static final Map<String, String> FILTERS = filters();

    private static Map<String, String> filters() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("q", "élodie & co");
        f.put("etat", "CONFIRMED");
        f.put("vide", "");
        return f;
    }

    private static Paging page(String requested, long total) {
        return Paging.of(requested, 25, total, "/admin/journees/BIG2027/inscriptions", FILTERS);
    }

    @Test
    void first_middle_and_last_pages() {
        Paging first = page(null, 1000);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.pages()).isEqualTo(40);
        assertThat(first.offset()).isZero();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.numbers()).containsExactly(1, 2, 3, 0, 40);

        Paging middle = page("20", 1000);
        assertThat(middle.offset()).isEqualTo(475);
        assertThat(middle.numbers()).containsExactly(1, 0, 18, 19, 20, 21, 22, 0, 40);
        assertThat(middle.firstRow()).isEqualTo(476);
        assertThat(middle.lastRow()).isEqualTo(500);

        Paging last = page("40", 1001);
        assertThat(last.pages()).isEqualTo(41);
        assertThat(last.number()).isEqualTo(40);
        Paging end = page("41", 1001);
        assertThat(end.hasNext()).isFalse();
        assertThat(end.lastRow()).isEqualTo(1001);
        assertThat(end.numbers()).containsExactly(1, 0, 39, 40, 41);
    }

    @Test
    void a_bad_page_number_gives_the_nearest_page() {
        assertThat(page("0", 1000).number()).isEqualTo(1);
        assertThat(page("-1", 1000).number()).isEqualTo(1);
        assertThat(page("trois", 1000).number()).isEqualTo(1);
        assertThat(page("2.5", 1000).number()).isEqualTo(1);
        assertThat(page(" 3 ", 1000).number()).isEqualTo(3);
        assertThat(page("41", 1000).number()).isEqualTo(40);
        assertThat(page("99999999999999999999999", 1000).number()).isEqualTo(40);
        assertThat(page("7", 0).number()).isEqualTo(1);
        assertThat(page("7", 0).pages()).isEqualTo(1);
        assertThat(page("7", 0).isPaged()).isFalse();
        assertThat(page("7", 0).firstRow()).isZero();
    }

    @Test
    void links_keep_every_filter_and_leave_out_empty_ones() {
        Paging p = page("2", 1000);
        assertThat(p.href(3)).isEqualTo(
                "/admin/journees/BIG2027/inscriptions?q=%C3%A9lodie%20%26%20co&etat=CONFIRMED&page=3");
        assertThat(p.href(1)).isEqualTo("/admin/journees/BIG2027/inscriptions?q=%C3%A9lodie%20%26%20co&etat=CONFIRMED");
        assertThat(Paging.of("2", 10, 100, "/", Map.of()).href(2)).isEqualTo("/?page=2");
    }
}
