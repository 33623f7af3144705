package org.baokao.enrollment.partnerapi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baokao.domain.operator.Operator;
import org.baokao.enrollment.exam.Exam;
import org.baokao.messaging.audit.OperatorAudit;
import org.springframework.stereotype.Component;

/**
 * API-1: every read of personal data by a partner goes into the bureau's audit trail (OPS-3), the one auditors
 * already search in the console's 审计日志: libs/messaging {@link OperatorAudit} → {@code OperatorActed} →
 * account-service. The partner is the actor: subject = its token's subject (the client's service account),
 * username = its client id (what 操作人 searches), name = the name the directory gives it, its bureau, no operator
 * roles. Each record says what was read ({@code action}, the endpoint in {@code details}), about whom (the candidate,
 * or the exam with the candidates of the page and how many) and from where ({@code clientAddress}). Written before the
 * answer leaves: a read whose audit cannot be written is answered 500, never without its record. As the trail
 * requires, no personal data in clear: the ID number masked, candidates by account id.
 */
@Component
class PartnerReadAudit {

    static final String VERIFY = "partner.verify";
    static final String LIST = "partner.enrollments.list";
    static final String ADMISSION = "partner.admission.read";

    private final OperatorAudit audit;

    PartnerReadAudit(OperatorAudit audit) {
        this.audit = audit;
    }

    void verified(PartnerCall call, CandidateQuery query, Set<UUID> candidates, int enrollments) {
        Map<String, String> details = details(call, "POST /open-api/v1/enrollments/verify");
        details.put("idType", query.idType());
        details.put("matched", Integer.toString(candidates.size()));
        details.put("enrollments", Integer.toString(enrollments));
        audit.record(actor(call), VERIFY, "candidate", ids(candidates), query.maskedIdNumber(), null, details);
    }

    void listed(PartnerCall call, Exam exam, EnrollmentPageQuery query, Collection<UUID> candidates) {
        Map<String, String> details = details(call, "GET /open-api/v1/exams/" + exam.code() + "/enrollments");
        details.put("count", Integer.toString(candidates.size()));
        if (query.status() != null) {
            details.put("status", query.status().name());
        }
        if (query.registeredFrom() != null) {
            details.put("registeredFrom", query.registeredFrom().toString());
        }
        if (query.registeredTo() != null) {
            details.put("registeredBefore", query.registeredTo().toString());
        }
        details.put("limit", Integer.toString(query.limit()));
        if (!candidates.isEmpty()) {
            details.put("candidates", String.join(",", candidates.stream().map(UUID::toString).toList()));
        }
        audit.record(actor(call), LIST, "exam", exam.code(), exam.name(), null, details);
    }

    void admission(PartnerCall call, CandidateQuery query, Set<UUID> candidates, String outcome, int admissions) {
        Map<String, String> details = details(call, "POST /open-api/v1/candidates/admission");
        details.put("idType", query.idType());
        details.put("outcome", outcome);
        details.put("admissions", Integer.toString(admissions));
        audit.record(actor(call), ADMISSION, "candidate", ids(candidates), query.maskedIdNumber(), null, details);
    }

    /** The partner as the trail's actor: no operator roles, its own bureau. */
    private static Operator actor(PartnerCall call) {
        return new Operator(call.subject(), call.partner().clientId(), call.partner().partner().name(), call.bureau(),
                Set.of(), null, null);
    }

    private static Map<String, String> details(PartnerCall call, String endpoint) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("endpoint", endpoint);
        details.put("clientId", call.partner().clientId());
        details.put("clientAddress", call.clientAddress() == null ? "" : call.clientAddress());
        return details;
    }

    /** The matched candidates' ids, comma-separated; null when the partner named nobody the platform knows. */
    private static String ids(Set<UUID> candidates) {
        return candidates.isEmpty() ? null
                : candidates.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }
}
