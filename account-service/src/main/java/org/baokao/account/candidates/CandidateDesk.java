package org.baokao.account.candidates;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.password.Passwords;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.personaldata.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One candidate at the Candidates desk (OPS-3): the account masked, and what an operator may do to it. Every step
 * checks the role, then the scope (outside it the candidate is not there: 404), then acts and records the action in
 * the audit trail in the same transaction. Auditors read the masked account and change nothing; they do not reveal
 * either: they audit the reveals of others, and the desk's work never needs them to read personal data in clear.
 */
@Service
public class CandidateDesk {

    /** Who reads the desk (masked). */
    static final OperatorRole[] READERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.CITY_OPERATOR,
            OperatorRole.UNIVERSITY_REVIEWER, OperatorRole.AUDITOR };
    /** Who reveals in clear, unlocks and sends a reset code: the readers but the auditor. */
    static final OperatorRole[] ACTORS = { OperatorRole.BUREAU_ADMIN, OperatorRole.CITY_OPERATOR,
            OperatorRole.UNIVERSITY_REVIEWER };
    static final String SUBJECT_TYPE = "candidate";

    private final Accounts accounts;
    private final CandidateScopes scopes;
    private final SmsCodes smsCodes;
    private final OperatorAudit audit;
    private final Clock clock;

    CandidateDesk(Accounts accounts, CandidateScopes scopes, SmsCodes smsCodes, OperatorAudit audit, Clock clock) {
        this.accounts = accounts;
        this.scopes = scopes;
        this.smsCodes = smsCodes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account as the desk shows it: personal data masked. */
    public record Candidate(UUID candidateId, String bureau, String examCode, String idType, String idTypeName,
            String maskedIdNumber, String maskedName, String maskedPhone, String maskedEmail, String admissionNumber,
            boolean mustChangePassword, boolean phoneVerified, int failedLogins, Instant lockedUntil, boolean locked,
            Instant createdAt, Set<String> examCities, Set<String> universities) {
    }

    /** Name, ID number and phone in clear: only after an audited reveal. */
    public record Revealed(UUID candidateId, String name, String idNumber, String phone) {

        @Override
        public String toString() {
            return "Revealed[" + candidateId + "]";
        }
    }

    public Candidate show(Operator operator, UUID candidateId) {
        operator.require(READERS);
        CandidateScopes.Scope scope = inScope(operator, candidateId);
        Accounts.PersonalData data = accounts.findPersonalData(candidateId).orElseThrow(Operator::outOfScope);
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Operator::outOfScope);
        return new Candidate(candidateId, data.bureau(), data.examCode(), data.idType().code(),
                data.idType().displayName(), Masking.idNumber(data.idNumber()), Masking.name(data.name()),
                Masking.phone(data.phone()), Masking.email(data.email()),
                accounts.admissionNumberOf(candidateId).orElse(null), data.mustChangePassword(),
                data.phoneVerified(), account.failedLogins(), account.lockedUntil(),
                account.isLockedAt(clock.instant()), data.createdAt(), scope.cities(), scope.universities());
    }

    /** 显示完整信息: the reason is required; the reveal is in the trail before the values leave. */
    @Transactional
    public Revealed reveal(Operator operator, UUID candidateId, String typedReason) {
        operator.require(ACTORS);
        inScope(operator, candidateId);
        String reason = AuditReason.require(typedReason);
        Accounts.PersonalData data = accounts.findPersonalData(candidateId).orElseThrow(Operator::outOfScope);
        audit.record(operator, "candidate.reveal", SUBJECT_TYPE, candidateId.toString(), label(data), reason,
                Map.of("fields", "NAME,ID_NUMBER,PHONE"));
        return new Revealed(candidateId, data.name(), data.idNumber(), data.phone());
    }

    /** 解除锁定: a locked account (too many wrong passwords) may log in again at once; the failed tries start over. */
    @Transactional
    public void unlock(Operator operator, UUID candidateId, String typedReason) {
        operator.require(ACTORS);
        inScope(operator, candidateId);
        String reason = AuditReason.optional(typedReason);
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Operator::outOfScope);
        if (!account.isLockedAt(clock.instant())) {
            throw Refusal.conflict("ACCOUNT_NOT_LOCKED", "该账号未被锁定，无需解除");
        }
        accounts.recordSuccessfulLogin(candidateId);
        Accounts.PersonalData data = accounts.findPersonalData(candidateId).orElseThrow();
        audit.record(operator, "candidate.unlock", SUBJECT_TYPE, candidateId.toString(), label(data), reason,
                Map.of("failedLogins", String.valueOf(account.failedLogins()), "lockedUntil",
                        String.valueOf(account.lockedUntil())));
    }

    /**
     * 发送重置密码短信: the code of 忘记密码 (ACC-7) sent to the bound phone, as if the candidate had asked for it; they
     * set a new password with it on the 忘记密码 page. The phone's limits apply; the operator stands for the client.
     */
    @Transactional
    public SmsCodes.SentCode sendPasswordReset(Operator operator, UUID candidateId, String typedReason) {
        operator.require(ACTORS);
        inScope(operator, candidateId);
        String reason = AuditReason.optional(typedReason);
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Operator::outOfScope);
        SmsCodes.SentCode sent = smsCodes.send(SmsPurpose.RESET_PASSWORD, account.bureau(),
                Passwords.phoneOf(account), candidateId, null, "operator:" + operator.subject());
        Accounts.PersonalData data = accounts.findPersonalData(candidateId).orElseThrow();
        audit.record(operator, "candidate.password-reset", SUBJECT_TYPE, candidateId.toString(), label(data), reason,
                Map.of("phone", sent.maskedPhone()));
        return sent;
    }

    /** The candidate's scope facts, or 404 when there is no such candidate or they are outside the operator's scope. */
    CandidateScopes.Scope inScope(Operator operator, UUID candidateId) {
        return scopes.of(candidateId).filter(scope -> scope.visibleTo(operator)).orElseThrow(Operator::outOfScope);
    }

    /** How the trail names the candidate: masked name and ID number. */
    private static String label(Accounts.PersonalData data) {
        return Masking.name(data.name()) + " " + Masking.idNumber(data.idNumber());
    }
}
