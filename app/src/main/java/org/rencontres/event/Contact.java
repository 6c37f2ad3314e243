package org.rencontres.event;

/** Someone to call about a day: about its programme, or about registering. */
public record Contact(Purpose purpose, String name, String role, String organisation, String phone, String email) {

    public enum Purpose { PROGRAMME, REGISTRATION }

    /** The phone number for a {@code tel:} link: digits only, international form for French numbers. */
    public String phoneUri() {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("0") && digits.length() == 10) {
            digits = "+33" + digits.substring(1);
        }
        return "tel:" + digits;
    }
}
