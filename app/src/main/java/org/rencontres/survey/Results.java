package org.rencontres.survey;

import java.util.List;
import java.util.Map;

/** The aggregated answers of a day's survey. */
record Results(int responses, int present, List<QuestionResult> questions) {

    /**
     * Responses per confirmed registration present at least one half-day, in whole percent (0 when
     * nobody came).
     */
    public int ratePercent() {
        return present == 0 ? 0 : Math.round(100f * responses / present);
    }

    /**
     * One question's results: for a scale, {@code counts} has the notes "1".."5"; for a choice, its
     * options; {@code texts} holds the free-text answers.
     */
    record QuestionResult(Question question, int answered, Double mean, Map<String, Integer> counts, List<String> texts) {

        public int max() {
            return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }
}
