package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/** The start's longest steps, logged when asked: off unless a number is given, longest first with their tags. */
class StartupStepsTest {

    @Test
    void off_unless_a_number_of_steps_is_asked() {
        assertThat(StartupSteps.asked(null, null)).isZero();
        assertThat(StartupSteps.asked(" ", "")).isZero();
        assertThat(StartupSteps.asked("25", null)).isEqualTo(25);
        assertThat(StartupSteps.asked(null, " 10 ")).isEqualTo(10);
        assertThat(StartupSteps.asked("3", "10")).as("the system property first").isEqualTo(3);
        assertThatThrownBy(() -> StartupSteps.asked("beaucoup", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rencontres.startup.steps");
    }

    @Test
    void the_longest_steps_come_first_with_their_tags() {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(10);
        // The outer step lasts longer than the one it encloses, whatever the machine's speed.
        StartupStep longer = startup.start("spring.beans.instantiate").tag("beanName", "flyway");
        startup.start("short").end();
        longer.end();
        String lines = StartupSteps.longest(startup.getBufferedTimeline().getEvents(), 1);
        assertThat(lines).contains("spring.beans.instantiate [beanName=flyway]").doesNotContain("short");
    }
}
