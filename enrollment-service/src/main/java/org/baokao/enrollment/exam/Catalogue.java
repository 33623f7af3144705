package org.baokao.enrollment.exam;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What candidates of an exam can register for (ENR-1): its catalogue. Each exam kind has its own form, told
 * apart by the {@code form} property in JSON (API and storage alike):
 * <ul>
 *   <li>{@code MAJOR_SCOPE} ({@link MajorScopeCatalogue}) — Shandong 专升本: a junior-college major code maps to
 *       subject groups, each with its subjects and bachelor major scope (ENR-4);</li>
 *   <li>{@code COURSE_PLAN} ({@link CoursePlanCatalogue}) — Shanghai 自考: the examining universities with
 *       their majors (ACC-3 open registration, ENR-8), each major's theory courses by half-day slot and practical
 *       courses (ENR-9), the outer exam areas and the sitting's questionnaire (SST-4).</li>
 * </ul>
 * A new form is a new permitted type here: exams, their API and their storage stay as they are.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "form")
@JsonSubTypes({ @JsonSubTypes.Type(value = MajorScopeCatalogue.class, name = MajorScopeCatalogue.FORM),
        @JsonSubTypes.Type(value = CoursePlanCatalogue.class, name = CoursePlanCatalogue.FORM) })
public sealed interface Catalogue permits MajorScopeCatalogue, CoursePlanCatalogue {

    /** The kind of exam this form of catalogue serves. */
    ExamKind servesKind();

    /** What is wrong with it, field paths relative to {@code catalogue}; empty when it is sound. */
    List<Violation> check();

    /**
     * The codes a candidate is charged for through the fee schedule (专升本's subjects): each needs an item there
     * ({@link ExamRules}). A catalogue whose items carry their own fees (a 自考 course plan) names none.
     */
    Set<String> chargeableCodes();
}
