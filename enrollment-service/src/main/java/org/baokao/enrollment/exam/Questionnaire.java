package org.baokao.enrollment.exam;

import java.util.List;

/**
 * The sitting's 问卷调查 (ENR-8, SST-4), answered once before course selection. {@code version} names this set of
 * questions: answers are stored with it.
 */
public record Questionnaire(String version, String title, List<Question> questions) {

    /** How a question is answered. */
    public enum Kind { SINGLE, MULTIPLE, TEXT }

    /**
     * One question: its id (stable within the version), its text, its kind, the options of a SINGLE or MULTIPLE
     * question, and whether an answer is required (false when not sent).
     */
    public record Question(String id, String text, Kind kind, List<String> options, Boolean required) {
    }
}
