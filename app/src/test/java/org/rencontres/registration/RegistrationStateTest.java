package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rencontres.registration.RegistrationState.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The approval chain's machine, written out here independently of its implementation. */
class RegistrationStateTest {

    private static final Map<RegistrationState, Set<RegistrationState>> ALLOWED = Map.ofEntries(
            Map.entry(REQUESTED, EnumSet.of(AWAITING_MANAGER, AWAITING_TRAINING_SERVICE, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(AWAITING_MANAGER, EnumSet.of(AWAITING_TRAINING_SERVICE, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(AWAITING_TRAINING_SERVICE, EnumSet.of(AWAITING_ORGANISER, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(AWAITING_ORGANISER, EnumSet.of(CONFIRMED, WAITING_LIST, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(WAITING_LIST, EnumSet.of(OFFERED, CONFIRMED, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(OFFERED, EnumSet.of(CONFIRMED, EXPIRED, REFUSED, WITHDRAWN, CANCELLED)),
            Map.entry(CONFIRMED, EnumSet.of(WITHDRAWN, CANCELLED)),
            Map.entry(REFUSED, EnumSet.noneOf(RegistrationState.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(RegistrationState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(RegistrationState.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(RegistrationState.class)));

    static Stream<Arguments> allowedPairs() {
        List<Arguments> pairs = new ArrayList<>();
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs.stream();
    }

    static Stream<Arguments> forbiddenPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (RegistrationState from : values()) {
            for (RegistrationState to : values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} allowed")
    @MethodSource("allowedPairs")
    void every_allowed_transition_is_allowed(RegistrationState from, RegistrationState to) {
        assertThat(from.mayBecome(to)).isTrue();
        from.check(to, "Une raison");
        assertThat(from.nextStates()).contains(to);
    }

    @ParameterizedTest(name = "{0} → {1} refused")
    @MethodSource("forbiddenPairs")
    void every_other_transition_is_refused(RegistrationState from, RegistrationState to) {
        assertThat(from.mayBecome(to)).isFalse();
        assertThatThrownBy(() -> from.check(to, "Une raison"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                });
        assertThat(from.nextStates()).doesNotContain(to);
    }

    @Test
    void the_table_covers_every_pair() {
        assertThat(ALLOWED).containsOnlyKeys(values());
        assertThat(allowedPairs().count() + forbiddenPairs().count()).isEqualTo((long) values().length * values().length);
    }

    @Test
    void a_refusal_needs_a_reason() {
        for (RegistrationState from : values()) {
            if (from.mayBecome(REFUSED)) {
                assertThatThrownBy(() -> from.check(REFUSED, null)).isInstanceOf(ReasonRequiredException.class);
                assertThatThrownBy(() -> from.check(REFUSED, "  ")).isInstanceOf(ReasonRequiredException.class);
            }
        }
        // Nothing can be refused once confirmed: the organiser cancels instead.
        assertThat(CONFIRMED.mayBecome(REFUSED)).isFalse();
    }

    @Test
    void final_states_and_seats() {
        assertThat(EnumSet.allOf(RegistrationState.class).stream().filter(s -> !s.isLive()))
                .containsExactlyInAnyOrder(REFUSED, WITHDRAWN, CANCELLED, EXPIRED);
        assertThat(EnumSet.allOf(RegistrationState.class).stream().filter(RegistrationState::holdsSeat))
                .containsExactlyInAnyOrder(CONFIRMED, OFFERED);
    }
}
