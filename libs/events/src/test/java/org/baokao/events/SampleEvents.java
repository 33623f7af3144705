package org.baokao.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.PhoneVerified;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.enrollment.EnrollmentAmended;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.EnrollmentConfirmed.FeeItem;
import org.baokao.events.enrollment.EnrollmentStarted;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.PersonalInfoSaved;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.baokao.events.notification.EmailRequested;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.operator.OperatorActed;
import org.baokao.events.payment.DiscrepancyFound;
import org.baokao.events.payment.OrderCreated;
import org.baokao.events.payment.OrderExpired;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.events.photo.PhotoAccepted;

/** One realistic instance of every event, matching the sample JSON files beside the contracts. */
final class SampleEvents {

    static final UUID CANDIDATE = UUID.fromString("6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01");
    static final UUID ENROLLMENT = UUID.fromString("0b7c2d4e-5f60-4718-8293-a4b5c6d7e802");
    static final UUID ORDER = UUID.fromString("9a8b7c6d-5e4f-4031-8273-6f5e4d3c2b03");
    static final UUID PHOTO = UUID.fromString("3c2b1a09-8f7e-4d6c-9b5a-493827160504");
    static final UUID ROSTER_ENTRY = UUID.fromString("7e6d5c4b-3a29-4180-97f6-e5d4c3b2a105");
    static final Instant AT = Instant.parse("2023-03-10T02:30:00Z");
    /** What libs/personal-data's EventSealer writes (key id, base64 of IV + ciphertext + tag); opaque here. */
    static final String SEALED_NAME = "ev-2026:q1Jw5zC3kR0yT2mV8nX4bA7dE9fH1iL6oP3sU5wY0zB2cD4eF6g=";
    static final String ID_HASH = "5b1f0e9d8c7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c";

