package org.baokao.enrollment.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/**
 * An exam's whole configuration as operators read and write it (ENR-1), with what is open right now. It reads in the
 * shape {@link ExamDraft} takes ({@code pledgeText} beside the current {@code pledge} and its version), so the
 * console sends back what it read with its changes; the derived properties are ignored by {@code PUT}.
 */
public record ExamConfigurationView(UUID id, String code, String bureau, String name, ExamKind kind, String kindName,
        WindowView registration, PaymentView payment, List<FeeItem> fees, List<ExamLocation> locations,
        Pledge pledge, String pledgeText, Catalogue catalogue, List<String> noExamCategories,
        boolean registrationOpen, boolean paymentOpen) {

    public record WindowView(Instant opensAt, Instant closesAt) {
    }

    /** Payment dates and daily hours ("08:00"–"22:00", Asia/Shanghai). */
    public record PaymentView(Instant opensAt, Instant closesAt, String dailyOpens, String dailyCloses) {
    }

    public static ExamConfigurationView of(Exam exam, Instant now) {
        return new ExamConfigurationView(exam.id(), exam.code(), exam.bureau(), exam.name(), exam.kind(),
                exam.kind().chineseName(),
                new WindowView(exam.registration().opensAt(), exam.registration().closesAt()),
                new PaymentView(exam.payment().opensAt(), exam.payment().closesAt(), exam.paymentHours().opens(),
                        exam.paymentHours().closes()),
                exam.fees(), exam.locations(), exam.pledge(), exam.pledge() == null ? null : exam.pledge().text(),
                exam.catalogue(), exam.noExamCategories(),
                exam.isRegistrationOpenAt(now), exam.isPaymentOpenAt(now));
    }
}
