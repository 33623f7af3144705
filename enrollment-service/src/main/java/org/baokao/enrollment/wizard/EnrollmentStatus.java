package org.baokao.enrollment.wizard;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Where an enrollment stands (ENR-2), and which steps a candidate may save from there. The order is the
 * wizard's: a step can only be saved once every step before it is done, steps 3 and 4 stay editable until
 * confirmation (ENR-3), nothing is editable between confirmation and payment, and a completed enrollment
 * accepts only the limited amendments of ENR-7 (saved through {@link Step#PREVIEW}).
 *
 * <pre>
 *  start ─► PLEDGE_ACCEPTED ─PhotoAccepted─► PHOTO_DONE ─PUT personal-info─► PERSONAL_INFO_SAVED
 *              ─PUT exam-choice─► EXAM_CHOICE_SAVED ─POST confirmation─► CONFIRMED ─PaymentSucceeded─► COMPLETED
 *  (PERSONAL_INFO_SAVED and EXAM_CHOICE_SAVED take steps 3/4 again; confirmation with nothing owed goes
 *   straight to COMPLETED; PaymentRefunded of the paying order takes COMPLETED back to CONFIRMED)
 * </pre>
 */
@DomainModel
public enum EnrollmentStatus {
    PLEDGE_ACCEPTED(Step.PLEDGE, "已阅读并承诺", EnumSet.noneOf(Step.class)),
    PHOTO_DONE(Step.PHOTO, "已采集照片", EnumSet.of(Step.PERSONAL_INFO)),
    PERSONAL_INFO_SAVED(Step.PERSONAL_INFO, "已填写个人信息", EnumSet.of(Step.PERSONAL_INFO, Step.EXAM_CHOICE)),
    EXAM_CHOICE_SAVED(Step.EXAM_CHOICE, "已选报专业范围及考试地点",
            EnumSet.of(Step.PERSONAL_INFO, Step.EXAM_CHOICE, Step.CONFIRMATION)),
    CONFIRMED(Step.CONFIRMATION, "已确认报考信息，未缴费", EnumSet.noneOf(Step.class)),
    COMPLETED(Step.PAYMENT, "已完成网上报名", EnumSet.of(Step.PREVIEW));

    private final Step lastDone;
    private final String label;
    private final Set<Step> writable;

    EnrollmentStatus(Step lastDone, String label, Set<Step> writable) {
        this.lastDone = lastDone;
        this.label = label;
        this.writable = writable;
    }

    public String label() {
        return label;
    }

    /** The last step done. */
    public Step lastDone() {
        return lastDone;
    }

    /** The step the candidate sees next: the one after the last done, the preview once completed. */
    public Step nextStep() {
        return this == COMPLETED ? Step.PREVIEW : Step.values()[lastDone.ordinal() + 1];
    }

    /** Every step done, in order. */
    public List<Step> stepsDone() {
        return Arrays.stream(Step.values()).filter(step -> step.ordinal() <= lastDone.ordinal()).toList();
    }

    /** The steps a candidate may save now. */
    public Set<Step> writableSteps() {
        return writable.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(writable);
    }

    public boolean allows(Step step) {
        return writable.contains(step);
    }

    public boolean isConfirmed() {
        return compareTo(CONFIRMED) >= 0;
    }

    /** 409 {@code STEP_NOT_ALLOWED} unless {@code step} may be saved now, saying what must come first. */
    public void requireAllows(Step step) {
        if (allows(step)) {
            return;
        }
        if (isConfirmed() && step.compareTo(Step.CONFIRMATION) <= 0) {
            throw Refusal.conflict("STEP_NOT_ALLOWED", "报考信息已确认，户籍信息、考试地点、是否兼报和考试科目等信息不能再修改");
        }
        throw Refusal.conflict("STEP_NOT_ALLOWED", "请先完成「" + nextStep().title() + "」，才能进行「"
                + (step == Step.PREVIEW ? "修改部分报名信息" : step.title()) + "」");
    }

    /** The status after saving {@code step}: later steps already done stay done. */
    public EnrollmentStatus afterSaving(Step step) {
        EnrollmentStatus reached = switch (step) {
            case PLEDGE -> PLEDGE_ACCEPTED;
            case PHOTO -> PHOTO_DONE;
            case PERSONAL_INFO -> PERSONAL_INFO_SAVED;
            case EXAM_CHOICE -> EXAM_CHOICE_SAVED;
            case CONFIRMATION -> CONFIRMED;
            case PAYMENT, PREVIEW -> COMPLETED;
        };
        return reached.compareTo(this) > 0 ? reached : this;
    }
}
