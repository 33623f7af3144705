package org.baokao.account.phonechange;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.operator.CaseClaim;
import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.personaldata.PersonalDataAccessLog;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.account.storage.ProofStorage;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.Masking;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * ACC-8 (Shanghai): a candidate without the old phone asks to bind a new one, proven by an SMS code sent to the
 * new phone and three proof images; an operator claims the request (OPS-3 claim-and-decide, {@link CaseClaim})
 * and approves (the account's phone changes at once) or rejects with a reason, within their scope
 * ({@link PhoneChangeScope}). Every decision, its event, its SMS and its audit row commit together (outbox). Codes and messages go out for the
 * account's bureau (BUR-1), with its signature.
 */
@Service
public class PhoneChanges {

    static final String VIA_MANUAL_REVIEW = "MANUAL_REVIEW";
    static final String REVIEW_PURPOSE = "PHONE_CHANGE_REVIEW";
    static final String SUBJECT_TYPE = "phone-change-request";
    /** The desk's words in the claim's refusals: PHONE_CHANGE_CLAIMED, _CLAIM_REQUIRED, _NOT_CLAIMED. */
    static final CaseClaim.Desk DESK = new CaseClaim.Desk("PHONE_CHANGE", "申请");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(PhoneChanges.class);
    private static final int MAX_REASON = 200;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SmsCodes smsCodes;
    private final PersonalDataProtector protector;
    private final LookupHasher hasher;
    private final PersonalDataAccessLog accessLog;
    private final ProofStorage storage;
    private final Outbox outbox;
    private final OperatorAudit audit;
    private final Clock clock;
    private final Duration hold;

    PhoneChanges(JdbcClient jdbc, Accounts accounts, SmsCodes smsCodes, PersonalDataProtector protector,
            LookupHasher hasher, PersonalDataAccessLog accessLog, ProofStorage storage, Outbox outbox,
            OperatorAudit audit, Clock clock,
            @Value("${baokao.account.phone-change.claim-duration:15m}") Duration hold) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.protector = protector;
        this.hasher = hasher;
        this.accessLog = accessLog;
        this.storage = storage;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.hold = hold;
    }

    /** What the candidate sees of their own request; {@code label} is the state in Chinese (审核中, 已通过, 未通过). */
    public record CandidateView(UUID requestId, String status, String label, String maskedNewPhone, String reason,
            Instant createdAt, Instant decidedAt) {
    }

    /**
     * What a reviewing operator sees: personal data masked; the images only through {@link #openProof}; {@code claim}
     * who holds the request now (null: nobody), {@code mine} whether it is the asking operator.
     */
    public record ReviewView(UUID requestId, UUID candidateId, String status, String statusText, String maskedName,
            String maskedIdNumber, String maskedCurrentPhone, String maskedNewPhone, String reason, String decidedBy,
            Instant createdAt, Instant decidedAt, Map<Proof, String> proofs, ClaimView claim) {
    }

    public record ClaimView(String holder, Instant until, boolean mine) {
    }

    /** The desk's page of the queue (OPS-3 paging). */
    public record Page(List<ReviewView> items, long total, int page, int size) {
    }

    /** A proof image to stream to the operator. */
    public record ProofObject(String key, String contentType) {
    }

    private record Row(UUID id, UUID candidateId, String newPhone, PhoneChangeStatus status, String reason, String decidedBy,
            Instant createdAt, Instant decidedAt, Map<Proof, ProofObject> proofs, CaseClaim claim) {
    }

    // ---- candidate side ------------------------------------------------------------------------------------

    /** 获取验证码 for the NEW phone: the code proves the candidate holds it. */
    public SmsCodes.SentCode sendCode(UUID candidateId, String newPhone, String clientAddress) {
        CandidateAccount account = account(candidateId);
        PhoneNumber phone = newPhone(account, newPhone);
        return smsCodes.send(SmsPurpose.CHANGE_PHONE, account.bureau(), phone, candidateId, null, clientAddress);
    }

    /**
     * Files the request: images checked first (a bad file does not use up the code), then one open request per
     * candidate, then the code of the new phone, then the images go to storage under random keys.
     */
    // a wrong SMS code must still count as a try: refusals do not roll back
    @Transactional(noRollbackFor = Refusal.class)
    public CandidateView submit(UUID candidateId, String newPhone, String smsCode, Map<Proof, ProofImage> images) {
        CandidateAccount account = account(candidateId);
        PhoneNumber phone = newPhone(account, newPhone);
        if (hasOpenRequest(candidateId)) {
            throw openRequest();
        }
        smsCodes.consume(SmsPurpose.CHANGE_PHONE, account.bureau(), phone, smsCode);

        Map<Proof, ProofObject> stored = new EnumMap<>(Proof.class);
        try {
            for (Proof proof : Proof.values()) {
                ProofImage image = images.get(proof);
                stored.put(proof, new ProofObject(storage.put(image.content(), image.contentType()),
                        image.contentType()));
            }
        } catch (Exception e) {
            log.warn("Proof images of a phone-change request could not be stored: {}", e.toString());
            stored.values().forEach(object -> storage.deleteQuietly(object.key()));
            // the code was not really used: give it back
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw Refusal.unavailable("PROOF_STORAGE_UNAVAILABLE",
                    "证明材料暂时无法保存，请稍后再试");
        }

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Sealed sealed = protector.seal(phone.value());
        int inserted = jdbc.sql("""
                insert into phone_change_request (id, candidate_id, new_phone_hash, new_phone_sealed, sealed_with,
                    id_front_key, id_front_type, id_back_key, id_back_type, holding_id_key, holding_id_type,
                    status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(id, candidateId, hasher.hash(phone.value()), sealed.data(), sealed.keyId(),
                        stored.get(Proof.ID_CARD_FRONT).key(), stored.get(Proof.ID_CARD_FRONT).contentType(),
                        stored.get(Proof.ID_CARD_BACK).key(), stored.get(Proof.ID_CARD_BACK).contentType(),
                        stored.get(Proof.HOLDING_ID).key(), stored.get(Proof.HOLDING_ID).contentType(),
                        PhoneChangeStatus.PENDING.name(), Timestamp.from(now))
                .update();
        if (inserted == 0) { // another request of the same candidate won the race
            stored.values().forEach(object -> storage.deleteQuietly(object.key()));
            throw openRequest();
        }
        return new CandidateView(id, PhoneChangeStatus.PENDING.name(), PhoneChangeStatus.PENDING.label(),
                phone.toString(), null, now, null);
    }

    public List<CandidateView> ownRequests(UUID candidateId) {
        return rows("candidate_id = ? order by created_at desc limit 20", candidateId).stream()
                .map(PhoneChanges::candidateView).toList();
    }

    /** The candidate's own request; someone else's is simply not found. */
    public CandidateView ownRequest(UUID candidateId, UUID requestId) {
        return rows("id = ? and candidate_id = ?", requestId, candidateId).stream().findFirst()
                .map(PhoneChanges::candidateView).orElseThrow(PhoneChanges::notFound);
    }

    /** The candidate takes back their open request (then may file a new one). */
    @Transactional
    public void withdraw(UUID candidateId, UUID requestId) {
        Row row = lock("id = ? and candidate_id = ?", requestId, candidateId).orElseThrow(PhoneChanges::notFound);
        PhoneChangeStatus withdrawn = row.status().to(PhoneChangeStatus.WITHDRAWN);
        jdbc.sql("update phone_change_request set status = ?, decided_at = ? where id = ?")
                .params(withdrawn.name(), Timestamp.from(clock.instant()), requestId).update();
    }

    // ---- operator side (the review desk, OPS-3) ------------------------------------------------------------

    /**
     * The desk's queue within the operator's scope: {@code status} PENDING (the waiting ones, oldest first), DECIDED
     * (通过 or 未通过), APPROVED, REJECTED, WITHDRAWN or null (all, the latest first); {@code from}/{@code to} the days
     * (Beijing time) the requests were filed.
     */
    public Page page(String status, LocalDate from, LocalDate to, int page, int size, PhoneChangeScope scope,
            String operatorSubject) {
        if (scope.nothing()) {
            return new Page(List.of(), 0, page, size);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("candidate_id in (select a.id from candidate_account a where a.bureau_code = ?"
                + (scope.bureauWide() ? ")" : " and (a.university_code = ? or exists (select 1 from account_university u"
                        + " where u.account_id = a.id and u.university_code = ?)))"));
        params.add(scope.bureau());
        if (!scope.bureauWide()) {
            params.add(scope.universityCode());
            params.add(scope.universityCode());
        }
        if ("DECIDED".equals(status)) {
            where.add("status in ('APPROVED', 'REJECTED')");
        } else if (status != null) {
            where.add("status = ?");
            params.add(status);
        }
        if (from != null) {
            where.add("created_at >= ?");
            params.add(Timestamp.from(from.atStartOfDay(BEIJING).toInstant()));
        }
        if (to != null) {
            where.add("created_at < ?");
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(BEIJING).toInstant()));
        }
        String filter = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from phone_change_request where " + filter).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        String order = "PENDING".equals(status) ? "created_at asc" : "created_at desc";
        List<ReviewView> items = rows(filter + " order by " + order + ", id limit ? offset ?", paged.toArray())
                .stream().map(row -> reviewView(row, operatorSubject)).toList();
        return new Page(items, total, page, size);
    }

    /** One request within the operator's scope; another is 404 {@code PHONE_CHANGE_NOT_FOUND}, as if absent. */
    public ReviewView review(UUID requestId, PhoneChangeScope scope, String operatorSubject) {
        return reviewView(inScope(rows("id = ?", requestId), scope), operatorSubject);
    }

    /** A proof image for the reviewing operator; the view is an audited read of personal data (ACC-10). */
    @Transactional
    public ProofObject openProof(UUID requestId, Proof proof, PhoneChangeScope scope, String operator,
            String clientAddress) {
        Row row = inScope(rows("id = ?", requestId), scope);
        accessLog.record(operator, row.candidateId(), List.of(proof.name()), REVIEW_PURPOSE,
                "审核手机号变更申请 " + requestId, clientAddress);
        return row.proofs().get(proof);
    }

    public InputStream stream(ProofObject object) throws Exception {
        return storage.open(object.key());
    }

    /** 领取: the operator holds the request for the claim's duration (409 names who holds it). */
    @Transactional
    public ReviewView claim(UUID requestId, Operator operator, PhoneChangeScope scope) {
        Row row = inScope(lock("id = ?", requestId), scope);
        Instant now = clock.instant();
        row.status().to(PhoneChangeStatus.APPROVED); // only an open request is claimed: the refusal of a decided one
        CaseClaim claim = CaseClaim.take(row.claim(), operator.subject(),
                CaseClaim.holderOf(operator.name(), operator.username()), now, hold, DESK);
        saveClaim(requestId, claim);
        audit.record(operator, "phone-change.claim", SUBJECT_TYPE, requestId.toString(), label(row), null,
                Map.of("claimedUntil", claim.until().toString()));
        return review(requestId, scope, operator.subject());
    }

    /** 释放: the holder gives the request back to the queue. */
    @Transactional
    public ReviewView release(UUID requestId, Operator operator, PhoneChangeScope scope) {
        Row row = inScope(lock("id = ?", requestId), scope);
        CaseClaim.requireReleasableBy(row.claim(), operator.subject(), clock.instant(), DESK);
        saveClaim(requestId, null);
        audit.record(operator, "phone-change.release", SUBJECT_TYPE, requestId.toString(), label(row), null,
                Map.of());
        return review(requestId, scope, operator.subject());
    }

    /**
     * Approves (the holder of a live claim): the account is bound to the new phone, PhoneChanged and an SMS to the
     * new phone go out, and the audit row, in one transaction.
     */
    @Transactional
    public ReviewView approve(UUID requestId, Operator operator, PhoneChangeScope scope) {
        Row row = inScope(lock("id = ?", requestId), scope);
        PhoneChangeStatus approved = row.status().to(PhoneChangeStatus.APPROVED);
        Instant now = clock.instant();
        CaseClaim.requireHeldBy(row.claim(), operator.subject(), now, DESK);
        CandidateAccount account = account(row.candidateId());
        accounts.changePhone(row.candidateId(), row.newPhone());
        jdbc.sql("""
                update phone_change_request set status = ?, decided_by = ?, decided_at = ?, claimed_by = null,
                    claimed_by_name = null, claimed_until = null
                where id = ?""")
                .params(approved.name(), operator.username(), Timestamp.from(now), requestId).update();
        String masked = Masking.phone(row.newPhone());
        outbox.publish(new PhoneChanged(row.candidateId(), masked, VIA_MANUAL_REVIEW, now));
        outbox.publish(new SmsRequested(smsRequestId(requestId, approved), row.candidateId(), row.newPhone(),
                "PHONE_CHANGED", Map.of("maskedPhone", masked), now, account.bureau()));
        audit.record(operator, "phone-change.decide", SUBJECT_TYPE, requestId.toString(), label(row), null,
                Map.of("result", approved.name()));
        return review(requestId, scope, operator.subject());
    }

    /**
     * Rejects (the holder of a live claim) with a reason the candidate is told by SMS, on the phone the account is
     * still bound to, or on the new phone (proven by its code) when the account has none (an imported 在籍考生 without
     * a phone on file, ACC-9).
     */
    @Transactional
    public ReviewView reject(UUID requestId, Operator operator, PhoneChangeScope scope, String reason) {
        Row row = inScope(lock("id = ?", requestId), scope);
        PhoneChangeStatus rejected = row.status().to(PhoneChangeStatus.REJECTED);
        Instant now = clock.instant();
        CaseClaim.requireHeldBy(row.claim(), operator.subject(), now, DESK);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refusal.invalid("REJECT_REASON_REQUIRED", "请填写驳回原因");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw Refusal.invalid("REJECT_REASON_TOO_LONG", "驳回原因不能超过" + MAX_REASON + "个字");
        }
        jdbc.sql("""
                update phone_change_request set status = ?, reason = ?, decided_by = ?, decided_at = ?,
                    claimed_by = null, claimed_by_name = null, claimed_until = null
                where id = ?""")
                .params(rejected.name(), why, operator.username(), Timestamp.from(now), requestId).update();
        CandidateAccount account = account(row.candidateId());
        String told = account.phone() != null ? account.phone() : row.newPhone();
        outbox.publish(new SmsRequested(smsRequestId(requestId, rejected), row.candidateId(), told,
                "REVIEW_DECIDED", Map.of("subject", "手机号变更申请", "result", "未通过，原因：" + why), now,
                account.bureau()));
        audit.record(operator, "phone-change.decide", SUBJECT_TYPE, requestId.toString(), label(row), why,
                Map.of("result", rejected.name()));
        return review(requestId, scope, operator.subject());
    }

    /** The row if the operator's scope holds its account; else the same 404 as for a request that does not exist. */
    private Row inScope(Optional<Row> found, PhoneChangeScope scope) {
        return found.filter(row -> sees(scope, row.candidateId())).orElseThrow(PhoneChanges::notFound);
    }

    private Row inScope(List<Row> found, PhoneChangeScope scope) {
        return inScope(found.stream().findFirst(), scope);
    }

    private boolean sees(PhoneChangeScope scope, UUID candidateId) {
        if (scope.nothing()) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from candidate_account a where a.id = ? and a.bureau_code = ?
                and (cast(? as varchar) is null or a.university_code = ? or exists (select 1 from account_university u
                    where u.account_id = a.id and u.university_code = ?))""")
                .params(candidateId, scope.bureau(), scope.universityCode(), scope.universityCode(),
                        scope.universityCode())
                .query(Long.class).single() > 0;
    }

    private void saveClaim(UUID requestId, CaseClaim claim) {
        jdbc.sql("update phone_change_request set claimed_by = ?, claimed_by_name = ?, claimed_until = ? where id = ?")
                .params(claim == null ? null : claim.subject(), claim == null ? null : claim.holder(),
                        claim == null ? null : Timestamp.from(claim.until()), requestId)
                .update();
    }

    /** What the audit trail's reader sees of the request: the new phone masked, never in clear. */
    private static String label(Row row) {
        return "手机号变更申请（新手机号 " + Masking.phone(row.newPhone()) + "）";
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private CandidateAccount account(UUID candidateId) {
        return accounts.findById(candidateId)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
    }

    private static PhoneNumber newPhone(CandidateAccount account, String newPhone) {
        PhoneNumber phone = new PhoneNumber(newPhone);
        if (phone.value().equals(account.phone())) {
            throw Refusal.invalid("PHONE_UNCHANGED", "新手机号与当前绑定的手机号相同");
        }
        return phone;
    }

    private boolean hasOpenRequest(UUID candidateId) {
        return jdbc.sql("select count(*) from phone_change_request where candidate_id = ? and status = ?")
                .params(candidateId, PhoneChangeStatus.PENDING.name()).query(Integer.class).single() > 0;
    }

    private static Refusal openRequest() {
        return Refusal.conflict("PHONE_CHANGE_OPEN", "您已有审核中的手机号变更申请，请等待审核结果");
    }

    private static Refusal notFound() {
        return Refusal.notFound("PHONE_CHANGE_NOT_FOUND", "手机号变更申请不存在");
    }

    /** The same decision always gets the same SMS request id, so notification-service sends it once (NOT-1). */
    private static UUID smsRequestId(UUID requestId, PhoneChangeStatus decision) {
        return UUID.nameUUIDFromBytes(("phone-change:" + requestId + ":" + decision).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Row> lock(String where, Object... params) {
        return rows(where + " for update", params).stream().findFirst();
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("""
                select id, candidate_id, new_phone_sealed, sealed_with, id_front_key, id_front_type, id_back_key,
                       id_back_type, holding_id_key, holding_id_type, status, reason, decided_by, created_at,
                       decided_at, claimed_by, claimed_by_name, claimed_until
                from phone_change_request where """ + " " + where)
                .params(params)
                .query((rs, n) -> {
                    Map<Proof, ProofObject> proofs = new EnumMap<>(Proof.class);
                    for (Proof proof : Proof.values()) {
                        proofs.put(proof, new ProofObject(rs.getString(proof.column + "_key"),
                                rs.getString(proof.column + "_type")));
                    }
                    Timestamp decided = rs.getTimestamp("decided_at");
                    Timestamp claimedUntil = rs.getTimestamp("claimed_until");
                    return new Row(rs.getObject("id", UUID.class), rs.getObject("candidate_id", UUID.class),
                            protector.open(new Sealed(rs.getString("sealed_with"), rs.getBytes("new_phone_sealed"))),
                            PhoneChangeStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("decided_by"),
                            rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(),
                            proofs, claimedUntil == null ? null : new CaseClaim(rs.getString("claimed_by"),
                                    rs.getString("claimed_by_name"), claimedUntil.toInstant()));
                })
                .list();
    }

    private static CandidateView candidateView(Row row) {
        return new CandidateView(row.id(), row.status().name(), row.status().label(), Masking.phone(row.newPhone()),
                row.reason(), row.createdAt(), row.decidedAt());
    }

    private ReviewView reviewView(Row row, String operatorSubject) {
        Accounts.PersonalData data = accounts.findPersonalData(row.candidateId()).orElseThrow();
        Map<Proof, String> proofs = new EnumMap<>(Proof.class);
        for (Proof proof : Proof.values()) {
            proofs.put(proof, "/api/accounts/operations/phone-change-requests/" + row.id() + "/proofs/" + proof.name());
        }
        CaseClaim live = CaseClaim.live(row.claim(), clock.instant());
        return new ReviewView(row.id(), row.candidateId(), row.status().name(), row.status().label(),
                Masking.name(data.name()), Masking.idNumber(data.idNumber()), Masking.phone(data.phone()),
                Masking.phone(row.newPhone()), row.reason(), row.decidedBy(), row.createdAt(), row.decidedAt(), proofs,
                live == null ? null : new ClaimView(live.holder(), live.until(), live.subject().equals(operatorSubject)));
    }
}
