package org.baokao.enrollment.exam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exams in PostgreSQL: the scalar settings (and the bureau) in columns, the nested ones (fee items, locations, catalogue,
 * no-exam categories) as jsonb written and read only here, always checked by {@link ExamRules} before they
 * are written; every pledge version in {@code exam_pledge}, the newest being the exam's pledge.
 */
@Repository
class ExamRepository {

    // Storage has its own mapper, so what is stored never changes with the web layer's JSON settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FeeItem>> FEES = new TypeReference<>() {
    };
    private static final TypeReference<List<ExamLocation>> LOCATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String SELECT = """
            select e.id, e.code, e.bureau, e.name, e.kind, e.registration_opens_at, e.registration_closes_at,
                   e.payment_opens_at, e.payment_closes_at, e.payment_daily_opens_minute,
                   e.payment_daily_closes_minute, e.fee_items::text as fee_items, e.locations::text as locations,
                   e.catalogue::text as catalogue, e.no_exam_categories::text as no_exam_categories,
                   p.version as pledge_version, p.text as pledge_text
            from exam e
            left join lateral (
                select version, text from exam_pledge where exam_id = e.id order by version desc limit 1) p on true
            """;

    private final JdbcClient jdbc;
    /**
     * Parsed exams by code, with the row version they were read at. Every wizard request needs its exam, and
     * parsing the stored catalogue was a sixth of enrollment-service's CPU under load; a changed configuration
     * (on any instance) changes the row's {@code xmin}, so a cheap version read decides whether to parse again.
     */
    private final Map<String, Revision> parsed = new ConcurrentHashMap<>();

    private record Revision(String xmin, Exam exam) {
    }

    ExamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Exam> findAll() {
        return jdbc.sql(SELECT + " order by e.registration_opens_at desc, e.code")
                .query(ExamRepository::map)
                .list();
    }

    List<Exam> findAllOf(String bureau) {
        return jdbc.sql(SELECT + " where e.bureau = ? order by e.registration_opens_at desc, e.code")
                .param(bureau)
                .query(ExamRepository::map)
                .list();
    }

    Optional<Exam> findByCode(String code) {
        // xmin: the id of the transaction that wrote the row's current version (pledges change with their exam row)
        Optional<String> current = jdbc.sql("select xmin::text from exam where code = ?").param(code)
                .query(String.class).optional();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Revision known = parsed.get(code);
        if (known != null && known.xmin().equals(current.get())) {
            return Optional.of(known.exam());
        }
        Optional<Revision> read = jdbc.sql(SELECT.replace("select e.id,", "select e.xmin::text as xmin, e.id,")
                        + " where e.code = ?").param(code)
                .query((row, n) -> new Revision(row.getString("xmin"), map(row, n)))
                .optional();
        read.ifPresent(revision -> parsed.put(code, revision));
        return read.map(Revision::exam);
    }

    /** The exam, its row locked until the transaction ends (updates of one exam queue behind each other). */
    Optional<Exam> lockByCode(String code) {
        return jdbc.sql(SELECT + " where e.code = ? for update of e").param(code).query(ExamRepository::map).optional();
    }

    /** Inserts the exam and its pledge; false when the code is taken (nothing written). */
    boolean insert(Exam exam, Instant now) {
        int inserted = jdbc.sql("""
                insert into exam (id, code, bureau, name, kind, registration_opens_at, registration_closes_at,
                                  payment_opens_at, payment_closes_at, payment_daily_opens_minute,
                                  payment_daily_closes_minute, fee_items, locations, catalogue, no_exam_categories,
                                  created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
                on conflict (code) do nothing""")
                .params(exam.id(), exam.code(), exam.bureau(), exam.name(), exam.kind().name(),
                        ts(exam.registration().opensAt()), ts(exam.registration().closesAt()),
                        ts(exam.payment().opensAt()), ts(exam.payment().closesAt()),
                        exam.paymentHours().opensMinute(), exam.paymentHours().closesMinute(),
                        JSON.writeValueAsString(exam.fees()), JSON.writeValueAsString(exam.locations()),
                        catalogueJson(exam.catalogue()), JSON.writeValueAsString(exam.noExamCategories()),
                        ts(now), ts(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertPledge(exam.id(), exam.pledge(), now);
        return true;
    }

    /** Replaces everything but id, code, kind and bureau. */
    void update(Exam exam, Instant now) {
        jdbc.sql("""
                update exam set name = ?, registration_opens_at = ?, registration_closes_at = ?,
                    payment_opens_at = ?, payment_closes_at = ?, payment_daily_opens_minute = ?,
                    payment_daily_closes_minute = ?, fee_items = ?::jsonb, locations = ?::jsonb,
                    catalogue = ?::jsonb, no_exam_categories = ?::jsonb, updated_at = ?
                where id = ?""")
                .params(exam.name(), ts(exam.registration().opensAt()), ts(exam.registration().closesAt()),
                        ts(exam.payment().opensAt()), ts(exam.payment().closesAt()),
                        exam.paymentHours().opensMinute(), exam.paymentHours().closesMinute(),
                        JSON.writeValueAsString(exam.fees()), JSON.writeValueAsString(exam.locations()),
                        catalogueJson(exam.catalogue()), JSON.writeValueAsString(exam.noExamCategories()),
                        ts(now), exam.id())
                .update();
    }

    void insertPledge(UUID examId, Pledge pledge, Instant now) {
        jdbc.sql("insert into exam_pledge (exam_id, version, text, created_at) values (?, ?, ?, ?)")
                .params(examId, pledge.version(), pledge.text(), ts(now))
                .update();
    }

    /** An earlier (or the current) version of an exam's pledge, for what a candidate accepted. */
    Optional<Pledge> pledge(UUID examId, int version) {
        return jdbc.sql("select version, text from exam_pledge where exam_id = ? and version = ?")
                .params(examId, version)
                .query((row, n) -> new Pledge(row.getInt("version"), row.getString("text")))
                .optional();
    }

    private static String catalogueJson(Catalogue catalogue) {
        // write through the interface, so the "form" type id is part of what is stored
        return catalogue == null ? null : JSON.writerFor(Catalogue.class).writeValueAsString(catalogue);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Exam map(ResultSet row, int rowNumber) throws SQLException {
        String catalogue = row.getString("catalogue");
        int pledgeVersion = row.getInt("pledge_version");
        Pledge pledge = row.wasNull() ? null : new Pledge(pledgeVersion, row.getString("pledge_text"));
        return new Exam(row.getObject("id", UUID.class), row.getString("code"), row.getString("name"),
                ExamKind.valueOf(row.getString("kind")),
                new Exam.Window(row.getTimestamp("registration_opens_at").toInstant(),
                        row.getTimestamp("registration_closes_at").toInstant()),
                new Exam.Window(row.getTimestamp("payment_opens_at").toInstant(),
                        row.getTimestamp("payment_closes_at").toInstant()),
                new DailyHours(row.getInt("payment_daily_opens_minute"), row.getInt("payment_daily_closes_minute")),
                JSON.readValue(row.getString("fee_items"), FEES),
                JSON.readValue(row.getString("locations"), LOCATIONS),
                pledge,
                catalogue == null ? null : JSON.readValue(catalogue, Catalogue.class),
                JSON.readValue(row.getString("no_exam_categories"), STRINGS),
                row.getString("bureau"));
    }
}
