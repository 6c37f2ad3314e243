package org.rencontres.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations from a CSV file in two steps: a preview that says what each line would do
 * (new, update of the organisation of the same name, or error), then, once the organiser confirms,
 * all the lines in one transaction, and only if none is in error.
 */
@Service
public class OrganisationImports {

    /** The largest file taken, whatever the server allows. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TrainingContacts contacts;

    OrganisationImports(JdbcClient jdbc, TrainingContacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** A preview kept on the server between the upload and the confirmation; {@code token} names it. */
    record Preview(String token, String fileName, ImportFile file) implements Serializable {
    }

    /** What a confirmed import did. */
    record Outcome(int created, int updated, int contactsAdded) implements Serializable {
    }

    /** Reads the file and says what each line would do; changes nothing. */
    Preview preview(String fileName, byte[] content) {
        ImportFile file = CsvOrganisationImport.read(content);
        if (file.readable()) {
            Map<String, Long> existing = existing(file.lines().stream().map(ImportLine::name).filter(Objects::nonNull).toList());
            file = file.withLines(file.lines().stream()
                    .map(l -> l.matching(l.name() == null ? null : existing.get(l.name())))
                    .toList());
        }
        return new Preview(UUID.randomUUID().toString(), fileName, file);
    }

    /**
     * Applies every line of the preview in one transaction: a new organisation, or the update of the
     * one of the same name (an empty cell keeps the recorded value), and its training-service addresses.
     *
     * @throws DirectoryRefusal when the file has an error line: then nothing is changed
     */
    @Transactional
    Outcome apply(Preview preview) {
        if (!preview.file().importable()) {
            throw new DirectoryRefusal("directory.import.error.notclean", null);
        }
        int created = 0;
        int updated = 0;
        int added = 0;
        for (ImportLine line : preview.file().lines()) {
            // The directory may have changed since the preview: match names again now.
            Long id = existing(List.of(line.name())).get(line.name());
            if (id == null) {
                id = jdbc.sql("""
                        INSERT INTO organisation (name, short_name, kind, siren, street, postcode, city, website)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(line.name(), line.shortName(), line.kind().name(), line.siren(), line.street(),
                                line.postcode(), line.city(), line.website())
                        .query(Long.class).single();
                created++;
            } else {
                jdbc.sql("""
                        UPDATE organisation SET kind = ?, short_name = coalesce(?, short_name), siren = coalesce(?, siren),
                            street = coalesce(?, street), postcode = coalesce(?, postcode), city = coalesce(?, city),
                            website = coalesce(?, website)
                        WHERE id = ?""")
                        .params(line.kind().name(), line.shortName(), line.siren(), line.street(), line.postcode(),
                                line.city(), line.website(), id)
                        .update();
                updated++;
            }
            int before = contacts.of(id).size();
            for (String email : line.trainingEmails()) {
                contacts.addIfMissing(id, TrainingContacts.DEFAULT_LABEL, email);
            }
            added += contacts.of(id).size() - before;
        }
        return new Outcome(created, updated, added);
    }

    /** The ids of the recorded organisations with these names (compared by the database's lower()), by given name. */
    private Map<String, Long> existing(List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT given.name AS given, o.id FROM unnest(?::text[]) AS given(name)
                JOIN organisation o ON lower(o.name) = lower(given.name)""")
                .param(names.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("given"), rs.getLong("id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
