package org.baokao.enrollment.exam;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.DomainModel;


/**
 * An exam candidates can register for, as operators configure it (ENR-1): its windows decide what a candidate
 * may do and when, its fee schedule what an order holds, its locations where candidates sit it, its pledge
 * what they accept first, and its catalogue what they can register for.
 *
 * @param payment          the payment dates; payment is open only inside them AND inside {@code paymentHours}
 * @param paymentHours     the hours of each payment day, Asia/Shanghai (PAY-3)
 * @param pledge           the current pledge; null only for exams stored before pledges were configured
 * @param catalogue        null only for a SELF_STUDY exam until its course plan is configured
 * @param noExamCategories 考生类别 codes whose candidates sit no exam (they see 不需要考试, ENR-4)
 * @param bureau           the bureau (考试院) that holds the exam (BUR-1): only its address finds it
 */
@DomainModel
public record Exam(UUID id, String code, String name, ExamKind kind, Window registration, Window payment,
        DailyHours paymentHours, List<FeeItem> fees, List<ExamLocation> locations, Pledge pledge,
        Catalogue catalogue, List<String> noExamCategories, String bureau) {

    /** The zone of every wall-clock rule (daily hours): the bureaus' own. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Exam {
        paymentHours = paymentHours == null ? DailyHours.ALL_DAY : paymentHours;
        fees = fees == null ? List.of() : List.copyOf(fees);
        locations = locations == null ? List.of() : List.copyOf(locations);
        noExamCategories = noExamCategories == null ? List.of() : List.copyOf(noExamCategories);
    }

    /** A half-open time window [opensAt, closesAt). */
    public record Window(Instant opensAt, Instant closesAt) {

        public boolean isOpenAt(Instant moment) {
            return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
        }
    }

    /** Whether the exam is one of bureau {@code bureauCode}'s. */
    public boolean belongsTo(String bureauCode) {
        return bureau.equals(bureauCode);
    }

    public boolean isRegistrationOpenAt(Instant moment) {
        return registration.isOpenAt(moment);
    }

    /** Payment is open on the payment dates and, on each of them, within the daily hours (PAY-3). */
    public boolean isPaymentOpenAt(Instant moment) {
        return payment.isOpenAt(moment) && paymentHours.contains(moment.atZone(ZONE).toLocalTime());
    }

    public Optional<FeeItem> fee(String code) {
        return fees.stream().filter(fee -> fee.code().equals(code)).findFirst();
    }

    public Optional<ExamLocation> location(String code) {
        return locations.stream().filter(location -> location.code().equals(code)).findFirst();
    }

    /** Whether candidates of this 考生类别 sit the exam (those who don't see 不需要考试). */
    public boolean needsExam(String candidateCategory) {
        return !noExamCategories.contains(candidateCategory);
    }
}
