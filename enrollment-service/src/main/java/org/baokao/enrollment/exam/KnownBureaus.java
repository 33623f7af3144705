package org.baokao.enrollment.exam;

/**
 * Which bureaus exist, as exam configuration needs to know (BUR-1: an exam belongs to a bureau). Implemented by the
 * {@code bureau} feature, which owns bureaus and reads exams in return: this way round the two features form no cycle.
 */
public interface KnownBureaus {

    boolean isKnown(String bureauCode);
}
