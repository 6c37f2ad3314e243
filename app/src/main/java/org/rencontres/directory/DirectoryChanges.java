package org.rencontres.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.notification.Mailer;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchText;
import org.rencontres.shared.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may change what decides other units' registrations. The directory is shared by every organising
 * unit, and an organisation's training-service contacts (who receive the decision links of its agents'
 * requests) and its identity (name, SIREN, kind, e-mail domains…) matter to all of them: an
 * administrator changes them at once; an organiser's change waits, as a pending change naming who
 * asked and when, until an administrator approves it (then it applies) or refuses it (nothing
 * changes); the requester is told of the outcome by e-mail through the outbox. Each step is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DirectoryChanges {

    enum Kind { UPDATE, CONTACT_ADDED, CONTACT_REMOVED, DELETE }

    enum Status { PENDING, APPROVED, REFUSED }

    /** A change asked for by an organiser. */
    record Change(long id, long organisationId, String organisationName, Kind kind, OrganisationForm form,
                  Long contactId, String contactLabel, String contactEmail, String before, String after,
                  Long requestedBy, String requesterName, String requesterEmail, Instant requestedAt, Status status,
                  String deciderName, Instant decidedAt, String reason) {

        /** What the change is, for pages and e-mails: "Retrait de l'adresse x du service formation", … */
        public String summaryKey() {
            return "directory.change.kind." + kind.name();
        }

        public String subject() {
            return contactEmail != null ? contactEmail : organisationName;
        }
    }

    /** What happened to an act: applied at once, or waiting for an administrator. */
    enum Outcome { APPLIED, ASKED, UNCHANGED }

    /** The longest reason an administrator may give for a refusal. */
    static final int MAX_REASON = 1000;

    private static final String COLUMNS = """
            id, organisation_id, organisation_name, kind, name, short_name, org_kind, siren, street, postcode, city,
            website, domains, contact_id, contact_label, contact_email, before_text, after_text, requested_by,
            requester_name, requester_email, requested_at, status, decider_name, decided_at, reason""";

    private final JdbcClient jdbc;
    private final OrganisationCatalogue catalogue;
    private final TrainingContacts contacts;
    private final OrganisationDescriptions describe;
    private final AuditTrail audit;
    private final Mailer mailer;
    private final PublicAddress address;

    // ---- the acts of the back office ----

    /**
     * Records a new organisation. Any organiser may: it has no training-service address yet. Its e-mail
     * domains, which silence the flag on a line manager's address, are an administrator's: an organiser's
     * are asked for as a pending change of the new organisation.
     */
    @Transactional
    Saved<Organisation> create(DirectoryActor actor, OrganisationForm form) {
        if (actor.administrator() || EmailDomains.parse(form.domaines()).errorKey() != null || EmailDomains.parse(form.domaines()).domains().isEmpty()) {
            return catalogue.create(form, actor);
        }
        OrganisationForm withoutDomains = new OrganisationForm(form.nom(), form.sigle(), form.type(), form.siren(),
                form.rue(), form.codepostal(), form.ville(), form.site(), "");
        Saved<Organisation> saved = catalogue.create(withoutDomains, actor);
        if (saved.ok()) {
            update(actor, saved.value().id(), form);
        }
        return saved;
    }

    /** Changes the organisation's identity (administrator), or asks for it (organiser); what is wrong. */
    @Transactional
    Saved<Outcome> update(DirectoryActor actor, long id, OrganisationForm form) {
        List<FieldProblem> problems = catalogue.check(id, form);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        catalogue.lock(id);
        String before = describe.identity(id).orElseThrow();
        String after = describe.identity(form);
        if (before.equals(after)) {
            return Saved.done(Outcome.UNCHANGED);
        }
        if (actor.administrator()) {
            Saved<Organisation> saved = catalogue.update(id, form, actor, null);
            return saved.ok() ? Saved.done(Outcome.APPLIED) : Saved.refused(saved.problems());
        }
        NewOrganisation o = form.toNewOrganisation();
        long change = jdbc.sql("""
                INSERT INTO directory_change (organisation_id, organisation_name, kind, name, short_name, org_kind, siren,
                    street, postcode, city, website, domains, before_text, after_text, requested_by, requester_name,
                    requester_email)
                VALUES (?, (SELECT name FROM organisation WHERE id = ?), 'UPDATE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""")
                .params(id, id, o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                        o.website(), String.join("\n", form.domains()), before, after, actor.accountId(), actor.name(),
                        actor.email())
                .query(Long.class).single();
        asked(actor, id, change, Kind.UPDATE, before, after);
        return Saved.done(Outcome.ASKED);
    }

    /** Adds a training-service address (administrator), or asks for it (organiser); what is wrong. */
    @Transactional
    Saved<Outcome> addContact(DirectoryActor actor, long id, TrainingContactForm form) {
        if (actor.administrator()) {
            Saved<TrainingContact> saved = contacts.add(id, form, actor, null);
            return saved.ok() ? Saved.done(Outcome.APPLIED) : Saved.refused(saved.problems());
        }
        catalogue.lock(id);
        List<FieldProblem> problems = contacts.check(id, form);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        ask(actor, id, Kind.CONTACT_ADDED, null, Texts.blank(form.libelle()) ? TrainingContacts.DEFAULT_LABEL
                : form.libelle().strip(), form.courriel().strip());
        return Saved.done(Outcome.ASKED);
    }

    /** Removes a training-service address (administrator), or asks for it (organiser). */
    @Transactional
    Outcome removeContact(DirectoryActor actor, long id, TrainingContact contact) {
        if (actor.administrator()) {
            contacts.remove(id, contact.id(), actor, null);
            return Outcome.APPLIED;
        }
        catalogue.lock(id);
        ask(actor, id, Kind.CONTACT_REMOVED, contact.id(), contact.label(), contact.email());
        return Outcome.ASKED;
    }

    /**
     * Deletes the organisation (administrator), or asks for it (organiser): a deletion takes its
     * training-service addresses along and detaches its agents' registrations, so it decides who approves
     * them as much as a change of contact does.
     *
     * @throws DirectoryRefusal when something still uses it (administrator)
     */
    @Transactional
    Outcome delete(DirectoryActor actor, long id) {
        if (actor.administrator()) {
            catalogue.delete(id, actor, null);
            return Outcome.APPLIED;
        }
        catalogue.lock(id);
        ask(actor, id, Kind.DELETE, null, null, null);
        return Outcome.ASKED;
    }

    private void ask(DirectoryActor actor, long id, Kind kind, Long contactId, String label, String email) {
        String before = kind == Kind.DELETE ? describe.identity(id).orElseThrow() : describe.contacts(id);
        String after = switch (kind) {
            case CONTACT_ADDED -> (before.startsWith("(") ? "" : before + "\n") + label + " <" + email + ">";
            case CONTACT_REMOVED -> without(before, label + " <" + email + ">");
            default -> null;
        };
        long change = jdbc.sql("""
                INSERT INTO directory_change (organisation_id, organisation_name, kind, contact_id, contact_label,
                    contact_email, before_text, after_text, requested_by, requester_name, requester_email)
                VALUES (?, (SELECT name FROM organisation WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(id, id, kind.name(), contactId, label, email, before, after, actor.accountId(), actor.name(),
                        actor.email())
                .query(Long.class).single();
        asked(actor, id, change, kind, before, after);
    }

    private static String without(String lines, String line) {
        String rest = String.join("\n", lines.lines().filter(l -> !l.equals(line)).toList());
        return rest.isEmpty() ? "(aucune adresse)" : rest;
    }

    private void asked(DirectoryActor actor, long id, long change, Kind kind, String before, String after) {
        audit.recordOrganisation(id, actor.accountId(), actor.name(), "change.asked",
                "Demande n° " + change + " (" + label(kind) + ")", before, after);
    }

    // ---- the administrator's decision ----

    /**
     * Applies the pending change, audited, and tells the requester by e-mail.
     *
     * @throws DirectoryRefusal when it is no longer pending, or cannot apply any more (the name is taken
     *     meanwhile, the organisation or the address is gone): then nothing changes
     */
    @Transactional
    Change approve(DirectoryActor admin, long changeId) {
        Change c = lockPending(changeId);
        String note = "à la demande " + FrenchText.de(c.requesterName()) + " (demande n° " + c.id() + ")";
        switch (c.kind()) {
            case UPDATE -> {
                Saved<Organisation> saved = catalogue.update(c.organisationId(), c.form(), admin, note);
                if (!saved.ok()) {
                    throw new DirectoryRefusal(saved.firstCode(), null);
                }
            }
            case CONTACT_ADDED -> {
                Saved<TrainingContact> saved = contacts.add(c.organisationId(),
                        new TrainingContactForm(c.contactLabel(), c.contactEmail()), admin, note);
                if (!saved.ok()) {
                    throw new DirectoryRefusal(saved.firstCode(), null);
                }
            }
            case CONTACT_REMOVED -> {
                if (!contacts.remove(c.organisationId(), c.contactId(), admin, note)) {
                    throw new DirectoryRefusal("directory.error.gone", null);
                }
            }
            case DELETE -> catalogue.delete(c.organisationId(), admin, note);
        }
        return decided(admin, c, Status.APPROVED, null);
    }

    /**
     * Refuses the pending change: nothing changes; audited, and the requester is told by e-mail. A reason
     * longer than {@link #MAX_REASON} is refused (nothing decided).
     */
    @Transactional
    Saved<Change> refuse(DirectoryActor admin, long changeId, String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            return Saved.refused("motif", "directory.change.error.reason.long");
        }
        Change c = lockPending(changeId);
        return Saved.done(decided(admin, c, Status.REFUSED, Texts.trimmed(reason)));
    }

    private Change lockPending(long changeId) {
        Change c = jdbc.sql("SELECT " + COLUMNS + " FROM directory_change WHERE id = ? FOR UPDATE").param(changeId)
                .query(this::change).optional()
                .orElseThrow(() -> new DirectoryRefusal("directory.error.gone", null));
        if (c.status() != Status.PENDING) {
            throw new DirectoryRefusal("directory.change.error.decided", null);
        }
        return c;
    }

    private Change decided(DirectoryActor admin, Change c, Status status, String reason) {
        jdbc.sql("""
                UPDATE directory_change SET status = ?, decided_by = ?, decider_name = ?, decided_at = clock_timestamp(),
                    reason = ?
                WHERE id = ?""")
                .params(status.name(), admin.accountId(), admin.name(), reason, c.id()).update();
        String action = status == Status.APPROVED ? "change.approved" : "change.refused";
        audit.recordOrganisation(c.organisationId(), admin.accountId(), admin.name(), action,
                "Demande n° " + c.id() + " (" + label(c.kind()) + ") " + FrenchText.de(c.requesterName())
                        + (reason == null ? "" : " – motif\u00a0: " + reason),
                c.before(), c.after());
        Change now = find(c.id()).orElseThrow();
        if (c.requesterEmail() != null && !c.requesterEmail().isBlank()) {
            mailer.queue(c.requesterEmail(), "directory/mail/change", Locale.FRENCH, Map.of(
                    "change", now,
                    "approved", status == Status.APPROVED,
                    "link", address.of(OrganisationsController.BASE + "/" + c.organisationId())));
        }
        return now;
    }

    // ---- reading ----

    Optional<Change> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_change WHERE id = ?").param(id).query(this::change)
                .optional();
    }

    /** Every pending change, oldest first: the administrators' list. */
    List<Change> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_change WHERE status = 'PENDING' ORDER BY requested_at, id")
                .query(this::change).list();
    }

    /** The organisation's pending changes, oldest first. */
    List<Change> pendingOf(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM directory_change WHERE status = 'PENDING' AND organisation_id = ? ORDER BY requested_at, id")
                .param(organisationId).query(this::change).list();
    }

    long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM directory_change WHERE status = 'PENDING'").query(Long.class).single();
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case UPDATE -> "modification de la fiche";
            case CONTACT_ADDED -> "ajout d’une adresse du service formation";
            case CONTACT_REMOVED -> "retrait d’une adresse du service formation";
            case DELETE -> "suppression de l’organisation";
        };
    }

    private Change change(ResultSet rs, int n) throws SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        OrganisationForm form = kind != Kind.UPDATE ? null : new OrganisationForm(rs.getString("name"),
                nz(rs.getString("short_name")), rs.getString("org_kind"), nz(rs.getString("siren")),
                nz(rs.getString("street")), nz(rs.getString("postcode")), nz(rs.getString("city")),
                nz(rs.getString("website")), nz(rs.getString("domains")));
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Change(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"), kind, form,
                (Long) rs.getObject("contact_id"), rs.getString("contact_label"), rs.getString("contact_email"),
                rs.getString("before_text"), rs.getString("after_text"), (Long) rs.getObject("requested_by"),
                rs.getString("requester_name"), rs.getString("requester_email"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), Status.valueOf(rs.getString("status")),
                rs.getString("decider_name"), decided == null ? null : decided.toInstant(), rs.getString("reason"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
