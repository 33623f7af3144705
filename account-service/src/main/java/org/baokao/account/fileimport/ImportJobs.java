package org.baokao.account.fileimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.tabular.FileFormat;
import org.baokao.tabular.ImportFileException;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableFiles;
import org.baokao.tabular.TableHeader;
import org.baokao.tabular.TableRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import jakarta.annotation.PreDestroy;

/**
 * Operators' file imports as jobs, whatever their kind ({@link ImportKind}: a roster, ACC-3; 在籍考生, ACC-9). An
 * upload is checked as a whole while the operator waits (format, encoding, quoting, header, row count: a file refused
 * here leaves nothing behind), then queued as an {@code import_job} row and processed by a small executor in batches,
 * one transaction each (the kind writes the rows; this stores the refused rows and the counts beside them), its
 * progress readable at any time. A job is found only through its kind and scope (an exam, a bureau).
 *
 * <p>The job outlives the process as a row. Jobs carry the name of their instance (host:port); each instance
 * touches the jobs it holds every {@code baokao.imports.sweep-every}, and marks FAILED, with a reason saying
 * to import again, the QUEUED or RUNNING jobs under its own name that it does not hold (it was restarted: at
 * once, when it is ready) and those nobody touched for {@code baokao.imports.stale-after} (another instance
 * stopped). The upload itself is a local file, so only the instance that accepted it can run it.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final String ABANDONED = "导入中断：处理该文件的服务实例已停止或重启。已导入的行已保存，重新导入同一文件不会产生重复，请重新导入";
    static final String STOPPED = "导入中断：服务正在停止。已导入的行已保存，重新导入同一文件不会产生重复，请重新导入";
    static final String FAILED = "导入过程中发生系统错误。已导入的行已保存，请稍后重新导入同一文件";
    static final String BUSY = "当前排队的导入任务较多，该文件未能开始导入，请稍后重新导入";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final ImportProperties properties;
    private final TransactionTemplate transaction;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService sweeper;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final String worker;
    private final OperatorAudit audit;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batches, Clock clock, ImportProperties properties,
            PlatformTransactionManager transactions, Environment environment, OperatorAudit audit) {
        this.worker = instanceName(environment);
        this.audit = audit;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().name("file-import-", 1).factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("file-import-sweeper").daemon().factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        long every = properties.sweepEvery().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Import sweep failed: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sweeper.shutdownNow();
        executor.shutdownNow(); // running jobs see the interrupt between batches and stop as FAILED
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Imports still running at shutdown; they will be marked FAILED by the next sweep");
        }
    }

    /**
     * An operator's upload (OPS-3): checks {@code file} and queues its import of {@code kind} into {@code scope} (checked
     * by the caller) for the operator's bureau, audited as the kind's {@link ImportKind#auditAction()} in the
     * transaction that stores the job. A refused file throws (a {@link Refusal}, or an {@link ImportFileException} the
     * kind's controller words with its codes) and leaves nothing stored, nor audited.
     */
    public <R> ImportProgress accept(ImportKind<R> kind, String scope, MultipartFile file, Operator operator) {
        return accept(kind, operator.bureau(), scope, file, operator.username(), operator);
    }

    /**
     * The platform's own upload (the demo data), for {@code bureau} in the name of {@code operator}: as an operator's,
     * but nobody acted, so nothing is audited.
     */
    public <R> ImportProgress accept(ImportKind<R> kind, String bureau, String scope, MultipartFile file,
            String operator) {
        return accept(kind, bureau, scope, file, operator, null);
    }

    private <R> ImportProgress accept(ImportKind<R> kind, String bureau, String scope, MultipartFile file,
            String operatorName, Operator audited) {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid(kind.codePrefix() + "_FILE_EMPTY", "请选择要导入的" + kind.fileNoun() + "文件（文件不能为空）");
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw Refusal.tooLarge(kind.codePrefix() + "_FILE_TOO_LARGE",
                    "文件超过" + properties.maxFileSize().toMegabytes() + "MB的上限，请分成多个文件导入");
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy(kind);
        }
        UUID id = UUID.randomUUID();
        String fileName = fileName(file.getOriginalFilename(), kind);
        Path upload = uploadPath(id);
        ImportFiles.Inspection inspection;
        try {
            Files.createDirectories(upload.getParent());
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, upload);
            }
            inspection = ImportFiles.inspect(upload, fileName, kind.columns(), properties.maxRows());
        } catch (IOException e) {
            delete(upload);
            throw new UncheckedIOException("Could not keep the uploaded file " + id, e);
        } catch (RuntimeException refused) {
            delete(upload);
            throw refused;
        }
        Timestamp now = Timestamp.from(clock.instant());
        held.add(id); // before the row exists: the sweeper never takes a job of this instance for abandoned
        try {
            // the job and its audit row commit together; the job runs only once both are there
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into import_job (id, kind, bureau, scope, file_name, format, status, total_rows,
                            operator, worker, heartbeat_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, kind.name(), bureau, scope, fileName, inspection.format().name(),
                                ImportStatus.QUEUED.name(), inspection.dataRows(), operatorName, worker, now, now)
                        .update();
                if (audited != null) {
                    audit.record(audited, kind.auditAction(), "import", id.toString(),
                            kind.fileNoun() + " " + scope + " · " + fileName, null,
                            Map.of("kind", kind.name(), "scope", scope, "file", fileName,
                                    "rows", String.valueOf(inspection.dataRows())));
                }
            });
        } catch (RuntimeException e) {
            held.remove(id);
            delete(upload);
            throw e;
        }
        try {
            executor.execute(() -> run(kind, id, scope, inspection.format()));
        } catch (RejectedExecutionException full) {
            // accepted (and audited) but not started: the job says so, and the operator imports again later
            finish(id, ImportStatus.FAILED, BUSY);
            held.remove(id);
            delete(upload);
            throw busy(kind);
        }
        log.info("{} import {} into {} ({}) queued: {} rows, {}, by {}", kind.name(), id, scope, bureau,
                inspection.dataRows(), inspection.format(), operatorName);
        return progress(kind, bureau, scope, id).orElseThrow();
    }

    /**
     * The bureau's imports of every kind (or of {@code kind}, by its name), newest first: one page ({@code page} from 0)
     * and how many there are in all.
     */
    public History history(String bureau, String kind, int page, int size) {
        int pageSize = Math.clamp(size, 1, 100);
        int pageNumber = Math.max(page, 0);
        String where = kind == null || kind.isBlank() ? "where bureau = ?" : "where bureau = ? and kind = ?";
        Object[] params = kind == null || kind.isBlank() ? new Object[] {bureau} : new Object[] {bureau, kind};
        long total = jdbc.sql("select count(*) from import_job " + where).params(params).query(Long.class).single();
        List<ImportProgress> items = jdbc.sql("select * from import_job " + where
                        + " order by created_at desc, id limit " + pageSize + " offset " + ((long) pageNumber * pageSize))
                .params(params).query((row, n) -> progress(row)).list();
        return new History(items, total, pageNumber, pageSize);
    }

    /** An import of the bureau, whatever its kind. */
    public Optional<ImportProgress> progress(String bureau, UUID importId) {
        return jdbc.sql("select * from import_job where id = ? and bureau = ?").params(importId, bureau)
                .query((row, n) -> progress(row)).optional();
    }

    /** The scope's latest 50 imports of {@code kind} at the bureau, newest first. */
    public List<ImportProgress> recent(ImportKind<?> kind, String bureau, String scope) {
        return jdbc.sql("""
                select * from import_job where kind = ? and bureau = ? and scope = ?
                order by created_at desc limit 50""")
                .params(kind.name(), bureau, scope).query((row, n) -> progress(row)).list();
    }

    public Optional<ImportProgress> progress(ImportKind<?> kind, String bureau, String scope, UUID importId) {
        return jdbc.sql("select * from import_job where id = ? and kind = ? and bureau = ? and scope = ?")
                .params(importId, kind.name(), bureau, scope).query((row, n) -> progress(row)).optional();
    }

    /** One page (from 0) of the refused rows, in line order; 404 for a job not of this kind, bureau and scope. */
    public ErrorPage errors(ImportKind<?> kind, String bureau, String scope, UUID importId, int page, int size) {
        requireImport(kind, bureau, scope, importId);
        return errors(importId, page, size);
    }

    /** One page (from 0) of the refused rows of the bureau's import, whatever its kind; 404 for another's. */
    public ErrorPage errors(String bureau, UUID importId, int page, int size) {
        progress(bureau, importId).orElseThrow(ImportJobs::notFound);
        return errors(importId, page, size);
    }

    private ErrorPage errors(UUID importId, int page, int size) {
        int pageSize = Math.clamp(size, 1, 1000);
        int pageNumber = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from import_job_error where import_id = ?").param(importId)
                .query(Long.class).single();
        List<ErrorItem> items = jdbc.sql("""
                select line, field, code, reason from import_job_error where import_id = ?
                order by id limit ? offset ?""")
                .params(importId, pageSize, (long) pageNumber * pageSize)
                .query((row, n) -> new ErrorItem(row.getInt("line"), row.getString("field"), row.getString("code"),
                        row.getString("reason")))
                .list();
        return new ErrorPage(importId, pageNumber, pageSize, total, (int) ((total + pageSize - 1) / pageSize), items);
    }

    /** The whole error report as CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), streamed. */
    public void writeErrorsCsv(ImportKind<?> kind, String bureau, String scope, UUID importId, OutputStream out)
            throws IOException {
        requireImport(kind, bureau, scope, importId);
        writeErrorsCsv(importId, out);
    }

    /** The error report of an import already found (its kind, bureau and scope checked by the caller). */
    public void writeErrorsCsv(UUID importId, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write("行号,列,错误代码,错误原因\r\n".getBytes(StandardCharsets.UTF_8));
        long after = 0;
        while (true) {
            List<String> lines = new ArrayList<>();
            long[] last = {after};
            jdbc.sql("""
                    select id, line, field, code, reason from import_job_error where import_id = ? and id > ?
                    order by id limit 5000""")
                    .params(importId, after)
                    .query((ResultSet row) -> {
                        last[0] = row.getLong("id");
                        lines.add(row.getInt("line") + "," + csv(row.getString("field")) + ","
                                + csv(row.getString("code")) + "," + csv(row.getString("reason")) + "\r\n");
                    });
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
            if (lines.size() < 5000) {
                break;
            }
            after = last[0];
        }
        out.flush();
    }

    /** 404 of a job not found under this kind and scope. */
    public static Refusal notFound(ImportKind<?> kind) {
        return Refusal.notFound(kind.codePrefix() + "_IMPORT_NOT_FOUND", "未找到该导入任务");
    }

    /** 404 of a job not found at the bureau, whatever its kind. */
    public static Refusal notFound() {
        return Refusal.notFound("IMPORT_NOT_FOUND", "未找到该导入任务");
    }

    /**
     * Touches the jobs this instance holds; marks FAILED the QUEUED or RUNNING jobs nobody holds any more: those
     * under this instance's name that it does not hold (left from before a restart) and those nobody touched for
     * {@code stale-after} (another instance stopped); deletes uploads left behind by such jobs.
     */
    public int sweep() {
        Instant now = clock.instant();
        // a uuid[] literal: {id,id,...}
        String mine = held.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        if (!held.isEmpty()) {
            jdbc.sql("""
                    update import_job set heartbeat_at = ?
                    where id = any(?::uuid[]) and status in (?, ?)""")
                    .params(Timestamp.from(now), mine, ImportStatus.QUEUED.name(),
                            ImportStatus.RUNNING.name()).update();
        }
        int failed = jdbc.sql("""
                update import_job set status = ?, finished_at = ?, failure_reason = ?
                where status in (?, ?) and (worker = ? or heartbeat_at < ?)
                  and not (id = any(?::uuid[]))""")
                .params(ImportStatus.FAILED.name(), Timestamp.from(now), ABANDONED,
                        ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name(), worker,
                        Timestamp.from(now.minus(properties.staleAfter())), mine)
                .update();
        if (failed > 0) {
            log.warn("{} import(s) abandoned by a stopped instance marked FAILED", failed);
        }
        deleteLeftUploads(now);
        return failed;
    }

    /** Uploads older than {@code stale-after} whose job is neither held here nor waiting or running anywhere. */
    private void deleteLeftUploads(Instant now) {
        Path dir = properties.workDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant before = now.minus(properties.staleAfter());
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".upload")).toList()) {
                String name = file.getFileName().toString();
                UUID id;
                try {
                    id = UUID.fromString(name.substring(0, name.length() - ".upload".length()));
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                if (held.contains(id) || Files.getLastModifiedTime(file).toInstant().isAfter(before)) {
                    continue;
                }
                boolean active = jdbc.sql("select status from import_job where id = ?").param(id)
                        .query(String.class).optional().map(ImportStatus::valueOf)
                        .filter(ImportStatus::isActive).isPresent();
                if (!active) {
                    delete(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for left uploads in {}: {}", dir, e.toString());
        }
    }

    /** The name jobs of this instance carry: host and port, so the same service restarted knows its own. */
    public String worker() {
        return worker;
    }

    static String instanceName(Environment environment) {
        String host = environment.getProperty("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        String port = environment.getProperty("server.port", "8080");
        if (port.equals("0")) {
            port = "0-" + UUID.randomUUID().toString().substring(0, 8); // random ports: no name to come back to
        }
        String name = host + ":" + port;
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }

    private <R> void run(ImportKind<R> kind, UUID id, String scope, FileFormat format) {
        Path upload = uploadPath(id);
        try {
            Instant started = clock.instant();
            int claimed = jdbc.sql("""
                    update import_job set status = ?, started_at = ?, heartbeat_at = ?, worker = ?
                    where id = ? and status = ?""")
                    .params(ImportStatus.RUNNING.name(), Timestamp.from(started), Timestamp.from(started),
                            worker, id, ImportStatus.QUEUED.name()).update();
            if (claimed == 0) {
                return; // swept as abandoned meanwhile
            }
            Counts totals = process(kind, id, scope, format, upload);
            finish(id, ImportStatus.DONE, null);
            log.info("{} import {} into {} done: {} rows ({} inserted, {} updated, {} unchanged, {} refused) in {} ms",
                    kind.name(), id, scope, totals.processed(), totals.inserted(), totals.updated(),
                    totals.unchanged(), totals.rejected(),
                    java.time.Duration.between(started, clock.instant()).toMillis());
        } catch (InterruptedException stopping) {
            finish(id, ImportStatus.FAILED, STOPPED);
            log.warn("{} import {} interrupted by shutdown", kind.name(), id);
        } catch (ImportFileException refused) {
            finish(id, ImportStatus.FAILED, refused.getMessage());
            log.warn("{} import {} failed: {}", kind.name(), id, refused.codeFor(kind.codePrefix()));
        } catch (Exception | Error e) {
            try {
                finish(id, ImportStatus.FAILED, FAILED);
            } finally {
                log.error("{} import {} failed", kind.name(), id, e);
            }
        } finally {
            held.remove(id);
            delete(upload);
        }
    }

    private <R> Counts process(ImportKind<R> kind, UUID id, String scope, FileFormat format, Path upload)
            throws IOException, InterruptedException {
        int batchSize = properties.batchSize();
        Counts totals = Counts.NONE;
        try (TableRows rows = TableFiles.open(upload, format)) {
            TableHeader header = TableHeader.find(rows, kind.columns());
            RowChecker<R> checker = kind.checker(header);
            List<R> accepted = new ArrayList<>(batchSize);
            List<RowError> errors = new ArrayList<>();
            int refused = 0;
            SourceRow source;
            do {
                source = rows.nextNonBlank();
                if (source != null) {
                    RowChecker.Checked<R> checked = checker.check(source);
                    if (checked.isAccepted()) {
                        accepted.add(checked.row());
                    } else {
                        errors.addAll(checked.errors());
                        refused++;
                    }
                }
                if (accepted.size() + refused >= batchSize || (source == null && accepted.size() + refused > 0)) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                    totals = totals.plus(write(kind, id, scope, accepted, errors, refused));
                    accepted.clear();
                    errors.clear();
                    refused = 0;
                }
            } while (source != null);
        }
        return totals;
    }

    /**
     * One batch in one transaction: the kind's rows, the refused rows in line order, the counts. A crash loses at
     * most the batch in flight, and the counts always match what is committed. Batches of one kind and scope are
     * serialized by a transaction-scoped advisory lock, so two imports into the same scope running at once cannot
     * both "insert" the same candidate.
     */
    private <R> Counts write(ImportKind<R> kind, UUID id, String scope, List<R> accepted, List<RowError> checkErrors,
            int refused) {
        ImportKind.PreparedBatch batch = kind.prepare(scope, accepted);
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(kind.name() + ":" + scope)
                    .query((ResultSet row) -> { });
            ImportKind.Written written = batch.write(id);
            List<RowError> errors = new ArrayList<>(checkErrors);
            errors.addAll(written.errors());
            errors.sort(Comparator.comparingInt(RowError::line)); // stable: a line's fields keep their order
            insertErrors(id, errors);
            Counts counts = new Counts(accepted.size() + refused, written.inserted(), written.updated(),
                    written.unchanged(), refused + written.rejected());
            jdbc.sql("""
                    update import_job set processed_rows = processed_rows + ?, inserted_rows = inserted_rows + ?,
                        updated_rows = updated_rows + ?, unchanged_rows = unchanged_rows + ?,
                        rejected_rows = rejected_rows + ?, heartbeat_at = ?
                    where id = ?""")
                    .params(counts.processed(), counts.inserted(), counts.updated(), counts.unchanged(),
                            counts.rejected(), Timestamp.from(clock.instant()), id)
                    .update();
            return counts;
        });
    }

    private void insertErrors(UUID importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "insert into import_job_error (import_id, line, field, code, reason) values (?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        RowError error = errors.get(i);
                        statement.setObject(1, importId);
                        statement.setInt(2, error.line());
                        statement.setString(3, error.field());
                        statement.setString(4, error.code());
                        statement.setString(5, error.reason());
                    }

                    @Override
                    public int getBatchSize() {
                        return errors.size();
                    }
                });
    }

    /** An active job ends; one that ended before (e.g. swept as abandoned) keeps its first ending. */
    private void finish(UUID id, ImportStatus ending, String reason) {
        if (ending.isActive()) {
            throw new IllegalArgumentException(ending + " is not an ending");
        }
        jdbc.sql("""
                update import_job set status = ?, finished_at = ?, failure_reason = ?
                where id = ? and status in (?, ?)""")
                .params(ending.name(), Timestamp.from(clock.instant()), reason, id, ImportStatus.QUEUED.name(),
                        ImportStatus.RUNNING.name())
                .update();
    }

    private void requireImport(ImportKind<?> kind, String bureau, String scope, UUID importId) {
        if (progress(kind, bureau, scope, importId).isEmpty()) {
            throw notFound(kind);
        }
    }

    private static Refusal busy(ImportKind<?> kind) {
        return Refusal.tooMany(kind.codePrefix() + "_IMPORT_BUSY", "当前排队的导入任务较多，请稍后再试");
    }

    private Path uploadPath(UUID id) {
        return properties.workDir().resolve(id + ".upload");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete upload {}: {}", file, e.toString());
        }
    }

    /**
     * The name as uploaded, without any folder part, control characters or more than 255 characters; the kind's
     * name in lower case when there is none.
     */
    static String fileName(String original, ImportKind<?> kind) {
        String fallback = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (original == null || original.isBlank()) {
            return fallback;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.codePointCount(0, name.length()) > 255
                ? name.substring(0, name.offsetByCodePoints(0, 255))
                : name;
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static ImportProgress progress(ResultSet row) throws SQLException {
        String status = row.getString("status");
        int total = row.getInt("total_rows");
        int processed = row.getInt("processed_rows");
        int percent = ImportStatus.DONE.name().equals(status) ? 100
                : total == 0 ? 0 : (int) ((long) processed * 100 / total);
        return new ImportProgress(row.getObject("id", UUID.class), row.getString("kind"), row.getString("bureau"),
                row.getString("scope"),
                row.getString("file_name"), row.getString("format"), status, total, processed,
                row.getInt("inserted_rows"), row.getInt("updated_rows"), row.getInt("unchanged_rows"),
                row.getInt("rejected_rows"), percent, row.getString("failure_reason"), row.getString("operator"),
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What batches did: processed = accepted + refused rows. */
    record Counts(int processed, int inserted, int updated, int unchanged, int rejected) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(processed + other.processed, inserted + other.inserted, updated + other.updated,
                    unchanged + other.unchanged, rejected + other.rejected);
        }
    }

    /** A page of the bureau's imports, newest first (OPS-3 list convention). */
    public record History(List<ImportProgress> items, long total, int page, int size) {
    }

    /** A page of refused rows. */
    public record ErrorPage(UUID importId, int page, int size, long total, int totalPages, List<ErrorItem> items) {
    }

    /** One refused field of a row; {@code field} is the column's Chinese header. */
    public record ErrorItem(int line, String field, String code, String reason) {
    }
}
