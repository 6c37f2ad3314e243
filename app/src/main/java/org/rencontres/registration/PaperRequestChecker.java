package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rencontres.directory.Organisation;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Phone;

/**
 * The checks of the paper path's form, each bad field with the key of its French message. The
 * e-mail and telephone rules are the shared {@link EmailAddress} and {@link Phone}, as on the public
 * form, so the paper path and the public form accept the same values.
 */
final class PaperRequestChecker {

    /** The form once checked: the problems of its fields, or what to record. */
    record Checked(List<FieldProblem> problems, RequestDraft draft, LocalDate receivedOn) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private static final String KEYS = "registration.admin.error.";

    private PaperRequestChecker() {
    }

    /**
     * @param organisations the directory's organisations, to resolve the one chosen and to link a
     *                      typed name that matches one exactly
     * @param today         the organiser's today (Paris): the form cannot have been received later
     */
    static Checked check(PaperRequestForm form, List<Organisation> organisations, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        AgentFieldRules.identity(problems, KEYS, form.nom(), form.prenom(), form.courriel(), form.telephone(),
                form.fonction());

        Organisation chosen = null;
        if (!blank(form.organisation())) {
            chosen = organisation(form.organisation(), organisations).orElse(null);
            if (chosen == null) {
                problems.add(FieldProblem.of("organisation", KEYS + "organisation.unknown"));
            } else if (!blank(form.employeur())) {
                problems.add(FieldProblem.of("employeur", KEYS + "employeur.both"));
            }
        } else if (blank(form.employeur())) {
            problems.add(FieldProblem.of("organisation", KEYS + "employeur.required"));
        }
        AgentFieldRules.lineManager(problems, KEYS, form.responsable());
        LocalDate receivedOn = null;
        if (blank(form.recuLe())) {
            problems.add(FieldProblem.of("recuLe", KEYS + "recuLe.required"));
        } else {
            receivedOn = FrenchTime.parseDate(form.recuLe()).orElse(null);
            if (receivedOn == null) {
                problems.add(FieldProblem.of("recuLe", KEYS + "recuLe.invalid"));
            } else if (receivedOn.isAfter(today)) {
                problems.add(FieldProblem.of("recuLe", KEYS + "recuLe.future"));
            } else if (receivedOn.isBefore(today.minusYears(2))) {
                problems.add(FieldProblem.of("recuLe", KEYS + "recuLe.old"));
            }
        }
        AgentFieldRules.lengths(problems, KEYS, form.nom(), form.prenom(), form.fonction(), form.employeur(),
                form.repas(), form.accessibilite());
        if (!problems.isEmpty()) {
            return new Checked(problems, null, null);
        }
        if (chosen == null) {
            // A typed name that is exactly an organisation of the directory is linked to it, as online.
            chosen = organisations.stream().filter(o -> o.name().strip().equalsIgnoreCase(form.employeur().strip()))
                    .findFirst().orElse(null);
        }
        // The agent signed the paper form: their consent dates from its reception.
        Instant consent = receivedOn.atStartOfDay(FrenchTime.PARIS).toInstant();
        RequestDraft draft = draft(form.nom(), form.prenom(), form.courriel(), form.telephone(), form.fonction(),
                chosen == null ? null : chosen.id(), chosen == null ? form.employeur() : chosen.name(),
                form.responsable(), form.repas(), form.accessibilite(), consent);
        return new Checked(List.of(), draft, receivedOn);
    }

    private static Optional<Organisation> organisation(String id, List<Organisation> organisations) {
        try {
            long wanted = Long.parseLong(id.strip());
            return organisations.stream().filter(o -> o.id() == wanted).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // The one place that builds a RequestDraft here: the request recorded.
    private static RequestDraft draft(String surname, String givenName, String email, String phone, String position,
                                      Long organisationId, String employerName, String manager, String dietary,
                                      String accessibility, Instant consentAt) {
        return new RequestDraft(surname, givenName, email, phone, position, organisationId, employerName, manager,
                dietary, accessibility, consentAt);
    }

    private static boolean blank(String value) {
        return AgentFieldRules.blank(value);
    }
}
