package org.baokao.enrollment.webhook;

import org.baokao.domain.DomainModel;

/**
 * What an event is about, as this service's own tables know it: the exam's code and its bureau (whose partners may
 * hear of it), and whether it is a 专升本 enrollment or a 自考 course order (payment events carry either id).
 */
@DomainModel
public record EventSubject(String examCode, String bureau, Kind kind) {

    public enum Kind {
        ENROLLMENT, COURSE_ORDER
    }
}
