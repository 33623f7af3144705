package org.baokao.account.today;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 今日概况's figures account-service holds, per exam: {@code registered} (accounts registered for the exam) and
 * {@code phoneChangesWaiting} (phone-change requests of those accounts waiting for a decision). One grouped count
 * per figure over the exams asked for. A 主考学校 reviewer's figures count the accounts holding their university;
 * {@code university} null counts the whole bureau.
 */
@Repository
class AccountTodayCounts {

    private final JdbcClient jdbc;

    AccountTodayCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Map<String, Long>> of(String bureau, List<String> exams, String university) {
        Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
        for (String exam : exams) {
            Map<String, Long> zero = new LinkedHashMap<>();
            zero.put("registered", 0L);
            zero.put("phoneChangesWaiting", 0L);
            figures.put(exam, zero);
        }
        String inUniversity = university == null ? "" : """
                 and exists (select 1 from account_university u
                             where u.account_id = a.id and u.university_code = :university)""";
        count("select a.exam_code, count(*) from candidate_account a"
                + " where a.bureau_code = :bureau and a.exam_code in (:exams)" + inUniversity
                + " group by a.exam_code", bureau, exams, university, "registered", figures);
        count("select a.exam_code, count(*) from phone_change_request p join candidate_account a on a.id = p.candidate_id"
                + " where p.status = 'PENDING' and a.bureau_code = :bureau and a.exam_code in (:exams)" + inUniversity
                + " group by a.exam_code", bureau, exams, university, "phoneChangesWaiting", figures);
        return figures;
    }

    private void count(String sql, String bureau, List<String> exams, String university, String figure,
            Map<String, Map<String, Long>> figures) {
        var statement = jdbc.sql(sql).param("bureau", bureau).param("exams", exams);
        if (university != null) {
            statement = statement.param("university", university);
        }
        statement.query((row, n) -> {
            figures.get(row.getString(1)).put(figure, row.getLong(2));
            return null;
        }).list();
    }
}
