package org.rencontres.privacy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The record of processing activities (GDPR article 30), generated from the settings: the processings of the
 * platform, each with its purpose, legal basis, people, data and recipients (message codes
 * {@code privacy.record.<code>.*}) and its retention, the periods of its kinds as an administrator set them.
 * The privacy notice (articles 13 and 14) reads the same list.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProcessingRecord {

    /** A processing: its code (message prefix) and the codes of the kinds of data whose periods it follows. */
    record Processing(String code, List<Retention.RetainedKind> retention) {
    }

    /** The processings, in the order of a registration's life, with the kinds whose periods they follow. */
    private static final List<Map.Entry<String, List<String>>> PROCESSINGS = List.of(
            Map.entry("registration", List.of("registration.registration", "registration.refused", "registration.paper-form")),
            Map.entry("attendance", List.of("attendance.signatures", "attendance.certificates")),
            Map.entry("survey", List.of("survey.free-texts")),
            Map.entry("networking", List.of("registration.registration")),
            Map.entry("writing", List.of("writing.documents")),
            Map.entry("email", List.of("notification.bodies", "audit.entries")));

    private final Retention retention;

    List<Processing> processings() {
        Map<String, Retention.RetainedKind> kinds = retention.kinds().stream()
                .collect(Collectors.toMap(Retention.RetainedKind::code, Function.identity()));
        return PROCESSINGS.stream()
                .map(e -> new Processing(e.getKey(), e.getValue().stream().filter(kinds::containsKey)
                        .map(kinds::get).toList()))
                .toList();
    }

    PrivacySettings.Controller controller() {
        return retention.controller();
    }
}
