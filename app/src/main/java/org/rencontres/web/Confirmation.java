package org.rencontres.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.ui.Model;

/**
 * A back-office page that asks before a change that cannot be undone (a removal, a withdrawal): its
 * heading, what it says, the address its button posts to and where "cancel" leads, texts already in
 * the page's language. The one page ({@code web/confirm.html}) of the back office's confirmations, whatever
 * the module.
 *
 * @param about what it concerns, shown by the fragment {@code aboutFragment} of the calling module
 *              ({@code "programme/admin/fields :: summaryOf"}, given it as its one parameter), or null
 * @param aboutFragment that fragment, a constant of the calling module's code (never typed text), or null
 * @param alert a warning shown apart after the texts, or null
 * @param hidden the form's hidden fields (name → value), in order
 */
public record Confirmation(String title, Object about, String aboutFragment, List<String> texts, String alert, String action,
                           Map<String, String> hidden, String confirm, String cancel, String cancelText) {

    public Confirmation {
        texts = List.copyOf(texts);
        hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    /** A page with a heading, one text, its button and its way back. */
    public static Confirmation of(String title, String text, String action, String confirm, String cancel,
                                  String cancelText) {
        return new Confirmation(title, null, null, List.of(text), null, action, Map.of(), confirm, cancel, cancelText);
    }

    /** The same, about that thing, shown by that fragment of the calling module. */
    public Confirmation about(String fragment, Object concerned) {
        return new Confirmation(title, concerned, fragment, texts, alert, action, hidden, confirm, cancel, cancelText);
    }

    /** The same, with a warning shown apart. */
    public Confirmation alerting(String warning) {
        return new Confirmation(title, about, aboutFragment, texts, warning, action, hidden, confirm, cancel, cancelText);
    }

    /** The same, with one more hidden field that the button sends. */
    public Confirmation sending(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(hidden);
        more.put(name, value);
        return new Confirmation(title, about, aboutFragment, texts, alert, action, more, confirm, cancel, cancelText);
    }

    /** The same, with one more text after the others. */
    public Confirmation saying(String text) {
        return new Confirmation(title, about, aboutFragment, Stream.concat(texts.stream(), Stream.of(text)).toList(), alert, action,
                hidden, confirm, cancel, cancelText);
    }

    /** Gives the page what it shows; the view's name. */
    public String show(Model model) {
        model.addAttribute("confirmation", this);
        return "web/confirm";
    }
}
