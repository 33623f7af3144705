package org.baokao.enrollment.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.domain.DomainModel;

/**
 * The body a partner receives (API-2, docs/PARTNER-API.md): the event's id, type, time and bureau, and under
 * {@code data} the exam's code, the enrollment's reference, the partner's own pseudonymous candidate reference and
 * the event's fields (order and refund ids, amounts in fen, times). Never a name, an ID number, a phone, an address:
 * a partner learns who a candidate is only through the admission endpoint, with the candidate's consent (API-3).
 */
@DomainModel
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static Map<String, Object> body(WebhookEvent event, EventSubject subject, String candidateReference) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("examCode", subject.examCode());
        data.put("enrollmentReference", event.subjectId().toString());
        data.put("enrollmentKind", subject.kind().name());
        data.put("candidateReference", candidateReference);
        event.fields().forEach((name, value) -> data.put(name, value instanceof Instant at ? at.toString() : value));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId().toString());
        body.put("type", event.type().wireName());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("bureau", subject.bureau());
        body.put("data", data);
        return body;
    }
}
