package org.rencontres.privacy;

import java.util.List;

import org.rencontres.shared.PersonData;

/** What an erasure did across the modules: the things erased and those kept, with why. */
record ErasureOutcome(List<String> erased, List<PersonData.Kept> kept) {

    ErasureOutcome {
        erased = List.copyOf(erased);
        kept = List.copyOf(kept);
    }

    /** The outcome as stored with the request, one line each. */
    String text(String erasedLabel, String keptLabel) {
        StringBuilder lines = new StringBuilder();
        erased.forEach(e -> lines.append(erasedLabel).append(e).append('\n'));
        kept.forEach(k -> lines.append(keptLabel).append(k.what()).append(" (").append(k.why()).append(")\n"));
        return lines.toString().strip();
    }
}
