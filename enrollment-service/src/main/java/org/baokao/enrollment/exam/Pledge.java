package org.baokao.enrollment.exam;

import org.baokao.domain.DomainModel;

/**
 * The pledge (报考承诺) candidates accept in step 1 (ENR-2). Every change of its text is a new version, and an
 * enrollment records the version its candidate accepted.
 */
@DomainModel
public record Pledge(int version, String text) {
}
