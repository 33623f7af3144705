package org.baokao.enrollment.exam;

import org.baokao.domain.DomainModel;

/**
 * One thing wrong with an exam configuration: where ({@code field}, e.g. {@code fees[2].amountFen}), a stable
 * UPPER_SNAKE {@code code} and a Chinese message for the operator.
 */
@DomainModel
public record Violation(String field, String code, String message) {
}
