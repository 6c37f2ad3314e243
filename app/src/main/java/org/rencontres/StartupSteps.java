package org.rencontres;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;

/**
 * What the start spent its time on, when asked: with the system property {@code rencontres.startup.steps}
 * (or the environment variable {@code RENCONTRES_STARTUP_STEPS}) set to a number N, Spring records every
 * step of the start (bean creations, the context's refresh, post-processors) and, once the application is
 * ready, the N longest are logged at INFO, longest first. A step's time includes the steps inside it (a
 * bean's creation includes its dependencies'). Off by default: the recording keeps every step in memory.
 */
final class StartupSteps {

    static final String PROPERTY = "rencontres.startup.steps";
    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private StartupSteps() {
    }

    /** The number of steps to log, from the system property or the environment; 0 when not asked. */
    static int asked(String property, String environment) {
        String value = property != null && !property.isBlank() ? property : environment;
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a number of steps, not « " + value + " »", e);
        }
    }

    static void recordIfAsked(SpringApplication application) {
        int steps = asked(System.getProperty(PROPERTY), System.getenv("RENCONTRES_STARTUP_STEPS"));
        if (steps == 0) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        // A class, not a lambda: Spring reads the event type from the listener's generic type.
        application.addListeners(new ApplicationListener<ApplicationReadyEvent>() {
            @Override
            public void onApplicationEvent(ApplicationReadyEvent ready) {
                log.info("Start: the {} longest steps (each includes the steps inside it):\n{}", steps,
                        longest(startup.getBufferedTimeline().getEvents(), steps));
            }
        });
    }

    /** One line per step, longest first: milliseconds, the step's name and its tags (the bean's name). */
    static String longest(List<TimelineEvent> events, int count) {
        return events.stream()
                .sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
                .limit(count)
                .map(e -> String.format("%8d ms  %s %s", e.getDuration().toMillis(), e.getStartupStep().getName(),
                        StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                                .map(t -> t.getKey() + "=" + t.getValue())
                                .collect(Collectors.joining(", ", "[", "]"))))
                .collect(Collectors.joining("\n"));
    }
}
