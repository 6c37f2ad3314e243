package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The firewall's loop refuses exactly what Spring Security's regular expressions refuse: checked on every code point
 * of Unicode alone, and on random texts mixing them.
 */
class HttpFirewallsTest {

    /** Spring Security's own expressions (StrictHttpFirewall, 7.0). */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void every_code_point_is_judged_as_the_regular_expressions_judge_it() {
        int refused = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            boolean name = HttpFirewalls.assignedAndNotControl(one, false);
            assertThat(name).as("U+%04X as a name", c).isEqualTo(NAMES.matcher(one).matches());
            assertThat(HttpFirewalls.assignedAndNotControl(one, true)).as("U+%04X in a header value", c)
                    .isEqualTo(HEADER_VALUES.matcher(one).matches());
            refused += name ? 0 : 1;
        }
        // The 65 controls and the unassigned code points (most of the planes) are refused, not everything.
        assertThat(refused).isGreaterThan(65).isLessThan(Character.MAX_CODE_POINT - 100_000);
    }

    @Test
    void texts_are_judged_as_the_regular_expressions_judge_them() {
        Random random = new Random(19);
        int[] pool = {'a', 'é', ' ', '\t', '\n', 0x7f, 0x85, 0x378, 0xd83d, 0xde00, 0x1f600, 0xe000, 0x10ffff, '=', '%'};
        List<String> texts = new ArrayList<>(List.of("", "courriel", "Accept-Language", "fr-FR,fr;q=0.9", "a\tb",
                "nom\u0000", "Chargée de mission", "\uD83D\uDE00"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                text.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(HttpFirewalls.assignedAndNotControl(text, false)).as(text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HttpFirewalls.assignedAndNotControl(text, true)).as(text)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
        }
        assertThat(HttpFirewalls.assignedAndNotControl("a\tb", false)).isFalse();
        assertThat(HttpFirewalls.assignedAndNotControl("a\tb", true)).isTrue();
    }
}
