package org.baokao.enrollment.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What enrollment knows of a candidate before they fill anything in (ENR-3 prefill): their account's ID type and
 * masked number, their masked phone, gender and birth date (derived from the ID number by account-service), and —
 * for roster-gated exams, once the roster entry has arrived — the roster's facts.
 *
 * @param gender {@code MALE}, {@code FEMALE} or null (documents without it, or events older than the field)
 * @param roster null for open registration, or while the roster entry's event is still on its way
 */
public record CandidateProfile(UUID candidateId, String examCode, String idType, String idNumberMasked,
        Instant registeredAt, String phoneMasked, String gender, LocalDate birthDate, RosterFacts roster) {

    /** 性别 as the forms show it. */
    public String genderName() {
        return gender == null ? null : switch (gender) {
            case "MALE" -> "男";
            case "FEMALE" -> "女";
            default -> gender;
        };
    }

    public boolean hasRoster() {
        return roster != null;
    }

    /** The roster entry as imported: name, 考生类型, 毕业院校 and 毕业专业 (shown, not editable, in step 3). */
    public record RosterFacts(UUID rosterEntryId, String name, String candidateType, String collegeCode,
            String collegeName, String majorCode, String majorName) {

        /** 考生类型 as the forms show it: 校荐, 3+2, 退役士兵. */
        public String candidateTypeName() {
            return switch (candidateType) {
                case "SCHOOL_RECOMMENDED" -> "校荐";
                case "THREE_PLUS_TWO" -> "3+2";
                case "VETERAN" -> "退役士兵";
                default -> candidateType;
            };
        }

        /** 3+2 candidates see 是否兼报 in step 4 (ENR-4). */
        public boolean isThreePlusTwo() {
            return "THREE_PLUS_TWO".equals(candidateType);
        }

        /** Never prints the name. */
        @Override
        public String toString() {
            return "RosterFacts[rosterEntryId=" + rosterEntryId + ", name=***, candidateType=" + candidateType
                    + ", collegeCode=" + collegeCode + ", majorCode=" + majorCode + "]";
        }
    }
}
