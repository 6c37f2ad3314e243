package org.rencontres.networking;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock of a live rotation as stored (status, phase, round, end of the phase or time left) and
 * its course: a running clock moves on by itself, round → changeover → next round → … → finished,
 * so that the state at any instant follows from the stored one and the database's time alone.
 */
record LiveClock(LiveStatus status, LivePhase phase, int round, Instant endsAt, Long remainingMillis,
                 int roundCount, int roundSeconds, int changeoverSeconds) {

    static LiveClock notStarted(int roundCount, int roundSeconds, int changeoverSeconds) {
        return new LiveClock(LiveStatus.NOT_STARTED, LivePhase.ROUND, 0, null, null, roundCount, roundSeconds,
                changeoverSeconds);
    }

    /** Where a running clock stands at {@code now}; any other clock stays as it is. */
    LiveClock at(Instant now) {
        if (status != LiveStatus.RUNNING) {
            return this;
        }
        LivePhase p = phase;
        int r = round;
        Instant end = endsAt;
        while (!now.isBefore(end)) {
            if (p == LivePhase.ROUND && r >= roundCount) {
                return with(LiveStatus.FINISHED, LivePhase.ROUND, roundCount, null, null);
            }
            if (p == LivePhase.ROUND && changeoverSeconds > 0) {
                p = LivePhase.CHANGEOVER;
                end = end.plusSeconds(changeoverSeconds);
            } else {
                p = LivePhase.ROUND;
                r++;
                end = end.plusSeconds(roundSeconds);
            }
        }
        return with(LiveStatus.RUNNING, p, r, end, null);
    }

    LiveClock start(Instant now) {
        if (status != LiveStatus.NOT_STARTED) {
            throw new LiveRefusal("live.refused.started");
        }
        if (roundCount == 0) {
            throw new LiveRefusal("live.refused.empty");
        }
        return with(LiveStatus.RUNNING, LivePhase.ROUND, 1, now.plusSeconds(roundSeconds), null);
    }

    LiveClock pause(Instant now) {
        if (status != LiveStatus.RUNNING) {
            throw new LiveRefusal(refusal("live.refused.pause"));
        }
        return with(LiveStatus.PAUSED, phase, round, null, Duration.between(now, endsAt).toMillis());
    }

    LiveClock resume(Instant now) {
        if (status != LiveStatus.PAUSED) {
            throw new LiveRefusal(refusal("live.refused.resume"));
        }
        return with(LiveStatus.RUNNING, phase, round, now.plusMillis(remainingMillis), null);
    }

    /** The next round begins now (a changeover in progress is cut short); after the last one, the end. */
    LiveClock nextRound(Instant now) {
        if (status != LiveStatus.RUNNING && status != LiveStatus.PAUSED) {
            throw new LiveRefusal(refusal("live.refused.next"));
        }
        if (phase == LivePhase.ROUND && round >= roundCount) {
            return with(LiveStatus.FINISHED, LivePhase.ROUND, roundCount, null, null);
        }
        return status == LiveStatus.RUNNING
                ? with(LiveStatus.RUNNING, LivePhase.ROUND, round + 1, now.plusSeconds(roundSeconds), null)
                : with(LiveStatus.PAUSED, LivePhase.ROUND, round + 1, null, roundSeconds * 1000L);
    }

    LiveClock addTime(int seconds) {
        if (seconds <= 0 || seconds > 3600) {
            throw new LiveRefusal("live.refused.time");
        }
        return switch (status) {
            case RUNNING -> with(status, phase, round, endsAt.plusSeconds(seconds), null);
            case PAUSED -> with(status, phase, round, null, remainingMillis + seconds * 1000L);
            default -> throw new LiveRefusal(refusal("live.refused.add"));
        };
    }

    /** What is left of the current phase at {@code now}. */
    long remainingAt(Instant now) {
        return switch (status) {
            case RUNNING -> Math.max(0, Duration.between(now, endsAt).toMillis());
            case PAUSED -> remainingMillis;
            case NOT_STARTED -> roundSeconds * 1000L;
            case FINISHED -> 0;
        };
    }

    /** The round people sit at, or move to during a changeover; 1 before the start, 0 when finished. */
    int shownRound() {
        return switch (status) {
            case NOT_STARTED -> roundCount == 0 ? 0 : 1;
            case FINISHED -> 0;
            default -> phase == LivePhase.CHANGEOVER ? round + 1 : round;
        };
    }

    /** When the round after the shown one begins, while the clock runs. */
    Instant nextStartsAt() {
        if (status != LiveStatus.RUNNING || shownRound() >= roundCount) {
            return null;
        }
        return phase == LivePhase.CHANGEOVER
                ? endsAt.plusSeconds(roundSeconds + changeoverSeconds)
                : endsAt.plusSeconds(changeoverSeconds);
    }

    private String refusal(String fallback) {
        return switch (status) {
            case NOT_STARTED -> "live.refused.notstarted";
            case FINISHED -> "live.refused.finished";
            default -> fallback;
        };
    }

    private LiveClock with(LiveStatus s, LivePhase p, int r, Instant end, Long remaining) {
        return new LiveClock(s, p, r, end, remaining, roundCount, roundSeconds, changeoverSeconds);
    }
}
