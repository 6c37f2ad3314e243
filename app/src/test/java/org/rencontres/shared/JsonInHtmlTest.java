package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonInHtmlTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Test
    void what_html_or_javascript_would_read_is_escaped_and_reads_back_the_same() {
        String nasty = "Journée <!--<script> </script> --> ]]> & \u2028\u2029 \"cité\" \\ 🌍 مرحبا";
        String json = JsonInHtml.write(Map.of("name", nasty));

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(json).containsIgnoringCase("\\u003C!--\\u003Cscript\\u003E");
        assertThat(json).containsIgnoringCase("\\u0026").contains("\\u2028", "\\u2029");
        // Everything else is written as usual: accents, emoji and right-to-left text stay readable.
        assertThat(json).contains("Journée", "🌍", "مرحبا", "\\\"cité\\\"", "\\\\");
        assertThat(PLAIN.readTree(json).path("name").asString()).isEqualTo(nasty);
    }

    @Test
    void ordinary_values_are_plain_json() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("@type", "Place");
        value.put("name", "Hôtel d'agglomération, Évry-Courcouronnes");
        value.put("free", true);
        value.put("seats", 80);
        value.put("tags", List.of("ODD", "FICOL"));

        assertThat(JsonInHtml.write(value)).isEqualTo(
                "{\"@type\":\"Place\",\"name\":\"Hôtel d'agglomération, Évry-Courcouronnes\",\"free\":true,\"seats\":80,"
                        + "\"tags\":[\"ODD\",\"FICOL\"]}");
    }

    @Test
    void the_standard_escapes_of_json_still_apply() {
        String controls = "a\nb\tc\u0001d";
        String json = JsonInHtml.write(controls);

        assertThat(json).isEqualTo("\"a\\nb\\tc\\u0001d\"");
        assertThat(PLAIN.readValue(json, String.class)).isEqualTo(controls);
    }
}
