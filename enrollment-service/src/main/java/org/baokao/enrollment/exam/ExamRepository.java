package org.baokao.enrollment.exam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExamRepository {

    private final JdbcClient jdbc;

    ExamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Exam> findAll() {
        return jdbc.sql("""
                select id, code, name, kind, registration_opens_at, registration_closes_at,
                       payment_opens_at, payment_closes_at
                from exam order by registration_opens_at desc, code""")
                .query(ExamRepository::map)
                .list();
    }

    private static Exam map(ResultSet row, int rowNumber) throws SQLException {
        return new Exam(row.getObject("id", java.util.UUID.class), row.getString("code"), row.getString("name"),
                ExamKind.valueOf(row.getString("kind")),
                new Exam.Window(row.getTimestamp("registration_opens_at").toInstant(),
                        row.getTimestamp("registration_closes_at").toInstant()),
                new Exam.Window(row.getTimestamp("payment_opens_at").toInstant(),
                        row.getTimestamp("payment_closes_at").toInstant()));
    }
}
