package org.baokao.account.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baokao.account.bureau.Bureaus;
import org.baokao.account.registration.UniversityCatalogue;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.BureauConfigured.PasswordRule;
import org.baokao.events.enrollment.BureauConfigured.PaymentRule;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.ExamConfigured.Major;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The two demo bureaus (BUR-1) as enrollment-service configures them, kept by every test application context at
 * start, the way a running service has them from {@code BureauConfigured}: Shandong ({@code sd}, the default address
 * the tests written before bureaus use) and Shanghai ({@code sh}, with one examining university of its sitting to
 * register for). Configured long ago, so a test that configures a bureau anew always wins; tests that change a
 * bureau's rules or an exam's universities use a bureau of their own instead of these.
 */
@Component
public class DemoBureaus {

    public static final String SD = "sd";
    public static final String SH = "sh";
    public static final String SD_EXAM = "SD-ZSB-2023";
    public static final String SH_EXAM = "SH-ZK-2026-10";
    static final Instant CONFIGURED_AT = Instant.parse("2023-01-01T00:00:00Z");

    /** An examining university of the Shanghai sitting and one of its majors, to register for at {@code sh}. */
    public static final String SH_UNIVERSITY = "10246";
    public static final String SH_MAJOR = "C050201";

    private final Bureaus bureaus;
    private final UniversityCatalogue catalogue;

    DemoBureaus(Bureaus bureaus, UniversityCatalogue catalogue) {
        this.bureaus = bureaus;
        this.catalogue = catalogue;
    }

    @EventListener(ApplicationReadyEvent.class)
    void configure() {
        bureaus.keep(shandong(CONFIGURED_AT));
        bureaus.keep(shanghai(CONFIGURED_AT));
        catalogue.keep(new ExamConfigured(SH_EXAM, "SELF_STUDY", "2026年10月上海市高等教育自学考试",
                List.of(new University(SH_UNIVERSITY, "复旦大学", null, List.of(new Major(SH_MAJOR, "英语")))),
                CONFIGURED_AT, SH));
    }

    /** Shandong: the roster of SD-ZSB-2023, 8–16 with all four classes, login with an SMS code. */
    public static BureauConfigured shandong(Instant at) {
        return new BureauConfigured(SD, "山东省教育招生考试院", "山东省考试院", SD_EXAM, "ROSTER",
                new PasswordRule(8, 16, 4), true, "2023-03", "2023-03", null, "【山东省教育招生考试院】", Map.of(),
                List.of(new PaymentRule("370200", "UNIONPAY"), new PaymentRule("370000", "CEB")), at);
    }

    /** Shanghai: open registration for a 自考 sitting, 6–16 of any characters, login without an SMS code. */
    public static BureauConfigured shanghai(Instant at) {
        return new BureauConfigured(SH, "上海市教育考试院", "上海市考试院", SH_EXAM, "OPEN", new PasswordRule(6, 16, 1),
                false, "2025-09", "2025-09", "2025-09", "【上海市教育考试院】", Map.of(),
                List.of(new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM")), at);
    }
}
