package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The back office's registration bundle sits one level below the modules' bundles, where
 * MessagesTest does not look: the same key parity is checked here, with the French default.
 */
class AdminMessagesTest {

    private static final Path BUNDLE = Path.of("src/main/resources/i18n/registration/admin");

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(BUNDLE.resolve(name)), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void french_english_and_default_have_the_same_keys_and_the_default_is_french() throws Exception {
        Properties fr = load("messages_fr.properties");
        assertThat(fr).isNotEmpty();
        assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(fr.stringPropertyNames());
        assertThat(load("messages.properties")).isEqualTo(fr);
    }
}
