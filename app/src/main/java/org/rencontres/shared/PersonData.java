package org.rencontres.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a module holds about one person, identified by their e-mail address, and the erasure of it
 * (GDPR articles 15, 17 and 20). Each module that stores data about agents declares one bean; the
 * {@code privacy} module collects them for the agent's download and for the erasure an organiser
 * carries out. Texts are already in the given language: the caller only lays them out.
 *
 * <p>The address is matched whole (case aside), never as a prefix or pattern: a person sees nothing
 * of another person whose address looks like theirs.
 *
 * <p>Erasure runs the beans in their {@code @Order}: the modules above registration first, registration
 * last ({@link #LAST}), since they find the person's data through the registrations that it anonymises.
 */
public interface PersonData {

    /** The {@code @Order} of the module that maps an address to its registrations: it erases last. */
    int LAST = Integer.MAX_VALUE;

    /** The {@code @Order} of the modules that find the person through their registrations. */
    int BEFORE_REGISTRATION = 0;

    /** A moment as the sections write it: "7 décembre 2026 à 17:30" (Paris time). */
    static String at(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern("fr".equals(locale.getLanguage())
                        ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm", locale)
                .withZone(FrenchTime.PARIS).format(at);
    }

    /** What this module holds about {@code person}, as titled sections; none when it holds nothing. */
    List<Section> of(EmailAddress person, Locale locale);

    /**
     * Erases what may be erased, in the caller's transaction, and says what was erased and what was kept
     * and why (a proof of attendance that a funder or Qualiopi requires, for instance). Erasing again
     * what is already erased erases nothing more.
     */
    Erasure erase(EmailAddress person, Locale locale);

    /** A titled part of what is held (a registration request, the answers to a survey). */
    record Section(String title, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** One labelled value. */
    record Entry(String label, String value) {
        public Entry {
            value = value == null ? "" : value;
        }
    }

    /** What an erasure did: the things erased and the things kept, each with its reason. */
    record Erasure(List<String> erased, List<Kept> kept) {
        public Erasure {
            erased = List.copyOf(erased);
            kept = List.copyOf(kept);
        }

        public static Erasure nothing() {
            return new Erasure(List.of(), List.of());
        }
    }

    /** Something kept and why. */
    record Kept(String what, String why) {
    }
}
