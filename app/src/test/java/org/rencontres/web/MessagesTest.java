package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every bundle has the same keys in French and English, and no message loses text to MessageFormat. */
class MessagesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void french_and_english_bundles_have_the_same_keys() throws Exception {
        try (Stream<Path> modules = Files.list(I18N)) {
            for (Path module : modules.toList()) {
                Set<String> fr = new TreeSet<>(load(module.resolve("messages_fr.properties")).stringPropertyNames());
                Set<String> en = new TreeSet<>(load(module.resolve("messages_en.properties")).stringPropertyNames());
                Set<String> fallback = new TreeSet<>(load(module.resolve("messages.properties")).stringPropertyNames());
                assertThat(en).as("English keys of %s", module).isEqualTo(fr);
                assertThat(fallback).as("default keys of %s", module).isEqualTo(fr);
            }
        }
    }

    @Test
    void messages_with_arguments_keep_their_apostrophes() throws Exception {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(I18N)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties properties = load(file);
                for (String key : properties.stringPropertyNames()) {
                    String message = properties.getProperty(key);
                    if (!message.matches("(?s).*\\{\\d.*")) {
                        // Without arguments a message is shown as written: '' would show twice.
                        if (message.contains("''")) {
                            broken.add(file.getFileName() + " " + key + " (no argument, so write ' once)");
                        }
                        continue;
                    }
                    String formatted = new MessageFormat(message, Locale.FRENCH).format(new Object[] {3, 4, 5});
                    long quotesBefore = message.replace("''", "'").chars().filter(c -> c == '\'').count();
                    long quotesAfter = formatted.chars().filter(c -> c == '\'').count();
                    if (quotesAfter != quotesBefore) {
                        broken.add(file.getFileName() + " " + key);
                    }
                }
            }
        }
        assertThat(broken).as("a single ' in a message with {0} must be written ''").isEmpty();
    }
}
