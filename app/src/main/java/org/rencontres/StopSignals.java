package org.rencontres;

import sun.misc.Signal;

/**
 * A stop asked with Ctrl-C (SIGINT) or SIGTERM ends with status 0 once the application has shut
 * down, not the JVM's 130 or 143. Why: {@code ./mvnw spring-boot:run} runs the application in a
 * forked JVM and calls any status other than 0 or 130 a {@code BUILD FAILURE}; on Ctrl-C it gives
 * that JVM 5 seconds to stop, then sends it SIGTERM (status 143). Stopping the job scheduler, the web
 * server and the embedded PostgreSQL takes about 4 seconds on an idle machine, more on a busy one;
 * and a SIGINT sent to Maven alone never reaches the application, which then always ends by SIGTERM.
 * The shutdown itself is unchanged: {@link System#exit} runs the same shutdown hooks (Spring's
 * context close) as the JVM's own handlers. Where a signal is ignored (started with {@code nohup}, in
 * the background of a script) or reserved ({@code -Xrs}), the JVM keeps its own handling.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void exitCleanly() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                // Reserved by the JVM or unknown on this system: its default handling stays.
            }
        }
    }
}
