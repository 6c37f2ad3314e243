package org.rencontres.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rencontres.document.PdfTemplates;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the platform holds about one person (GDPR articles 15 and 20), gathered from every module's
 * {@link PersonData}: as sections for the page, as JSON and as a readable PDF.
 */
@Service
class PersonalDataExport {

    private final List<PersonData> modules;
    private final PdfTemplates pdfs;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    PersonalDataExport(List<PersonData> modules, PdfTemplates pdfs, MessageSource messages, Optional<Clock> clock) {
        this.modules = modules;
        this.pdfs = pdfs;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What every module holds about {@code person}, in the modules' order. */
    List<PersonData.Section> of(EmailAddress person, Locale locale) {
        return modules.stream().flatMap(m -> m.of(person, locale).stream()).toList();
    }

    /** The same as a JSON document: the address, when it was exported and the sections. */
    byte[] json(EmailAddress person, Locale locale) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("person", person.value());
        document.put("exportedAt", Instant.now(clock).toString());
        document.put("sections", of(person, locale).stream().map(s -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", s.title());
            section.put("entries", s.entries().stream().map(e -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("label", e.label());
                entry.put("value", e.value());
                return entry;
            }).toList());
            return section;
        }).toList());
        return json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    /** The same as a PDF to read. */
    byte[] pdf(EmailAddress person, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("person", person.value());
        context.setVariable("exportedAt", PersonData.at(Instant.now(clock), locale));
        context.setVariable("sections", of(person, locale));
        return pdfs.render("privacy/rights-pdf", context);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
