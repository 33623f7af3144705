package org.baokao.payment.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.desk.BureauChannels;
import org.baokao.payment.desk.DeskPage;
import org.baokao.payment.desk.Paging;
import org.baokao.payment.reconcile.Discrepancies.DiscrepancyView;
import org.baokao.payment.reconcile.Discrepancies.StatementRun;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Reconciliation desk (对账, OPS-3). Statements are per channel for the whole platform (PAY-6), so a bureau's
 * operators work on the channels their bureau's money goes through ({@link BureauChannels}; another channel is 404
 * {@code UNKNOWN_CHANNEL}): they run or upload a statement of those, see those runs, and see the discrepancies about
 * their bureau's orders plus those about no known order on their channels ({@link Discrepancies}). Read: finance,
 * bureau-admin, auditor; run, upload and resolve: finance, bureau-admin — each audited ({@code reconciliation.run},
 * {@code discrepancy.resolve}).
 */
@Service
class ReconciliationDesk {

    static final OperatorRole[] READERS = { OperatorRole.FINANCE, OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR };
    static final OperatorRole[] WORKERS = { OperatorRole.FINANCE, OperatorRole.BUREAU_ADMIN };

    private final Reconciliation reconciliation;
    private final Discrepancies discrepancies;
    private final BureauChannels channels;
    private final OperatorAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReconciliationDesk(Reconciliation reconciliation, Discrepancies discrepancies, BureauChannels channels,
            OperatorAudit audit, TransactionTemplate transactions, Clock clock) {
        this.reconciliation = reconciliation;
        this.discrepancies = discrepancies;
        this.channels = channels;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * 执行对账: the day's statement fetched from the bank and reconciled, as the nightly job does. Reconciling
     * moves money in its own transactions (a payment confirmed by the bank's signed query is recorded), so the run is
     * audited once it finished, with its figures.
     */
    Reconciliation.Result run(Operator operator, Channel channel, LocalDate date) {
        operator.require(WORKERS);
        requireBureauChannel(operator, channel);
        Reconciliation.Result result;
        try {
            result = reconciliation.importFromBank(channel, date, operator.subject(), operator.name());
        } catch (ChannelUnavailableException e) {
            throw Refusal.unavailable("CHANNEL_UNAVAILABLE", "银行对账文件暂时无法获取，请稍后再试");
        }
        audited(operator, result, "BANK");
        return result;
    }

    /** 上传对账单: a statement file received otherwise, reconciled the same way. */
    Reconciliation.Result upload(Operator operator, Channel channel, LocalDate date, String csv) {
        operator.require(WORKERS);
        requireBureauChannel(operator, channel);
        Reconciliation.Result result = reconciliation.reconcile(channel, date, csv, Reconciliation.Source.UPLOAD,
                operator.subject(), operator.name());
        audited(operator, result, "UPLOAD");
        return result;
    }

    DeskPage<DiscrepancyView> discrepancies(Operator operator, String status, Channel channel, Paging paging) {
        operator.require(READERS);
        return discrepancies.list(operator.bureau(), channels.namesOf(operator.bureau()), status, channel, paging);
    }

    DeskPage<StatementRun> runs(Operator operator, Paging paging) {
        operator.require(READERS);
        return discrepancies.runs(channels.namesOf(operator.bureau()), paging);
    }

    /** 处理: resolved with the note typed, once, audited in the same transaction; another bureau's is 404. */
    DiscrepancyView resolve(Operator operator, UUID id, String typedNote) {
        operator.require(WORKERS);
        String note = AuditReason.require(typedNote);
        return transactions.execute(status -> {
            DiscrepancyView found = discrepancies.find(id, operator.bureau(), channels.namesOf(operator.bureau()))
                    .orElseThrow(Discrepancies::notFound);
            DiscrepancyView resolved = discrepancies.resolve(id, operator.subject(), operator.name(), note,
                    clock.instant());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("channel", found.channel());
            details.put("kind", found.kind());
            details.put("statementDate", found.statementDate().toString());
            if (found.bankTradeNo() != null) {
                details.put("bankTradeNo", found.bankTradeNo());
            }
            if (found.orderId() != null) {
                details.put("orderId", found.orderId().toString());
            }
            audit.record(operator, "discrepancy.resolve", "discrepancy", id.toString(),
                    found.kindName() + "（" + found.channelName() + " " + found.statementDate() + "，银行流水号 "
                            + found.bankTradeNo() + "）", note, details);
            return resolved;
        });
    }

    private void requireBureauChannel(Operator operator, Channel channel) {
        Set<String> ours = channels.namesOf(operator.bureau());
        if (!ours.contains(channel.name())) {
            throw Refusal.notFound("UNKNOWN_CHANNEL", "本考试院没有此支付渠道");
        }
    }

    private void audited(Operator operator, Reconciliation.Result result, String source) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channel", result.channel().name());
        details.put("date", result.date().toString());
        details.put("source", source);
        details.put("lines", Integer.toString(result.lines()));
        details.put("discrepancies", Integer.toString(result.discrepancies()));
        details.put("settledFromStatement", Integer.toString(result.settledFromStatement()));
        transactions.executeWithoutResult(status -> audit.record(operator, "reconciliation.run", "statement",
                result.importId().toString(), result.channel().chineseName() + " " + result.date() + " 对账单", null,
                details));
    }
}
