package org.baokao.enrollment.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code enrollment_export} rows: an export's request, its progress and, once done, its file. Progress is
 * written in a transaction of its own, so the operator's page sees it while the job is still reading.
 */
@Repository
class ExportStore {

    private static final String COLUMNS = """
            id, bureau, exam_code, list_kind, grouping, format, scope_everything, scope_city, scope_university,
            reason, requested_by, requested_by_name, status, rows_total, rows_done, file_name, failure, created_at,
            finished_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ExportStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void insert(Export export) {
        jdbc.sql("""
                insert into enrollment_export (id, bureau, exam_code, list_kind, grouping, format, scope_everything,
                    scope_city, scope_university, reason, requested_by, requested_by_name, status, created_at)
                values (:id, :bureau, :exam, :kind, :grouping, :format, :everything, :city, :university, :reason,
                    :by, :byName, :status, :createdAt)""")
                .param("id", export.id()).param("bureau", export.bureau()).param("exam", export.examCode())
                .param("kind", export.kind().name()).param("grouping", export.grouping().name())
                .param("format", export.format().name()).param("everything", export.scope().everything())
                .param("city", export.scope().city()).param("university", export.scope().university())
                .param("reason", export.reason()).param("by", export.requestedBy())
                .param("byName", export.requestedByName()).param("status", export.status().name())
                .param("createdAt", Timestamp.from(export.createdAt())).update();
    }

    Optional<Export> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from enrollment_export where id = :id").param("id", id)
                .query((row, n) -> export(row)).optional();
    }

    /** An operator's own exports of the bureau, newest first. */
    List<Export> of(String bureau, String requestedBy, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                 from enrollment_export where bureau = :bureau and requested_by = :by
                order by created_at desc, id limit :limit offset :offset""")
                .param("bureau", bureau).param("by", requestedBy).param("limit", size)
                .param("offset", (long) page * size).query((row, n) -> export(row)).list();
    }

    long countOf(String bureau, String requestedBy) {
        return jdbc.sql("select count(*) from enrollment_export where bureau = :bureau and requested_by = :by")
                .param("bureau", bureau).param("by", requestedBy).query(Long.class).single();
    }

    void running(UUID id, long rowsTotal) {
        own.executeWithoutResult(status -> jdbc.sql("""
                update enrollment_export set status = 'RUNNING', rows_total = :total, rows_done = 0
                where id = :id""").param("id", id).param("total", rowsTotal).update());
    }

    void progress(UUID id, int rowsDone) {
        own.executeWithoutResult(status -> jdbc.sql("update enrollment_export set rows_done = :done where id = :id")
                .param("id", id).param("done", rowsDone).update());
    }

    void done(UUID id, int rowsDone, String fileName, String contentType, byte[] content, Instant at) {
        own.executeWithoutResult(status -> jdbc.sql("""
                update enrollment_export set status = 'DONE', rows_done = :done, rows_total = :done,
                    file_name = :fileName, content_type = :contentType, content = :content, finished_at = :at
                where id = :id""").param("id", id).param("done", rowsDone).param("fileName", fileName)
                .param("contentType", contentType).param("content", content).param("at", Timestamp.from(at))
                .update());
    }

    void failed(UUID id, String failure, Instant at) {
        own.executeWithoutResult(status -> jdbc.sql("""
                update enrollment_export set status = 'FAILED', failure = :failure, finished_at = :at
                where id = :id""").param("id", id).param("failure", failure).param("at", Timestamp.from(at))
                .update());
    }

    record File(String name, String contentType, byte[] content) {
    }

    Optional<File> file(UUID id) {
        return jdbc.sql("select file_name, content_type, content from enrollment_export where id = :id and status = 'DONE'")
                .param("id", id).query((row, n) -> new File(row.getString("file_name"), row.getString("content_type"),
                        row.getBytes("content"))).optional();
    }

    private static Export export(ResultSet row) throws SQLException {
        ListScope scope = new ListScope(row.getBoolean("scope_everything"), row.getString("scope_city"),
                row.getString("scope_university"));
        Integer total = row.getObject("rows_total", Integer.class);
        return new Export(row.getObject("id", UUID.class), row.getString("bureau"), row.getString("exam_code"),
                ListKind.valueOf(row.getString("list_kind")), Grouping.valueOf(row.getString("grouping")),
                ExportFormat.valueOf(row.getString("format")), scope, row.getString("reason"),
                row.getString("requested_by"), row.getString("requested_by_name"),
                Export.Status.valueOf(row.getString("status")), total, row.getInt("rows_done"),
                row.getString("file_name"), row.getString("failure"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
