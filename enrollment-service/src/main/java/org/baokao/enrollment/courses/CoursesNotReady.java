package org.baokao.enrollment.courses;

import java.util.List;
import java.util.stream.Collectors;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.selfstudy.CourseReadiness.Blocker;

/**
 * 409 {@code COURSES_NOT_READY}: the candidate may not choose courses yet (ENR-8, SST-4: personal information, phone
 * verification, 问卷); the answer lists the {@code blockers}, each with the page that fixes it.
 */
public class CoursesNotReady extends Refusal {

    private final List<Blocker> blockers;

    public CoursesNotReady(List<Blocker> blockers) {
        super(Kind.CONFLICT, "COURSES_NOT_READY", "选课前请先完成以下事项："
                + blockers.stream().map(Blocker::message).collect(Collectors.joining("；")));
        this.blockers = List.copyOf(blockers);
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
