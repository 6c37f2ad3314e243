package org.rencontres.survey;

import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** The survey's results for other modules (the day's dashboard): the scale and choice questions' counts. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SurveySummaries {

    /**
     * One question's counts by answer ("1".."5" for a scale, the options for a choice), with its mean for a
     * scale ({@code scale}; null while nobody answered).
     */
    public record Summary(String question, boolean scale, int answered, Double mean, Map<String, Integer> counts) {
    }

    /**
     * The day's answers: how many responded, of how many confirmed people present at least one half-day,
     * and each scale or choice question.
     */
    public record DaySummary(int responses, int present, List<Summary> questions) {
    }

    private final Surveys surveys;

    public DaySummary of(long dayId) {
        Results results = surveys.results(dayId);
        return new DaySummary(results.responses(), results.present(), results.questions().stream()
                .filter(q -> q.question().kind() != Question.Kind.TEXT)
                .map(q -> new Summary(q.question().text(), q.question().kind() == Question.Kind.SCALE,
                        q.answered(), q.mean(), q.counts())).toList());
    }
}
