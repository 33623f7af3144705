package org.baokao.payment.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.desk.DeskPage;
import org.baokao.payment.desk.Paging;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Reconciliation desk's API (PAY-6, OPS-3): run a channel's statement of a day from the bank, upload a statement
 * file received otherwise (the CSV as the body, or a multipart {@code file} from the console), list past runs and
 * discrepancies, resolve one with a note. {@link ReconciliationDesk} checks the desk's roles and the bureau.
 */
@RestController
@PreAuthorize("hasRole('operator')")
class ReconciliationController {

    /** A statement file larger than this is not a day's statement of one channel. */
    private static final long MAX_STATEMENT_BYTES = 20L * 1024 * 1024;

    private final ReconciliationDesk desk;

    ReconciliationController(ReconciliationDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/api/payments/operations/reconciliations/{channel}/{date}")
    Reconciliation.Result importFromBank(Operator operator, @PathVariable String channel, @PathVariable String date) {
        return desk.run(operator, channel(channel), date(date));
    }

    @PostMapping(path = "/api/payments/operations/reconciliations/{channel}/{date}/statement",
            consumes = {"text/csv", "text/plain"})
    Reconciliation.Result upload(Operator operator, @PathVariable String channel, @PathVariable String date,
            @RequestBody String csv) {
        return desk.upload(operator, channel(channel), date(date), csv);
    }

    @PostMapping(path = "/api/payments/operations/reconciliations/{channel}/{date}/statement",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Reconciliation.Result uploadFile(Operator operator, @PathVariable String channel, @PathVariable String date,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("INVALID_STATEMENT", "请选择对账文件");
        }
        if (file.getSize() > MAX_STATEMENT_BYTES) {
            throw Refusal.tooLarge("PAYLOAD_TOO_LARGE", "对账文件不能超过20MB");
        }
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        return desk.upload(operator, channel(channel), date(date), csv);
    }

    @GetMapping("/api/payments/operations/reconciliations")
    DeskPage<Discrepancies.StatementRun> runs(Operator operator, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.runs(operator, Paging.of(page, size));
    }

    @GetMapping("/api/payments/operations/discrepancies")
    DeskPage<Discrepancies.DiscrepancyView> list(Operator operator,
            @RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return desk.discrepancies(operator, status, channel == null || channel.isBlank() ? null : channel(channel),
                Paging.of(page, size));
    }

    record Resolve(String resolution) {
    }

    @PostMapping("/api/payments/operations/discrepancies/{id}/resolve")
    Discrepancies.DiscrepancyView resolve(Operator operator, @PathVariable UUID id,
            @RequestBody(required = false) Resolve body) {
        return desk.resolve(operator, id, body == null ? null : body.resolution());
    }

    static Channel channel(String code) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(code)) {
                return c;
            }
        }
        throw Refusal.notFound("UNKNOWN_CHANNEL", "没有此支付渠道");
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_DATE", "日期格式须为yyyy-MM-dd");
        }
    }
}
