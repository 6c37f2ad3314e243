package org.rencontres.programme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.ui.Model;

/**
 * A back-office page that asks before a change that cannot be undone (a removal, a withdrawal): its
 * heading, what it says, the address its button posts to and where "cancel" leads, texts already in
 * the page's language. One page ({@code programme/admin/confirm.html}) for the confirmations of the
 * programme, networking, workshops and writing modules.
 *
 * @param slot the slot it concerns, shown as in the programme editor's list, or null
 * @param alert a warning shown apart after the texts, or null
 * @param hidden the form's hidden fields (name → value), in order
 */
public record Confirmation(String title, Slot slot, List<String> texts, String alert, String action,
                           Map<String, String> hidden, String confirm, String cancel, String cancelText) {

    public Confirmation {
        texts = List.copyOf(texts);
        hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    /** A page with a heading, one text, its button and its way back. */
    public static Confirmation of(String title, String text, String action, String confirm, String cancel,
                                  String cancelText) {
        return new Confirmation(title, null, List.of(text), null, action, Map.of(), confirm, cancel, cancelText);
    }

    /** The same, about that slot. */
    Confirmation about(Slot concerned) {
        return new Confirmation(title, concerned, texts, alert, action, hidden, confirm, cancel, cancelText);
    }

    /** The same, with a warning shown apart. */
    Confirmation alerting(String warning) {
        return new Confirmation(title, slot, texts, warning, action, hidden, confirm, cancel, cancelText);
    }

    /** The same, with one more hidden field that the button sends. */
    Confirmation sending(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(hidden);
        more.put(name, value);
        return new Confirmation(title, slot, texts, alert, action, more, confirm, cancel, cancelText);
    }

    /** The same, with one more text after the others. */
    public Confirmation saying(String text) {
        return new Confirmation(title, slot, Stream.concat(texts.stream(), Stream.of(text)).toList(), alert, action,
                hidden, confirm, cancel, cancelText);
    }

    /** Gives the page what it shows; the view's name. */
    public String show(Model model) {
        model.addAttribute("confirmation", this);
        return "programme/admin/confirm";
    }
}
