package org.baokao.enrollment.exam;

import java.util.List;

/**
 * An exam configuration that breaks the rules (ENR-1). Answered 400 with the first violation's code and
 * message and every violation listed, so an operator can fix them all at once; nothing is stored.
 */
public class ExamConfigurationException extends RuntimeException {

    private final List<Violation> violations;

    public ExamConfigurationException(List<Violation> violations) {
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
