package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.Objects;

import org.baokao.domain.DomainModel;

/** A theory course still only selected (never settled) when the registration window closed (SST-6): it is void. */
@DomainModel
public record LapsedSelection(CourseRef ref, Instant lapsedAt) {

    public LapsedSelection {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(lapsedAt, "lapsedAt");
    }
}
