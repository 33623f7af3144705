package org.baokao.enrollment.selfstudy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.TheoryCourse;

/**
 * A new 自考 candidate's 准考证号 (SST-7, ENR-8): 12 digits = the sitting's year (2 digits) + the 5-digit code of the
 * university the candidate registered with + a 5-digit sequence per (year, university), from 00001. E.g. the first
 * candidate of 复旦大学 (10246) at the 2026年10月 sitting: {@code 261024600001}. Imported 在籍考生 keep the numbers
 * their import brings, of whatever form.
 */
@DomainModel
public record AdmissionNumber(String sittingYear, String universityCode, int sequence) {

    public static final int MAX_SEQUENCE = 99_999;
    private static final Pattern YEAR = Pattern.compile("[0-9]{2}");
    private static final Pattern UNIVERSITY = Pattern.compile("[0-9]{5}");

    public AdmissionNumber {
        Objects.requireNonNull(sittingYear, "sittingYear");
        Objects.requireNonNull(universityCode, "universityCode");
        if (!YEAR.matcher(sittingYear).matches()) {
            throw new IllegalArgumentException("the sitting's year is two digits: " + sittingYear);
        }
        if (!fitsUniversity(universityCode)) {
            throw new IllegalArgumentException("a 准考证号 needs a 5-digit university code: " + universityCode);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of 1.." + MAX_SEQUENCE + ": " + sequence);
        }
    }

    /** Whether a 准考证号 can carry this university code (the national 5-digit school codes can). */
    public static boolean fitsUniversity(String universityCode) {
        return universityCode != null && UNIVERSITY.matcher(universityCode).matches();
    }

    /**
     * The sitting's year as the number carries it: the year of its first theory exam day (2026年10月 → 26); for a plan
     * without courses yet, the year its registration opens (Asia/Shanghai).
     */
    public static String sittingYearOf(Exam sitting) {
        LocalDate day = sitting.catalogue() instanceof CoursePlanCatalogue plan ? plan.universities().stream()
                .flatMap(university -> university.majors().stream())
                .flatMap(major -> major.theoryCourses().stream())
                .map(TheoryCourse::date).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null) : null;
        int year = day != null ? day.getYear() : sitting.registration().opensAt().atZone(Exam.ZONE).getYear();
        return String.format("%02d", year % 100);
    }

    /** The 12 digits. */
    @Override
    public String toString() {
        return sittingYear + universityCode + String.format("%05d", sequence);
    }
}
