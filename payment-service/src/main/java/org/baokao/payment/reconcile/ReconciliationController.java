package org.baokao.payment.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators reconcile (PAY-6, role {@code operator}): import a channel's statement of a day from the bank, upload a
 * statement file they received otherwise, list discrepancies and resolve them with a note.
 */
@RestController
@PreAuthorize("hasRole('operator')")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final Discrepancies discrepancies;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, Discrepancies discrepancies, Clock clock) {
        this.reconciliation = reconciliation;
        this.discrepancies = discrepancies;
        this.clock = clock;
    }

    @PostMapping("/api/payments/operations/reconciliations/{channel}/{date}")
    Reconciliation.Result importFromBank(@PathVariable String channel, @PathVariable String date) {
        try {
            return reconciliation.importFromBank(channel(channel), date(date), Reconciliation.Source.OPERATOR);
        } catch (ChannelUnavailableException e) {
            throw Refusal.unavailable("CHANNEL_UNAVAILABLE", "银行对账文件暂时无法获取，请稍后再试");
        }
    }

    @PostMapping(path = "/api/payments/operations/reconciliations/{channel}/{date}/statement",
            consumes = {"text/csv", "text/plain"})
    Reconciliation.Result upload(@PathVariable String channel, @PathVariable String date, @RequestBody String csv) {
        return reconciliation.reconcile(channel(channel), date(date), csv, Reconciliation.Source.UPLOAD);
    }

    @GetMapping("/api/payments/operations/discrepancies")
    List<Discrepancies.DiscrepancyView> list(@RequestParam(defaultValue = "OPEN") String status) {
        return discrepancies.list(status);
    }

    record Resolve(String resolution) {
    }

    @PostMapping("/api/payments/operations/discrepancies/{id}/resolve")
    Discrepancies.DiscrepancyView resolve(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @RequestBody Resolve body) {
        if (body == null || body.resolution() == null || body.resolution().isBlank() || body.resolution().length() > 500) {
            throw Refusal.invalid("RESOLUTION_REQUIRED", "请填写处理说明（不超过500字）");
        }
        return discrepancies.resolve(id, token.getSubject(), body.resolution().strip(), clock.instant());
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
