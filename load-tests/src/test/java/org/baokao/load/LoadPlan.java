package org.baokao.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The open arrival model of {@code ./baokao bench day} (issue 23 §1): new candidates arrive at {@code from} journeys/s
 * for one level, then at {@code from + step}, … for {@code levels} levels, each held {@code levelSeconds}, with a
 * linear ramp of {@code rampSeconds} between two levels. Arrivals do not wait for the platform (an open model): a
 * platform slower than the arrivals shows it as journeys piling up and failing, not as a politely lower rate.
 */
record LoadPlan(double from, double step, int levels, Duration level, Duration ramp) {

    static LoadPlan fromSystemProperties() {
        return new LoadPlan(Double.parseDouble(System.getProperty("bench.from", "0.2")),
                Double.parseDouble(System.getProperty("bench.step", "0.2")), Integer.getInteger("bench.levels", 6),
                Duration.ofSeconds(Integer.getInteger("bench.level-seconds", 30)),
                Duration.ofSeconds(Integer.getInteger("bench.ramp-seconds", 5)));
    }

    /** The same levels with {@code share} of each rate: one kind of journey's part of the arrivals. */
    LoadPlan share(double share) {
        return new LoadPlan(from * share, step * share, levels, level, ramp);
    }

    /** Journeys/s arriving during level {@code n} (0-based). */
    double rate(int n) {
        return from + n * step;
    }

    /** How many candidates arrive in the whole run, ramps included (the feeder must not run dry). */
    int arrivals() {
        double total = 0;
        for (int n = 0; n < levels; n++) {
            total += rate(n) * level.toMillis() / 1000.0;
            if (n + 1 < levels) {
                total += (rate(n) + rate(n + 1)) / 2 * ramp.toMillis() / 1000.0;
            }
        }
        return (int) Math.ceil(total);
    }

    Duration length() {
        return level.multipliedBy(levels).plus(ramp.multipliedBy(Math.max(0, levels - 1)));
    }

    /** The level a journey that began {@code sinceStart} after the first arrival belongs to; -1 within a ramp. */
    int levelAt(Duration sinceStart) {
        long period = level.toMillis() + ramp.toMillis();
        long at = Math.max(0, sinceStart.toMillis());
        int n = (int) (at / period);
        if (n >= levels - 1) {
            return levels - 1; // the last level has no ramp after it: an arrival a few ms late is still its
        }
        return at - n * period < level.toMillis() ? n : -1;
    }

    List<String> describe() {
        List<String> rates = new ArrayList<>();
        for (int n = 0; n < levels; n++) {
            rates.add("%.2f".formatted(rate(n)));
        }
        return rates;
    }
}
