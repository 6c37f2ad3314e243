package org.rencontres.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall}, every default kept, with its checks of header names and values and
 * of parameter names made by a loop over the characters instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, the same with a tab allowed in header values): the same
 * characters are refused (unassigned code points, the C0 and C1 controls), but each name of a posted form and
 * each header is no longer run through a regular expression of Unicode classes on every look-up, which took a
 * tenth of the CPU of a registration (docs/benchmarks.md, « Registration burst », round 11).
 */
@Configuration(proxyBeanMethods = false)
class HttpFirewalls {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> assignedAndNotControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNotControl(value, true));
        firewall.setAllowedParameterNames(name -> assignedAndNotControl(name, false));
        return firewall;
    }

    /**
     * Whether every code point of the text is assigned in Unicode and not a control character ({@code \p{IsAssigned}},
     * {@code \p{IsControl}}: general category Cc, the same as {@link Character#isISOControl(int)}), a tab allowed
     * when asked. A lone surrogate is assigned (category Cs), as for the regular expression.
     */
    static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x7f ? c < 0x20 && !(tabAllowed && c == '\t')
                    : Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
