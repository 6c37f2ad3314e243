package org.rencontres.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations from a CSV file in two steps: a preview that says what each line would do
 * (new, update of the organisation of the same name, or error), then, once the organiser confirms,
 * all the lines in one transaction, and only if none is in error. New organisations are recorded; for an
 * organiser, changes of existing ones and training-service addresses wait for an administrator
 * ({@link DirectoryChanges}), as they do from the organisation's page. Every change is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganisationImports {

    /** The largest file taken, whatever the server allows. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TrainingContacts contacts;
    private final OrganisationCatalogue catalogue;
    private final DirectoryChanges changes;
    private final Directory directory;
    private final AuditTrail audit;
    private final OrganisationDescriptions describe;

    /** A preview kept on the server between the upload and the confirmation; {@code token} names it. */
    record Preview(String token, String fileName, ImportFile file) implements Serializable {
    }

    /**
     * What a confirmed import did.
     *
     * @param asked the changes of existing organisations and the training-service addresses that wait for
     *              an administrator (an organiser's import)
     */
    record Outcome(int created, int updated, int contactsAdded, int asked) implements Serializable {
    }

    /** Reads the file and says what each line would do; changes nothing. */
    Preview preview(String fileName, byte[] content) {
        return preview(UUID.randomUUID().toString(), fileName, content);
    }

    /** The same, for a file kept under {@code token}. */
    Preview preview(String token, String fileName, byte[] content) {
        ImportFile file = CsvOrganisationImport.read(content);
        if (file.readable()) {
            Map<String, Long> existing = existing(file.lines().stream().map(ImportLine::name).filter(Objects::nonNull).toList());
            file = file.withLines(file.lines().stream()
                    .map(l -> l.matching(l.name() == null ? null : existing.get(l.name())))
                    .toList());
        }
        return new Preview(token, fileName, file);
    }

    /**
     * Applies every line of the preview in one transaction: a new organisation, or the update of the
     * one of the same name (an empty cell keeps the recorded value), and its training-service addresses.
     *
     * @throws DirectoryRefusal when the file has an error line: then nothing is changed
     */
    /** Applies the preview as the application itself (an administrator's rights). */
    @Transactional
    Outcome apply(Preview preview) {
        return apply(preview, DirectoryActor.SYSTEM);
    }

    @Transactional
    Outcome apply(Preview preview, DirectoryActor actor) {
        if (!preview.file().importable()) {
            throw new DirectoryRefusal("directory.import.error.notclean", null);
        }
        int created = 0;
        int updated = 0;
        int added = 0;
        int asked = 0;
        for (ImportLine line : preview.file().lines()) {
            // The directory may have changed since the preview: match names again now.
            Long id = existing(List.of(line.name())).get(line.name());
            if (id == null) {
                id = directory.insert(new NewOrganisation(line.name(), line.shortName(), line.kind(), line.siren(),
                        line.street(), line.postcode(), line.city(), line.website()));
                audit.recordOrganisation(id, actor.accountId(), actor.name(), "created", line.name() + " – import",
                        null, describe.identity(id).orElseThrow());
                created++;
            } else {
                OrganisationForm merged = merged(catalogue.find(id).orElseThrow(), line);
                if (actor.administrator()) {
                    Saved<Organisation> saved = catalogue.update(id, merged, actor, "import");
                    if (!saved.ok()) {
                        throw new DirectoryRefusal("directory.import.error.conflict", null);
                    }
                    updated++;
                } else {
                    Saved<DirectoryChanges.Outcome> saved = changes.update(actor, id, merged);
                    if (!saved.ok()) {
                        throw new DirectoryRefusal("directory.import.error.conflict", null);
                    }
                    if (saved.value() == DirectoryChanges.Outcome.ASKED) {
                        asked++;
                    } else {
                        updated++;
                    }
                }
            }
            for (String email : line.trainingEmails()) {
                if (actor.administrator()) {
                    added += contacts.addIfMissing(id, TrainingContacts.DEFAULT_LABEL, email, actor) ? 1 : 0;
                } else if (!contacts.has(id, email)) {
                    Saved<DirectoryChanges.Outcome> saved = changes.addContact(actor, id,
                            new TrainingContactForm(TrainingContacts.DEFAULT_LABEL, email));
                    asked += saved.ok() ? 1 : 0;
                }
            }
        }
        return new Outcome(created, updated, added, asked);
    }

    /** The organisation as the line would leave it: an empty cell keeps the recorded value; the kind is the line's. */
    private OrganisationForm merged(Organisation o, ImportLine line) {
        return new OrganisationForm(o.name(), nz(line.shortName(), o.shortName()), line.kind().name(),
                nz(line.siren(), o.siren()), nz(line.street(), o.street()), nz(line.postcode(), o.postcode()),
                nz(line.city(), o.city()), nz(line.website(), o.website()),
                String.join("\n", directory.emailDomains(o.id()).list()));
    }

    private static String nz(String value, String recorded) {
        return value != null ? value : recorded == null ? "" : recorded;
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
