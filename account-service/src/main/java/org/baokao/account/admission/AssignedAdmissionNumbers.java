package org.baokao.account.admission;

import java.util.Optional;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.AdmissionNumber;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.bureau.Bureaus;
import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.messaging.consumer.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 准考证号 of new Shanghai candidates (SST-7, ACC-5): enrollment-service generates it when their approval comes, and
 * account-service keeps it on the account, so they log in with it as an imported 在籍考生 does. An account that holds
 * a number keeps its own; a number another account of the bureau holds is not taken (logged for operators: the two
 * services disagree about who has it); a replay changes nothing.
 */
@Component
class AssignedAdmissionNumbers {

    private static final Logger log = LoggerFactory.getLogger(AssignedAdmissionNumbers.class);

    private final Accounts accounts;

    AssignedAdmissionNumbers(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler(Bureaus.ENROLLMENT_CONSUMER)
    void assigned(AdmissionNumberAssigned assigned) {
        String number = AdmissionNumber.normalize(assigned.admissionNumber());
        Optional<CandidateAccount> account = accounts.findById(assigned.candidateId());
        if (number == null || account.isEmpty()) {
            log.warn("AdmissionNumberAssigned for {} not kept: {}", assigned.candidateId(),
                    number == null ? "no admission number in it" : "no such account");
            return;
        }
        if (!account.get().bureau().equals(assigned.bureau())) {
            log.warn("AdmissionNumberAssigned for {} not kept: bureau {} is not the account's ({})",
                    assigned.candidateId(), assigned.bureau(), account.get().bureau());
            return;
        }
        if (accounts.assignAdmissionNumberIfNone(assigned.candidateId(), number)) {
            log.info("Candidate {} of {} got the 准考证号 enrollment-service assigned", assigned.candidateId(),
                    assigned.bureau());
            return;
        }
        Optional<String> held = accounts.admissionNumberOf(assigned.candidateId());
        if (held.isPresent()) {
            if (!held.get().equals(number)) {
                log.warn("Candidate {} keeps the 准考证号 it holds; another one assigned by enrollment-service not kept",
                        assigned.candidateId());
            }
            return;
        }
        // the number itself stays out of the log: it names a candidate as well as an ID number does
        log.warn("The 准考证号 assigned to candidate {} is held by another account of {}: not kept",
                assigned.candidateId(), assigned.bureau());
    }
}
