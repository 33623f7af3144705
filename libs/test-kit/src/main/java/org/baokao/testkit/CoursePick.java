package org.baokao.testkit;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Two theory courses a Shanghai 自考 candidate can hold together (ENR-9: at most one course per half-day slot): a
 * university and major of the sitting's course plan (the operators' view of the exam, {@code catalogue}) with theory
 * courses in two different slots, {@code first} and {@code second}. What the course-selection benchmark ticks on and
 * off and what the registration-day load pays for.
 */
public record CoursePick(String university, String major, String first, String firstSlot, String second,
        String secondSlot) {

    /** The first major (not a 特殊专业, whose candidates wait for a review) with theory courses in two slots. */
    public static CoursePick from(JsonNode plan) {
        for (boolean special : List.of(false, true)) {
            for (JsonNode university : plan.path("universities")) {
                for (JsonNode major : university.path("majors")) {
                    if (major.path("special").asBoolean() != special) {
                        continue;
                    }
                    JsonNode first = null;
                    for (JsonNode course : major.path("theoryCourses")) {
                        if (first == null) {
                            first = course;
                        } else if (!slot(course).equals(slot(first))) {
                            return new CoursePick(university.path("code").asString(), major.path("code").asString(),
                                    first.path("code").asString(), slot(first), course.path("code").asString(),
                                    slot(course));
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("the sitting's course plan has no major with theory courses in two"
                + " different slots: load a course plan first (the demo's comes with issue 19's course plan)");
    }

    private static String slot(JsonNode course) {
        return course.path("date").asString() + " " + course.path("halfDay").asString();
    }

    /** The page's PUT of the selection: {@code first} alone, or with {@code second}. */
    public String selection(boolean withSecond) {
        String kept = "{\"universityCode\": \"" + university + "\", \"courseCode\": \"" + first + "\"}";
        String ticked = "{\"universityCode\": \"" + university + "\", \"courseCode\": \"" + second + "\"}";
        return "{\"remoteAreaCode\": null, \"theory\": [" + kept + (withSecond ? ", " + ticked : "")
                + "], \"practical\": []}";
    }
}
