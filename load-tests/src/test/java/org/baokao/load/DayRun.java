package org.baokao.load;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.baokao.testkit.CoursePick;

/**
 * What {@link DayBenchmark} prepared for {@link RegistrationDaySimulation}, which Gatling makes by reflection in the
 * same JVM (so the hand-over is a static field): the arrival model and Shanghai's share of it, the candidates of
 * each bureau (feeders: one each, never reused; Shandong's already on the roster, Shanghai's new), the Shanghai
 * sitting's courses they pay for, the portraits they upload, and the log the journeys write.
 */
record DayRun(LoadPlan plan, double shanghaiShare, Iterator<Map<String, Object>> shandong,
        Iterator<Map<String, Object>> shanghai, ShanghaiSitting sitting, List<byte[]> portraits, JourneyLog log) {

    static final String SHANDONG = "sd";
    static final String SHANGHAI = "sh";

    /** The demo Shanghai sitting as its new candidates meet it: what they hold and choose, the pledge they accept. */
    record ShanghaiSitting(CoursePick pick, String integrityPledgeVersion) {
    }

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
