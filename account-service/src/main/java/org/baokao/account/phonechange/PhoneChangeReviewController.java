package org.baokao.account.phonechange;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The phone-change review desk (ACC-8, SST-3, OPS-3): the queue with masked data, filters and paging, one request,
 * its proof images streamed through the service (each view audited, ACC-10), 领取 / 释放, and approve or reject with a
 * reason by the holder of a live claim. Roles: bureau-admin and university-reviewer decide, auditor reads, anyone
 * else 403; a request outside the operator's scope ({@link PhoneChangeScope}) is 404. A decided request answers 409.
 */
@RestController
@RequestMapping("/api/accounts/operations/phone-change-requests")
class PhoneChangeReviewController {

    static final OperatorRole[] READERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER,
            OperatorRole.AUDITOR };
    static final OperatorRole[] DECIDERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER };
    private static final Set<String> STATUSES = Set.of("PENDING", "DECIDED", "APPROVED", "REJECTED", "WITHDRAWN");
    private static final int MAX_SIZE = 100;

    private final PhoneChanges phoneChanges;

    PhoneChangeReviewController(PhoneChanges phoneChanges) {
        this.phoneChanges = phoneChanges;
    }

    @GetMapping
    PhoneChanges.Page list(Operator operator, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        operator.require(READERS);
        String state = status == null || status.isBlank() ? null : status.strip();
        if (state != null && !STATUSES.contains(state)) {
            throw Refusal.invalid("PHONE_CHANGE_STATUS_INVALID", "状态须为 PENDING、DECIDED、APPROVED、REJECTED 或 WITHDRAWN");
        }
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (first != null && last != null && last.isBefore(first)) {
            throw Refusal.invalid("DATE_RANGE_INVALID", "结束日期不能早于开始日期");
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("PAGE_INVALID", "页码须从0开始，每页条数须在1到" + MAX_SIZE + "之间");
        }
        return phoneChanges.page(state, first, last, page, size, PhoneChangeScope.of(operator), operator.subject());
    }

    @GetMapping("/{requestId}")
    PhoneChanges.ReviewView one(Operator operator, @PathVariable UUID requestId) {
        operator.require(READERS);
        return phoneChanges.review(requestId, PhoneChangeScope.of(operator), operator.subject());
    }

    @GetMapping("/{requestId}/proofs/{proof}")
    void proof(Operator operator, @PathVariable UUID requestId, @PathVariable String proof, HttpServletRequest http,
            HttpServletResponse response) throws Exception {
        operator.require(READERS);
        Proof kind = Proof.fromPath(proof)
                .orElseThrow(() -> Refusal.notFound("PROOF_NOT_FOUND", "证明材料不存在"));
        PhoneChanges.ProofObject object = phoneChanges.openProof(requestId, kind, PhoneChangeScope.of(operator),
                operator.subject(), http.getRemoteAddr());
        try (InputStream in = phoneChanges.stream(object)) {
            response.setContentType(object.contentType());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }

    /** 领取: the operator holds the request for a while (409 {@code PHONE_CHANGE_CLAIMED} names who holds it). */
    @PostMapping("/{requestId}/claim")
    PhoneChanges.ReviewView claim(Operator operator, @PathVariable UUID requestId) {
        operator.require(DECIDERS);
        return phoneChanges.claim(requestId, operator, PhoneChangeScope.of(operator));
    }

    /** 释放: the holder gives the request back to the queue. */
    @DeleteMapping("/{requestId}/claim")
    PhoneChanges.ReviewView release(Operator operator, @PathVariable UUID requestId) {
        operator.require(DECIDERS);
        return phoneChanges.release(requestId, operator, PhoneChangeScope.of(operator));
    }

    @PostMapping("/{requestId}/approve")
    PhoneChanges.ReviewView approve(Operator operator, @PathVariable UUID requestId) {
        operator.require(DECIDERS);
        return phoneChanges.approve(requestId, operator, PhoneChangeScope.of(operator));
    }

    @PostMapping("/{requestId}/reject")
    PhoneChanges.ReviewView reject(Operator operator, @PathVariable UUID requestId,
            @RequestBody(required = false) Rejection rejection) {
        operator.require(DECIDERS);
        return phoneChanges.reject(requestId, operator, PhoneChangeScope.of(operator),
                rejection == null ? null : rejection.reason());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("DATE_INVALID", "日期格式须为 yyyy-MM-dd");
        }
    }

    record Rejection(String reason) {
    }
}
