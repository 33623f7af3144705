package org.baokao.enrollment.courseplan;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.TheoryCourse;

/**
 * One course of a course plan file, as read: the file's line, the university and major it belongs to, and the
 * course, a theory or a practical one (the other null). Whether the course keeps the plan's rules is the catalogue's
 * check, once the file's courses are in the plan.
 */
@DomainModel
record CoursePlanRow(int line, String universityCode, String majorCode, TheoryCourse theory,
        PracticalCourse practical) {

    boolean isTheory() {
        return theory != null;
    }
}
