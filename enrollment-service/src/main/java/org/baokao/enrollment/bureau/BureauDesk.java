package org.baokao.enrollment.bureau;

import java.util.Map;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may configure a bureau (BUR-1, OPS-3): its own administrator, at its own address (another bureau's
 * configuration is 404, as absent); only the local automation account, bound to every bureau, sets up new ones. Read
 * by administrators and auditors. A configuration is audited ({@code bureau.configure}) in its own transaction.
 */
@Service
class BureauDesk {

    private final BureauConfigurations bureaus;
    private final OperatorAudit audit;

    BureauDesk(BureauConfigurations bureaus, OperatorAudit audit) {
        this.bureaus = bureaus;
        this.audit = audit;
    }

    @Transactional
    BureauConfigurations.Configured configure(Operator operator, boolean everyBureau, String code, BureauDraft draft) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        requireOwn(operator, everyBureau, code);
        BureauConfigurations.Configured configured = bureaus.configure(code, draft, operator.username());
        audit.record(operator, "bureau.configure", "bureau", code, configured.bureau().name(), null,
                Map.of("created", String.valueOf(configured.created())));
        return configured;
    }

    Bureau read(Operator operator, boolean everyBureau, String code) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        requireOwn(operator, everyBureau, code);
        return bureaus.require(code);
    }

    void requireReader(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
    }

    private static void requireOwn(Operator operator, boolean everyBureau, String code) {
        if (!everyBureau && !code.equals(operator.bureau())) {
            throw Operator.outOfScope();
        }
    }
}
