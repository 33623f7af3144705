package org.baokao.payment.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.baokao.payment.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** PAY-6: every night, each channel's statement of the day before is imported and reconciled. */
@Component
class DailyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);

    private final Reconciliation reconciliation;
    private final Clock clock;

    DailyReconciliation(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Scheduled(cron = "${baokao.payment.reconciliation-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void yesterday() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(1);
        for (Channel channel : Channel.values()) {
            try {
                reconciliation.importFromBank(channel, day, Reconciliation.Source.SCHEDULED);
            } catch (RuntimeException e) {
                log.error("Reconciliation of {} {} failed; an operator can import it again", channel, day, e);
            }
        }
    }
}
