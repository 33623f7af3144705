package org.baokao.load;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What {@link DayBenchmark} prepared for {@link RegistrationDaySimulation}, which Gatling makes by reflection in the
 * same JVM (so the hand-over is a static field): the arrival model, the candidates already on the roster (the
 * feeder: one each, never reused), the portraits they upload, and the log the journeys write.
 */
record DayRun(LoadPlan plan, Iterator<Map<String, Object>> candidates, List<byte[]> portraits, JourneyLog log) {

    private static volatile DayRun current;

    static void prepare(DayRun run) {
        current = run;
    }

    static DayRun current() {
        if (current == null) {
            throw new IllegalStateException("RegistrationDaySimulation runs from DayBenchmark (./baokao bench day)");
        }
        return current;
    }
}
