package org.baokao.account.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.baokao.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import jakarta.annotation.PreDestroy;

/**
 * Roster imports (ACC-3) as jobs. An upload is checked as a whole while the operator waits (format, encoding,
 * quoting, header, row count: a file refused here leaves nothing behind), then queued as a {@code roster_import}
 * row and processed by a small executor in batches ({@link RosterBatchWriter}), its progress readable at any time.
 *
 * <p>The job outlives the process as a row. Jobs carry the name of their instance (host:port); each instance
 * touches the jobs it holds every {@code baokao.roster.sweep-every}, and marks FAILED, with a reason saying
 * to import again, the QUEUED or RUNNING jobs under its own name that it does not hold (it was restarted: at
 * once, when it is ready) and those nobody touched for {@code baokao.roster.stale-after} (another instance
 * stopped). The upload itself is a local file, so only the instance that accepted it can run it.
 */
@Service
@EnableConfigurationProperties(RosterImportProperties.class)
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final Pattern EXAM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final String ABANDONED = "导入中断：处理该文件的服务实例已停止或重启。已导入的行已保存，重新导入同一文件不会产生重复，请重新导入";
    static final String STOPPED = "导入中断：服务正在停止。已导入的行已保存，重新导入同一文件不会产生重复，请重新导入";
    static final String FAILED = "导入过程中发生系统错误。已导入的行已保存，请稍后重新导入同一文件";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RosterImportProperties properties;
    private final RosterBatchWriter writer;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService sweeper;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final String worker;

    RosterImports(JdbcClient jdbc, Clock clock, RosterImportProperties properties, RosterBatchWriter writer,
            Environment environment) {
        this.worker = instanceName(environment);
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.writer = writer;
        this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().name("roster-import-", 1).factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("roster-import-sweeper").daemon().factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        long every = properties.sweepEvery().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Roster import sweep failed: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sweeper.shutdownNow();
        executor.shutdownNow(); // running jobs see the interrupt between batches and stop as FAILED
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Roster imports still running at shutdown; they will be marked FAILED by the next sweep");
        }
    }

    /** Checks {@code file} and queues its import; a refused file throws and leaves nothing stored. */
    public ImportProgress accept(String examCode, MultipartFile file, String operator) {
        checkExamCode(examCode);
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid(RosterFileException.EMPTY, "请选择要导入的考生名单文件（文件不能为空）");
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw Refusal.tooLarge("ROSTER_FILE_TOO_LARGE",
                    "文件超过" + properties.maxFileSize().toMegabytes() + "MB的上限，请分成多个文件导入");
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
        UUID id = UUID.randomUUID();
        String fileName = fileName(file.getOriginalFilename());
        Path upload = uploadPath(id);
        RosterFiles.Inspection inspection;
        try {
            Files.createDirectories(upload.getParent());
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, upload);
            }
            inspection = RosterFiles.inspect(upload, fileName, properties.maxRows());
        } catch (IOException e) {
            delete(upload);
            throw new UncheckedIOException("Could not keep the uploaded roster " + id, e);
        } catch (RuntimeException refused) {
            delete(upload);
            throw refused;
        }
        Timestamp now = Timestamp.from(clock.instant());
        held.add(id); // before the row exists: the sweeper never takes a job of this instance for abandoned
        try {
            jdbc.sql("""
                    insert into roster_import (id, exam_code, file_name, format, status, total_rows, operator,
                        worker, heartbeat_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, examCode, fileName, inspection.format().name(), RosterImportStatus.QUEUED.name(),
                            inspection.dataRows(), operator, worker, now, now)
                    .update();
            executor.execute(() -> run(id, examCode, inspection.format()));
        } catch (RejectedExecutionException full) {
            jdbc.sql("delete from roster_import where id = ?").param(id).update();
            held.remove(id);
            delete(upload);
            throw busy();
        } catch (RuntimeException e) {
            held.remove(id);
            delete(upload);
            throw e;
        }
        log.info("Roster import {} of exam {} queued: {} rows, {}, by {}", id, examCode, inspection.dataRows(),
                inspection.format(), operator);
        return progress(examCode, id).orElseThrow();
    }

    public List<ImportProgress> recent(String examCode) {
        checkExamCode(examCode);
        return jdbc.sql("select * from roster_import where exam_code = ? order by created_at desc limit 50")
                .param(examCode).query((row, n) -> progress(row)).list();
    }

    public Optional<ImportProgress> progress(String examCode, UUID importId) {
        return jdbc.sql("select * from roster_import where id = ? and exam_code = ?")
                .params(importId, examCode).query((row, n) -> progress(row)).optional();
    }

    /** One page (from 0) of the refused rows, in line order. */
    public ErrorPage errors(String examCode, UUID importId, int page, int size) {
        requireImport(examCode, importId);
        int pageSize = Math.clamp(size, 1, 1000);
        int pageNumber = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from roster_import_error where import_id = ?").param(importId)
                .query(Long.class).single();
        List<ErrorItem> items = jdbc.sql("""
                select line, field, code, reason from roster_import_error where import_id = ?
                order by id limit ? offset ?""")
                .params(importId, pageSize, (long) pageNumber * pageSize)
                .query((row, n) -> new ErrorItem(row.getInt("line"), row.getString("field"), row.getString("code"),
                        row.getString("reason")))
                .list();
        return new ErrorPage(importId, pageNumber, pageSize, total, (int) ((total + pageSize - 1) / pageSize), items);
    }

    /** The whole error report as CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), streamed. */
    public void writeErrorsCsv(String examCode, UUID importId, OutputStream out) throws IOException {
        requireImport(examCode, importId);
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write("行号,列,错误代码,错误原因\r\n".getBytes(StandardCharsets.UTF_8));
        long after = 0;
        while (true) {
            List<String> lines = new ArrayList<>();
            long[] last = {after};
            jdbc.sql("""
                    select id, line, field, code, reason from roster_import_error where import_id = ? and id > ?
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

    /**
     * Touches the jobs this instance holds; marks FAILED the QUEUED or RUNNING jobs nobody holds any more: those
     * under this instance's name that it does not hold (left from before a restart) and those nobody touched for
     * {@code stale-after} (another instance stopped); deletes uploads left behind by such jobs.
     */
    int sweep() {
        Instant now = clock.instant();
        // a uuid[] literal: {id,id,...}
        String mine = held.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        if (!held.isEmpty()) {
            jdbc.sql("""
                    update roster_import set heartbeat_at = ?
                    where id = any(?::uuid[]) and status in (?, ?)""")
                    .params(Timestamp.from(now), mine, RosterImportStatus.QUEUED.name(),
                            RosterImportStatus.RUNNING.name()).update();
        }
        int failed = jdbc.sql("""
                update roster_import set status = ?, finished_at = ?, failure_reason = ?
                where status in (?, ?) and (worker = ? or heartbeat_at < ?)
                  and not (id = any(?::uuid[]))""")
                .params(RosterImportStatus.FAILED.name(), Timestamp.from(now), ABANDONED,
                        RosterImportStatus.QUEUED.name(), RosterImportStatus.RUNNING.name(), worker,
                        Timestamp.from(now.minus(properties.staleAfter())), mine)
                .update();
        if (failed > 0) {
            log.warn("{} roster import(s) abandoned by a stopped instance marked FAILED", failed);
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
                boolean active = jdbc.sql("select status from roster_import where id = ?").param(id)
                        .query(String.class).optional().map(RosterImportStatus::valueOf)
                        .filter(RosterImportStatus::isActive).isPresent();
                if (!active) {
                    delete(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for left roster uploads in {}: {}", dir, e.toString());
        }
    }

    /** The name jobs of this instance carry: host and port, so the same service restarted knows its own. */
    String worker() {
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

    private void run(UUID id, String examCode, RosterFileFormat format) {
        Path upload = uploadPath(id);
        try {
            Instant started = clock.instant();
            int claimed = jdbc.sql("""
                    update roster_import set status = ?, started_at = ?, heartbeat_at = ?, worker = ?
                    where id = ? and status = ?""")
                    .params(RosterImportStatus.RUNNING.name(), Timestamp.from(started), Timestamp.from(started),
                            worker, id, RosterImportStatus.QUEUED.name()).update();
            if (claimed == 0) {
                return; // swept as abandoned meanwhile
            }
            RosterBatchWriter.Counts totals = process(id, examCode, format, upload);
            finish(id, RosterImportStatus.DONE, null);
            log.info("Roster import {} of exam {} done: {} rows ({} inserted, {} updated, {} unchanged, {} refused)"
                    + " in {} ms", id, examCode, totals.processed(), totals.inserted(), totals.updated(),
                    totals.unchanged(), totals.rejected(), java.time.Duration.between(started, clock.instant()).toMillis());
        } catch (InterruptedException stopping) {
            finish(id, RosterImportStatus.FAILED, STOPPED);
            log.warn("Roster import {} interrupted by shutdown", id);
        } catch (RosterFileException refused) {
            finish(id, RosterImportStatus.FAILED, refused.getMessage());
            log.warn("Roster import {} failed: {}", id, refused.code());
        } catch (Exception | Error e) {
            try {
                finish(id, RosterImportStatus.FAILED, FAILED);
            } finally {
                log.error("Roster import {} failed", id, e);
            }
        } finally {
            held.remove(id);
            delete(upload);
        }
    }

    private RosterBatchWriter.Counts process(UUID id, String examCode, RosterFileFormat format, Path upload)
            throws IOException, InterruptedException {
        int batchSize = properties.batchSize();
        int processed = 0;
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        try (RosterRows rows = RosterFiles.open(upload, format)) {
            RosterHeader header = RosterHeader.find(rows);
            RosterRowChecker checker = new RosterRowChecker(header, clock);
            List<RosterRow> accepted = new ArrayList<>(batchSize);
            List<RowError> errors = new ArrayList<>();
            int refused = 0;
            SourceRow source;
            do {
                source = rows.nextNonBlank();
                if (source != null) {
                    RosterRowChecker.Checked checked = checker.check(source);
                    if (checked.accepted()) {
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
                    RosterBatchWriter.Counts counts = writer.write(id, examCode, accepted, errors, refused);
                    processed += counts.processed();
                    inserted += counts.inserted();
                    updated += counts.updated();
                    unchanged += counts.unchanged();
                    rejected += counts.rejected();
                    accepted.clear();
                    errors.clear();
                    refused = 0;
                }
            } while (source != null);
        }
        return new RosterBatchWriter.Counts(processed, inserted, updated, unchanged, rejected);
    }

    /** An active job ends; one that ended before (e.g. swept as abandoned) keeps its first ending. */
    private void finish(UUID id, RosterImportStatus ending, String reason) {
        if (ending.isActive()) {
            throw new IllegalArgumentException(ending + " is not an ending");
        }
        jdbc.sql("""
                update roster_import set status = ?, finished_at = ?, failure_reason = ?
                where id = ? and status in (?, ?)""")
                .params(ending.name(), Timestamp.from(clock.instant()), reason, id, RosterImportStatus.QUEUED.name(),
                        RosterImportStatus.RUNNING.name())
                .update();
    }

    private void requireImport(String examCode, UUID importId) {
        if (progress(examCode, importId).isEmpty()) {
            throw notFound();
        }
    }

    static Refusal notFound() {
        return Refusal.notFound("ROSTER_IMPORT_NOT_FOUND", "未找到该导入任务");
    }

    private static Refusal busy() {
        return Refusal.tooMany("ROSTER_IMPORT_BUSY", "当前排队的导入任务较多，请稍后再试");
    }

    private static void checkExamCode(String examCode) {
        if (examCode == null || !EXAM_CODE.matcher(examCode).matches()) {
            throw Refusal.invalid("EXAM_CODE_INVALID", "考试代码格式不正确");
        }
    }

    private Path uploadPath(UUID id) {
        return properties.workDir().resolve(id + ".upload");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete roster upload {}: {}", file, e.toString());
        }
    }

    /** The name as uploaded, without any folder part, control characters or more than 255 characters. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "roster";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "roster";
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
        int percent = RosterImportStatus.DONE.name().equals(status) ? 100 : total == 0 ? 0 : (int) ((long) processed * 100 / total);
        return new ImportProgress(row.getObject("id", UUID.class), row.getString("exam_code"),
                row.getString("file_name"), row.getString("format"), status, total, processed,
                row.getInt("inserted_rows"), row.getInt("updated_rows"), row.getInt("unchanged_rows"),
                row.getInt("rejected_rows"), percent, row.getString("failure_reason"), row.getString("operator"),
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A page of refused rows. */
    public record ErrorPage(UUID importId, int page, int size, long total, int totalPages, List<ErrorItem> items) {
    }

    /** One refused field of a row; {@code field} is the column's Chinese header. */
    public record ErrorItem(int line, String field, String code, String reason) {
    }
}
