package org.baokao.enrollment.wizard;

import java.util.List;

import org.baokao.enrollment.exam.Violation;

/**
 * What a candidate sent on a wizard step breaks a rule (ENR-3, ENR-4): answered 400 with the first violation's
 * code and message and every violation listed ({@code field}, {@code code}, {@code message}); nothing is saved.
 */
public class WizardInputException extends RuntimeException {

    private final List<Violation> violations;

    public WizardInputException(List<Violation> violations) {
        super(violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation first() {
        return violations.getFirst();
    }
}
