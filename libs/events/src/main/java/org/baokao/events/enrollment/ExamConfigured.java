package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator created an exam or replaced its configuration (ENR-1). It carries what other services need to
 * know of an exam, whole, so the latest one is the truth: account-service keeps the examining universities
 * and majors a new self-study candidate chooses from when registering (ACC-3, open registration).
 *
 * @param kind         UNIFIED_UPGRADE (Shandong 专升本) or SELF_STUDY (Shanghai 自考)
 * @param universities the examining universities (主考学校) open to new candidates, with their majors; empty for
 *                     exams whose candidates come from a roster
 * @param configuredAt when this configuration was saved; a consumer ignores one older than what it holds
 * @param bureau       the bureau (考试院) that holds the exam (BUR-1); null in events from before bureaus (the
 *                     default bureau)
 */
@EventType(name = "ExamConfigured", topic = Topics.ENROLLMENT)
public record ExamConfigured(String examCode, String kind, String name, List<University> universities,
        Instant configuredAt, String bureau) implements DomainEvent {

    /** A configuration from before bureaus. */
    public ExamConfigured(String examCode, String kind, String name, List<University> universities,
            Instant configuredAt) {
        this(examCode, kind, name, universities, configuredAt, null);
    }

    public ExamConfigured {
        universities = universities == null ? List.of() : List.copyOf(universities);
    }

    /** An examining university (主考学校) and the majors a new candidate may register for there. */
    public record University(String code, String name, String notice, List<Major> majors) {

        public University {
            majors = majors == null ? List.of() : List.copyOf(majors);
        }
    }

    /**
     * A major of an examining university. {@code special} marks 特殊专业 (中药学, 护理学, ...) whose new candidates are
     * reviewed by hand with proofs (ENR-10); false in events from before the flag. A {@code Boolean} never null, as
     * in the catalogue it comes from: a missing {@code boolean} would fail to read (FAIL_ON_NULL_FOR_PRIMITIVES).
     */
    public record Major(String code, String name, Boolean special) {

        public Major {
            special = Boolean.TRUE.equals(special);
        }

        /** An ordinary major (not special). */
        public Major(String code, String name) {
            this(code, name, false);
        }
    }

    @Override
    public String aggregateId() {
        return examCode;
    }
}
