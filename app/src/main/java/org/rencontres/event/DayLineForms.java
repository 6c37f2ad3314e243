package org.rencontres.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rencontres.directory.OrganisationKind;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Phone;
import org.rencontres.web.FieldBounds;

/**
 * The small forms of a day's back-office page, one line at a time (a contact, a link, a file, a partner),
 * and those of its duplication and cancellation: each says what is wrong with it as {@link FieldProblem}s,
 * and gives what it holds once nothing is.
 */
final class DayLineForms {

    private DayLineForms() {
    }

    record ContactForm(String objet, String nom, String fonction, String organisme, String telephone, String courriel) {

        static ContactForm empty() {
            return new ContactForm("PROGRAMME", "", "", "", "", "");
        }

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            known(Contact.Purpose.class, objet, "objet", "day.error.contact.purpose", problems);
            if (blank(nom)) {
                problems.add(FieldProblem.of("nom", "day.error.contact.name"));
            }
            if (!email().isEmpty() && !EmailAddress.isValid(email())) {
                problems.add(FieldProblem.of("courriel", "day.error.contact.email"));
            }
            if (!phone().isEmpty() && !Phone.isValid(phone())) {
                problems.add(FieldProblem.of("telephone", "day.error.contact.phone"));
            }
            return problems;
        }

        Contact contact() {
            return new Contact(Contact.Purpose.valueOf(objet), nom.strip(), orNull(fonction), orNull(organisme),
                    orNull(phone()), orNull(email()));
        }

        private String email() {
            return courriel == null ? "" : courriel.strip();
        }

        private String phone() {
            return telephone == null ? "" : telephone.strip();
        }
    }

    record ResourceForm(String genre, String intitule, String description, String adresse, String visibilite) {

        static ResourceForm empty() {
            return new ResourceForm("COMMUNITY_LINK", "", "", "", "PUBLIC");
        }

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            known(Resource.Kind.class, genre, "genre", "day.error.resource.kind", problems);
            if (blank(intitule)) {
                problems.add(FieldProblem.of("intitule", "day.error.resource.title"));
            }
            if (adresse == null || !DayForms.isWebAddress(adresse.strip())) {
                problems.add(FieldProblem.of("adresse", "day.error.url"));
            }
            return problems;
        }

        Resource resource() {
            Resource.Visibility visibility = "PARTICIPANTS".equals(visibilite)
                    ? Resource.Visibility.PARTICIPANTS : Resource.Visibility.PUBLIC;
            return new Resource(Resource.Kind.valueOf(genre), intitule.strip(), orNull(description), adresse.strip(),
                    null, visibility);
        }
    }

    /** The text fields of a file's form; the file itself is checked when it is stored. */
    record FileForm(String titreFichier, String genreFichier, String visibiliteFichier) {

        List<FieldProblem> problems(boolean fileGiven) {
            List<FieldProblem> problems = new ArrayList<>();
            known(Resource.Kind.class, genreFichier, "genreFichier", "day.error.resource.kind", problems);
            known(Resource.Visibility.class, visibiliteFichier, "visibiliteFichier", "day.error.resource.visibility",
                    problems);
            if (blank(titreFichier)) {
                problems.add(FieldProblem.of("titreFichier", "day.error.resource.title"));
            }
            if (!fileGiven) {
                problems.add(FieldProblem.of("fichier", "day.error.file.empty"));
            }
            return problems;
        }

        Resource resource() {
            return new Resource(Resource.Kind.valueOf(genreFichier), titreFichier.strip(), null, null, null,
                    Resource.Visibility.valueOf(visibiliteFichier));
        }
    }

    /** A partner typed by name: it becomes an organisation of the directory, whose name is indexed. */
    static List<FieldProblem> partnerProblems(String name) {
        if (blank(name)) {
            return List.of(FieldProblem.of("partenaire", "day.error.partner"));
        }
        if (name.strip().length() > FieldBounds.SINGLE_LINE) {
            return List.of(FieldProblem.of("partenaire", "day.error.partner.long"));
        }
        return List.of();
    }

    /** The kind chosen for a new partner, or null to let its name say it (an unknown value counts as not chosen). */
    static OrganisationKind partnerKind(String typed) {
        return Arrays.stream(OrganisationKind.values()).filter(k -> k.name().equals(typed))
                .findFirst().orElse(null);
    }

    /** A new edition's code and first date. */
    record DuplicateForm(String code, String date) {

        List<FieldProblem> problems(Days days) {
            List<FieldProblem> problems = new ArrayList<>();
            if (code.strip().length() > SessionCode.MAX_LENGTH) {
                problems.add(FieldProblem.of("code", "day.error.code.long"));
            } else {
                try {
                    if (days.exists(new SessionCode(code))) {
                        problems.add(FieldProblem.of("code", "day.error.code.taken"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("code", "day.error.code"));
                }
            }
            if (newDate() == null) {
                problems.add(FieldProblem.of("date", "day.error.date"));
            }
            return problems;
        }

        SessionCode sessionCode() {
            return new SessionCode(code);
        }

        LocalDate newDate() {
            return FrenchTime.parseDate(date).orElse(null);
        }
    }

    /** Cancelling a day needs the message its public page will show. */
    static List<FieldProblem> statusProblems(DayStatus target, String message) {
        return target == DayStatus.CANCELLED && blank(message)
                ? List.of(FieldProblem.of("message", "day.error.cancellation")) : List.of();
    }

    private static <E extends Enum<E>> void known(Class<E> type, String value, String field, String code,
                                                  List<FieldProblem> problems) {
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(FieldProblem.of(field, code));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
