package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rencontres.directory.Organisation;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Phone;

/**
 * The checks of the paper path's form, each bad field with the key of its French message. The
 * e-mail and telephone rules are the shared {@link EmailAddress} and {@link Phone}, as on the public
 * form, so the paper path and the public form accept the same values.
 */
final class PaperRequestChecker {

    /** The form once checked: the field errors (field → message key), or what to record. */
    record Checked(Map<String, String> errors, RequestDraft draft, LocalDate receivedOn) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static final int MAX_LENGTH = 500;

    private PaperRequestChecker() {
    }

    /**
     * @param organisations the directory's organisations, to resolve the one chosen and to link a
     *                      typed name that matches one exactly
     * @param today         the organiser's today (Paris): the form cannot have been received later
     */
    static Checked check(PaperRequestForm form, List<Organisation> organisations, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "nom", form.nom());
        required(errors, "prenom", form.prenom());
        if (blank(form.courriel())) {
            errors.put("courriel", "registration.admin.error.courriel.required");
        } else if (!EmailAddress.isValid(form.courriel())) {
            errors.put("courriel", "registration.admin.error.courriel.invalid");
        }
        if (blank(form.telephone())) {
            errors.put("telephone", "registration.admin.error.telephone.required");
        } else if (!Phone.isValid(form.telephone())) {
            errors.put("telephone", "registration.admin.error.telephone.invalid");
        }
        required(errors, "fonction", form.fonction());

        Organisation chosen = null;
        if (!blank(form.organisation())) {
            chosen = organisation(form.organisation(), organisations).orElse(null);
            if (chosen == null) {
                errors.put("organisation", "registration.admin.error.organisation.unknown");
            } else if (!blank(form.employeur())) {
                errors.put("employeur", "registration.admin.error.employeur.both");
            }
        } else if (blank(form.employeur())) {
            errors.put("organisation", "registration.admin.error.employeur.required");
        }
        if (!blank(form.responsable()) && !EmailAddress.isValid(form.responsable())) {
            errors.put("responsable", "registration.admin.error.responsable.invalid");
        }
        LocalDate receivedOn = null;
        if (blank(form.recuLe())) {
            errors.put("recuLe", "registration.admin.error.recuLe.required");
        } else {
            receivedOn = FrenchTime.parseDate(form.recuLe()).orElse(null);
            if (receivedOn == null) {
                errors.put("recuLe", "registration.admin.error.recuLe.invalid");
            } else if (receivedOn.isAfter(today)) {
                errors.put("recuLe", "registration.admin.error.recuLe.future");
            } else if (receivedOn.isBefore(today.minusYears(2))) {
                errors.put("recuLe", "registration.admin.error.recuLe.old");
            }
        }
        for (String[] text : new String[][] {{"nom", form.nom()}, {"prenom", form.prenom()},
                {"fonction", form.fonction()}, {"employeur", form.employeur()}, {"repas", form.repas()},
                {"accessibilite", form.accessibilite()}}) {
            if (text[1] != null && text[1].length() > MAX_LENGTH) {
                errors.putIfAbsent(text[0], "registration.admin.error.too.long");
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(errors, null, null);
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
        return new Checked(Map.of(), draft, receivedOn);
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



    private static void required(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            errors.put(field, "registration.admin.error." + field + ".required");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
