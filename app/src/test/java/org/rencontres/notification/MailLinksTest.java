package org.rencontres.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every link of an HTML e-mail is an {@code <a>} with a text that says where it goes (a message of the bundles),
 * never the bare address as its text: checked on the source of every mail template, so that a new template is
 * checked too.
 */
class MailLinksTest {

    /** The links of a template whose text is not a message (#{…}): the address itself, or nothing. */
    static List<String> bareLinks(String template) {
        List<String> bare = new ArrayList<>();
        for (Element a : Jsoup.parse(template).select("a")) {
            String text = a.attr("th:text");
            boolean fromMessages = text.startsWith("#{") || text.startsWith("${#messages");
            boolean literal = text.isEmpty() && a.attr("th:utext").isEmpty() && !a.text().isBlank()
                    && !a.text().startsWith("http");
            if (!fromMessages && !literal) {
                bare.add(a.outerHtml());
            }
        }
        return bare;
    }

    @Test
    void the_check_finds_a_bare_address_and_passes_a_named_link() {
        assertThat(bareLinks("<p><a th:href=\"${link}\" th:text=\"${link}\">lien</a></p>")).hasSize(1);
        assertThat(bareLinks("<p><a href=\"https://x.test/\">https://x.test/</a></p>")).hasSize(1);
        assertThat(bareLinks("<p><a th:href=\"${link}\" th:text=\"#{survey.mail.link}\">Répondre</a></p>")).isEmpty();
    }

    @Test
    void no_mail_template_shows_a_bare_address_as_a_link() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/mail/*.html");
        assertThat(templates.length).isGreaterThanOrEqualTo(8);
        List<String> bare = new ArrayList<>();
        for (Resource template : templates) {
            for (String link : bareLinks(template.getContentAsString(StandardCharsets.UTF_8))) {
                bare.add(template.getFilename() + ": " + link);
            }
        }
        assertThat(bare).isEmpty();
    }
}
