package org.rencontres.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.Phone;

/**
 * The section « Informations publiques (Qualiopi) » of the session form as typed, field names as in the
 * French form; read into a {@link PublicInfo} or, field by field, what is wrong.
 */
record PublicInfoForm(String objectifs, String prerequis, String methodes, String evaluation, String duree,
                      String tarif, Boolean gratuit, String tarifPublic, String accessibilite, String referentNom,
                      String referentCourriel, String referentTelephone) {

    static final PublicInfoForm EMPTY = new PublicInfoForm("", "", "", "", "", "", false, "", "", "", "", "");

    /** What reading the section gives: the information, or its problems. */
    record Result(PublicInfo info, List<FieldProblem> problems) {
    }

    static PublicInfoForm of(PublicInfo i) {
        return new PublicInfoForm(n(i.objectives()), n(i.prerequisites()), n(i.methods()), n(i.evaluation()),
                i.hours() == null ? "" : number(i.hours()), i.priceEuros() == null ? "" : number(i.priceEuros()),
                i.free(), n(i.priceNote()), n(i.accessibility()), n(i.disabilityName()),
                i.disabilityEmail() == null ? "" : i.disabilityEmail().value(),
                i.disabilityPhone() == null ? "" : i.disabilityPhone().value());
    }

    Result read() {
        List<FieldProblem> errors = new ArrayList<>();
        BigDecimal hours = amount(duree, "duree", "day.error.hours", errors);
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(9999)) > 0)) {
            errors.add(FieldProblem.of("duree", "day.error.hours"));
        }
        BigDecimal price = amount(tarif == null ? null : tarif.replace("€", "").replace("\u00a0", ""), "tarif",
                "day.error.price", errors);
        if (price != null && price.compareTo(BigDecimal.valueOf(99_999_999)) > 0) {
            errors.add(FieldProblem.of("tarif", "day.error.price"));
        }
        if (!blank(tarifPublic) && tarifPublic.strip().length() > 2000) {
            errors.add(FieldProblem.of("tarifPublic", "day.error.price.note"));
        }
        if (!blank(referentNom) && referentNom.strip().length() > 200) {
            errors.add(FieldProblem.of("referentNom", "day.error.disability.name"));
        }
        EmailAddress email = null;
        if (!blank(referentCourriel)) {
            email = EmailAddress.parse(referentCourriel).orElse(null);
            if (email == null) {
                errors.add(FieldProblem.of("referentCourriel", "day.error.disability.email"));
            }
        }
        Phone phone = null;
        if (!blank(referentTelephone)) {
            phone = Phone.parse(referentTelephone).orElse(null);
            if (phone == null) {
                errors.add(FieldProblem.of("referentTelephone", "day.error.disability.phone"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new PublicInfo(text(objectifs), text(prerequis), text(methodes), text(evaluation), hours,
                price, Boolean.TRUE.equals(gratuit), text(tarifPublic), text(accessibilite), text(referentNom), email,
                phone), errors);
    }

    /** A positive amount with at most two decimals, a comma or a dot; null when blank or wrong (then a problem). */
    private static BigDecimal amount(String typed, String field, String code, List<FieldProblem> errors) {
        if (blank(typed)) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(typed.strip().replace(" ", "").replace(',', '.'));
            if (d.signum() < 0 || d.stripTrailingZeros().scale() > 2) {
                errors.add(FieldProblem.of(field, code));
                return null;
            }
            return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(FieldProblem.of(field, code));
            return null;
        }
    }

    private static String number(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** A typed text, or null when blank; lines ended by LF whatever the browser sent. */
    private static String text(String s) {
        return blank(s) ? null : s.strip().replace("\r\n", "\n");
    }
}
