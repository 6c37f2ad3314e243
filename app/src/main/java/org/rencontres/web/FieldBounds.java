package org.rencontres.web;

/**
 * How long a typed text may be, as the shared form fragments announce it ({@code maxlength} in
 * {@code templates/fragments/forms.html}, written there as numbers: Thymeleaf's restricted mode
 * forbids reaching a bean from those attributes) and the database enforces it (V33): a name, a
 * title or an address on one line, a multi-line text. The server's own cap on any field is
 * {@link #MULTI_LINE} ({@link InputFilter}).
 */
public final class FieldBounds {

    public static final int SINGLE_LINE = 1_000;
    public static final int MULTI_LINE = InputFilter.MAX_VALUE;

    private FieldBounds() {
    }
}