    private SampleEvents() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new CandidateRegistered(CANDIDATE, ROSTER_ENTRY, "SD-ZSB-2023", "RESIDENT_ID", ID_HASH,
                        "37**************12", AT, "138****5678", "FEMALE", java.time.LocalDate.of(2001, 5, 12), null, null,
                        "sd"),
                RosterEntryImported.sealed(ROSTER_ENTRY, "SD-ZSB-2023", "RESIDENT_ID", ID_HASH, "37**************12",
                        SEALED_NAME, "SCHOOL_RECOMMENDED", "12345", "山东医学高等专科学校", "620403", "医学影像技术"),
                new PasswordChanged(CANDIDATE, "CHANGED", AT),
                new PhoneChanged(CANDIDATE, "131****8780", "MANUAL_REVIEW", AT),
                new ExistingCandidateImported(CANDIDATE, "sh", "SH-ZK-2025-10", "310123456789", List.of(
                        new ExistingCandidateImported.Held("10246", "120201K"),
                        new ExistingCandidateImported.Held("10269", "050201")), AT, "RESIDENT_ID", ID_HASH,
                        "31**************12", null, "MALE", LocalDate.of(1996, 8, 21), "139****0021", true,
                        id("existing-import"), SEALED_NAME),
                new PhoneVerified(CANDIDATE, "sh", "139****0021", AT),
                new SmsRequested(id("sms"), CANDIDATE, "13112348780", "VERIFICATION_CODE",
                        Map.of("code", "482913", "minutes", "5"), AT, "sd"),
                new EmailRequested(id("mail"), CANDIDATE, "zhangsan@example.com", "PASSWORD_RESET_CODE",
                        Map.of("code", "739104", "minutes", "15", "bureauName", "上海市教育考试院"), AT, "sh"),
                new EnrollmentStarted(ENROLLMENT, CANDIDATE, "SD-ZSB-2023", AT, "UNIFIED", 1),
                new PersonalInfoSaved(ENROLLMENT, CANDIDATE, AT),
                new EnrollmentConfirmed(ENROLLMENT, CANDIDATE, "SD-ZSB-2023", "3702", List.of(
                        new FeeItem("REGISTRATION", "报名", 3000),
                        new FeeItem("ENGLISH", "英语", 5000)), AT, "UNIFIED", "MED-TECH",
                        Instant.parse("2023-03-09T16:00:00Z"), Instant.parse("2023-03-20T16:00:00Z"), "09:00", "17:00",
                        "2023年普通高等教育专升本考试", "sd"),
                new EnrollmentCompleted(ENROLLMENT, CANDIDATE, ORDER, AT),
                new EnrollmentAmended(ENROLLMENT, CANDIDATE, List.of("mailingAddress", "email"), AT),
                new ExamConfigured("SH-ZK-2025-10", "SELF_STUDY", "2025年10月上海市高等教育自学考试", List.of(
                        new ExamConfigured.University("10246", "复旦大学", "本校实践课程须经人工审核后缴费",
                                List.of(new ExamConfigured.Major("120201K", "工商管理"),
                                        new ExamConfigured.Major("050201", "英语")))), AT, "sh"),
                new BureauConfigured("sh", "上海市教育考试院", "上海市考试院", "SH-ZK-2025-10", "OPEN",
                        new BureauConfigured.PasswordRule(6, 16, 1), false, "2025-09", "2025-09", "2025-09",
                        "【上海市教育考试院】", Map.of("PAYMENT_SUCCEEDED", "您已成功缴纳{examName}课程报考费{amount}元。"),
                        List.of(new BureauConfigured.PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM")), AT),
                new UniversityRegistrationAdded(CANDIDATE, "sh", "SH-ZK-2025-10", "10268", "C100801", true, AT),
                new AdmissionNumberAssigned(CANDIDATE, "sh", "10246", "261024600001", AT),
                new CourseOrderPlaced(id("course-order"), CANDIDATE, "sh", "SH-ZK-2025-10", "2025年10月上海市高等教育自学考试",
                        "3101", List.of(new CourseOrderPlaced.Item("10246-00642", "复旦大学 传播学概论", 4500),
                                new CourseOrderPlaced.Item("10269-00412", "华东师范大学 学前心理学", 4500)), AT,
                        Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-09-10T16:00:00Z"), "00:00", "24:00",
                        Instant.parse("2025-09-10T16:00:00Z")),
                new CourseOrderLapsed(id("course-order"), CANDIDATE, "sh", "SH-ZK-2025-10",
                        Instant.parse("2025-09-10T16:00:00Z")),
                new PhotoAccepted(PHOTO, CANDIDATE, AT),
                new IdentityVerified(id("check"), CANDIDATE, PHOTO, AT),
                new IdentityVerificationFailed(id("check"), CANDIDATE, PHOTO, 2, "人像比对不一致", AT),
                new ManualReviewRequested(id("review"), CANDIDATE, "人像比对3次未通过", AT),
                new ManualReviewDecided(id("review"), CANDIDATE, false, "证明材料不清晰，请重新上传", AT),
                new ApprovalChanged(CANDIDATE, "sh", "10246", "REJECTED", "手持身份证半身照不清晰，请重新上传", AT),
                new OrderCreated(ORDER, ENROLLMENT, CANDIDATE, 8000, "UNIONPAY", AT.plusSeconds(1800)),
                new PaymentSucceeded(ORDER, ENROLLMENT, CANDIDATE, 8000, "UNIONPAY", "UP20230310103000000001", AT,
                        "2023年普通高等教育专升本考试"),
                new PaymentRefunded(id("refund"), ORDER, ENROLLMENT, CANDIDATE, 8000, "ORDER_ALREADY_PAID", AT),
                new OrderExpired(ORDER, ENROLLMENT, CANDIDATE, AT),
                new DiscrepancyFound(id("discrepancy"), "CEB", "AMOUNT_MISMATCH", ORDER, "CEB20230310000123",
                        7000, 8000L, LocalDate.parse("2023-03-10")),
                new OperatorActed(id("operator-action"), "sd", "2c1f7a3e-95b4-4d8e-8f21-6a0b3c4d5e06", "admin-sd",
                        "山东省考试院 管理员", List.of("bureau-admin"), "account-service", "candidate.reveal",
                        "candidate", CANDIDATE.toString(), "张* 37**************12", "考生来电核实报名信息",
                        Map.of("fields", "name,idNumber,phone"), AT));
    }

    /** The sample envelope: ids fixed per type so the JSON files stay stable. */
    static EventEnvelope envelopeOf(DomainEvent event) {
        String type = EventCatalog.describe(event.getClass()).type();
        return EventCodec.envelope(event, id("event-" + type), AT);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
