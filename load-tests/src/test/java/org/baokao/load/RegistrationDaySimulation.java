package org.baokao.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.baokao.testkit.StackTable;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Registration day (issue 23 §1): complete candidate journeys through the gateway, one new candidate per arrival,
 * of both bureaus at once: a Shandong 专升本 candidate from registration to preview ({@link ShandongJourney}) and,
 * for {@code shanghaiShare} of the arrivals, a new Shanghai 自考 candidate from registration to paid courses
 * ({@link ShanghaiJourney}). Each step is a Gatling group named by the step, so the report's group table is the
 * journeys'. The captcha's answer and the SMS code are read where only the local stack can read them (the sandbox).
 * Each candidate poses as its own client address (the gateway believes {@code X-Forwarded-For} from loopback only),
 * as real candidates come from many, so the per-address limits (GW-1) hold as they would. A failed request ends that
 * journey (the rest of its steps would only fail too) and is counted against the level it arrived in
 * ({@link JourneyLog}).
 */
public class RegistrationDaySimulation extends Simulation {

    private final DayRun run = DayRun.current();
    private volatile long firstArrival;

    {
        HttpProtocolBuilder gateway = http.baseUrl(StackTable.urlOf("gateway"))
                .header("X-Forwarded-For", "#{clientAddress}")
                .acceptLanguageHeader("zh-CN,zh;q=0.9")
                .userAgentHeader("baokao-bench-day (Gatling)")
                // the sandbox bank's 303 back to the platform is looked at, not followed (the UI's tab is elsewhere)
                .disableFollowRedirect()
                // a browser answers a 304 from its cache; Gatling would report it as the status: every poll must be
                // read afresh (the enrollment view carries an ETag)
                .disableCaching();

        JourneySteps steps = new JourneySteps(run);
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(scenario("Shandong candidate, registration to preview").feed(run.shandong())
                .exec(journey(DayRun.SHANDONG, new ShandongJourney(steps).steps()))
                .injectOpen(arrivals(run.plan().share(1 - run.shanghaiShare()))));
        if (run.shanghaiShare() > 0) {
            populations.add(scenario("Shanghai candidate, registration to paid courses").feed(run.shanghai())
                    .exec(journey(DayRun.SHANGHAI, new ShanghaiJourney(steps, run.sitting()).steps()))
                    .injectOpen(arrivals(run.plan().share(run.shanghaiShare()))));
        }
        setUp(populations).protocols(gateway);
    }

    @Override
    public void before() {
        firstArrival = System.nanoTime();
    }

    private ChainBuilder journey(String bureau, ChainBuilder steps) {
        return exec(session -> arrive(session, bureau)).exitBlockOnFail().on(steps).exec(this::leave);
    }

    /** Levels rising in steps joined by ramps: an open model, arrivals do not wait for the platform. */
    private static List<OpenInjectionStep> arrivals(LoadPlan plan) {
        List<OpenInjectionStep> arrivals = new ArrayList<>();
        for (int n = 0; n < plan.levels(); n++) {
            arrivals.add(constantUsersPerSec(plan.rate(n)).during(plan.level()));
            if (n + 1 < plan.levels() && !plan.ramp().isZero()) {
                arrivals.add(rampUsersPerSec(plan.rate(n)).to(plan.rate(n + 1)).during(plan.ramp()));
            }
        }
        return arrivals;
    }

    private Session arrive(Session session, String bureau) {
        int level = run.plan().levelAt(Duration.ofNanos(System.nanoTime() - firstArrival));
        run.log().began(level, bureau);
        return session.set("level", level).set("bureau", bureau).set("step", "00 arrival");
    }

    private Session leave(Session session) {
        run.log().ended(session.getInt("level"), session.getString("bureau"), !session.isFailed(),
                session.getString("step"));
        return session;
    }
}
