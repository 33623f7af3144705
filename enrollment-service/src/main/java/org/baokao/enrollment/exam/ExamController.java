package org.baokao.enrollment.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Exams for candidates (public) — the list, one exam, its locations, fee items and pledge — each of the addressed
 * bureau only (BUR-1: another bureau's exam is 404 {@code EXAM_NOT_FOUND} here), and on the partner API (API-1) the
 * list of the exams of the bureau whose data the calling partner reads.
 */
@RestController
class ExamController {

    private final ExamConfigurations exams;
    private final KnownBureaus bureaus;
    private final Clock clock;

    ExamController(ExamConfigurations exams, KnownBureaus bureaus, Clock clock) {
        this.exams = exams;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    /** The addressed bureau's exams; 404 {@code BUREAU_NOT_FOUND} for an address no bureau has. */
    @GetMapping("/api/enrollments/public/exams")
    List<ExamView> listForCandidates(RequestBureau bureau) {
        if (!bureaus.isKnown(bureau.code())) {
            throw RequestBureau.notFound();
        }
        return views(exams.all(bureau.code()));
    }

    /** API-1: the partner's own bureau's exams (any partner scope: an exam list is public at the bureau anyway). */
    @Operation(summary = "本考试院的考试", description = "任一合作方权限均可调用：考试列表在考试院网站上本已公开。")
    @Tag(name = "报名核验与查询")
    @GetMapping("/open-api/v1/exams")
    List<ExamView> listForPartners(PartnerClient partner) {
        return views(exams.all(partner.bureau()));
    }

    @GetMapping("/api/enrollments/public/exams/{code}")
    ExamView one(RequestBureau bureau, @PathVariable String code) {
        return ExamView.of(exams.require(bureau.code(), code), clock.instant());
    }

    /** 考试地点 to choose from in step 4 (ENR-2). */
    @GetMapping("/api/enrollments/public/exams/{code}/locations")
    List<ExamLocation> locations(RequestBureau bureau, @PathVariable String code) {
        return exams.require(bureau.code(), code).locations();
    }

    /** The fee schedule in fen (报名 and one item per subject for 专升本). */
    @GetMapping("/api/enrollments/public/exams/{code}/fees")
    List<FeeItem> fees(RequestBureau bureau, @PathVariable String code) {
        return exams.require(bureau.code(), code).fees();
    }

    /** The current pledge (step 1), with the version an enrollment records when the candidate accepts it. */
    @GetMapping("/api/enrollments/public/exams/{code}/pledge")
    PledgeView pledge(RequestBureau bureau, @PathVariable String code) {
        Exam exam = exams.require(bureau.code(), code);
        if (exam.pledge() == null) {
            throw Refusal.notFound("PLEDGE_NOT_CONFIGURED", "该考试尚未配置报考承诺");
        }
        return new PledgeView(exam.code(), exam.pledge().version(), exam.pledge().text());
    }

    record PledgeView(String examCode, int version, String text) {
    }

    private List<ExamView> views(List<Exam> list) {
        Instant now = clock.instant();
        return list.stream().map(exam -> ExamView.of(exam, now)).toList();
    }

    record ExamView(UUID id, String code, String bureau, String name, ExamKind kind, String kindName,
            Instant registrationOpensAt, Instant registrationClosesAt,
            Instant paymentOpensAt, Instant paymentClosesAt, boolean registrationOpen,
            String paymentDailyOpens, String paymentDailyCloses, boolean paymentOpen) {

        static ExamView of(Exam exam, Instant now) {
            return new ExamView(exam.id(), exam.code(), exam.bureau(), exam.name(), exam.kind(),
                    exam.kind().chineseName(), exam.registration().opensAt(), exam.registration().closesAt(),
                    exam.payment().opensAt(), exam.payment().closesAt(), exam.isRegistrationOpenAt(now),
                    exam.paymentHours().opens(), exam.paymentHours().closes(), exam.isPaymentOpenAt(now));
        }
    }
}
