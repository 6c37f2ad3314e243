package org.rencontres.survey;

import java.util.Arrays;
import java.util.Optional;

/**
 * The questionnaires of a session's evaluation loop (Qualiopi indicator 30), each with its own questions,
 * keys and results: HOT the end-of-day survey of the present participants, COLD the follow-up some
 * weeks later (évaluation à froid), SERVICE the employers' training services, TRAINER the speakers and
 * facilitators. {@code slug} names it in addresses.
 */
enum Phase {
    HOT("a-chaud"), COLD("a-froid"), SERVICE("services"), TRAINER("intervenants");

    private final String slug;

    Phase(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The questionnaire of that slug; HOT for none, empty for an unknown one. */
    static Optional<Phase> ofSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.of(HOT);
        }
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
