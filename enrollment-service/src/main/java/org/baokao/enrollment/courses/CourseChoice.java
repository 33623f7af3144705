package org.baokao.enrollment.courses;

import java.util.List;

import org.baokao.domain.DomainModel;

/**
 * What the course page sends with each tick (PUT selection): the 远郊考区意向 (null for none) and the whole selection of
 * theory and practical courses. Theory courses already in an order are kept whatever is sent.
 */
@DomainModel
public record CourseChoice(String remoteAreaCode, List<CourseRef> theory, List<CourseRef> practical) {

    public CourseChoice {
        theory = theory == null ? List.of() : List.copyOf(theory);
        practical = practical == null ? List.of() : List.copyOf(practical);
    }
}
