package org.baokao.enrollment.exam;

import java.util.List;
import java.util.Optional;

/**
 * The sitting's 问卷调查 (ENR-8, SST-4), answered once before course selection. {@code version} names this set of
 * questions: answers are stored with it, and answers sent for another version are refused (the page was stale).
 */
public record Questionnaire(String version, String title, List<Question> questions) {

    /** How a question is answered. */
    public enum Kind { SINGLE, MULTIPLE, TEXT }

    public Questionnaire {
        questions = CoursePlanCatalogue.keepingNulls(questions);
    }

    /**
     * One question: its id (stable within the version), its text, its kind, the options of a SINGLE or MULTIPLE
     * question, and whether an answer is required (false when not sent; a {@code Boolean} never null, like
     * {@code Major.special}).
     */
    public record Question(String id, String text, Kind kind, List<String> options, Boolean required) {

        public Question {
            options = CoursePlanCatalogue.keepingNulls(options);
            required = Boolean.TRUE.equals(required);
        }
    }

    /** The question of this id, if there is one. */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q != null && q.id() != null && q.id().equals(id)).findFirst();
    }
}
