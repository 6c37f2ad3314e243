package org.rencontres.registration.needs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The needs an agent declares with a request: kinds and their own words. Empty when nothing is
 * declared (then nothing is stored).
 */
public record DeclaredNeeds(Set<NeedKind> kinds, String details) {

    public static final DeclaredNeeds NONE = new DeclaredNeeds(Set.of(), null);

    public DeclaredNeeds {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        details = details == null || details.isBlank() ? null : details.strip();
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && details == null;
    }
}
