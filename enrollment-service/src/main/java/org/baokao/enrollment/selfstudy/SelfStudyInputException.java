package org.baokao.enrollment.selfstudy;

import java.util.List;

import org.baokao.enrollment.exam.Violation;

/**
 * What a 自考 candidate sent breaks a rule (个人信息, 问卷 answers; SST-4): answered 400 with the first violation's code
 * and message, its field, and every violation listed ({@code field}, {@code code}, {@code message}), as the wizard's
 * personal information is; nothing is saved.
 */
public class SelfStudyInputException extends RuntimeException {

    private final List<Violation> violations;

    public SelfStudyInputException(List<Violation> violations) {
        super(violations.getFirst().message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation first() {
        return violations.getFirst();
    }
}
