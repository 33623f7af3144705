package org.baokao.account.phonechange;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.sms.SmsCodes;
import org.baokao.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 更换手机号 without the old phone (ACC-8), for a logged-in candidate: a code to the new phone, then the request
 * as multipart ({@code newPhone}, {@code smsCode}, and the images {@code idCardFront}, {@code idCardBack},
 * {@code holdingId}). Only the candidate's own requests are visible; anyone else's is 404.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class PhoneChangeController {

    private final PhoneChanges phoneChanges;

    PhoneChangeController(PhoneChanges phoneChanges) {
        this.phoneChanges = phoneChanges;
    }

    @PostMapping("/api/accounts/me/phone-change/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode code(@AuthenticationPrincipal Jwt candidate, @RequestBody NewPhone request,
            HttpServletRequest http) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        return phoneChanges.sendCode(id(candidate), request.newPhone(), http.getRemoteAddr());
    }

    @PostMapping(path = "/api/accounts/me/phone-change-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhoneChanges.CandidateView> submit(@AuthenticationPrincipal Jwt candidate,
            @RequestParam(required = false) String newPhone, @RequestParam(required = false) String smsCode,
            MultipartHttpServletRequest multipart) {
        PhoneChanges.CandidateView filed = phoneChanges.submit(id(candidate), newPhone, smsCode, proofImages(multipart));
        return ResponseEntity.created(URI.create("/api/accounts/me/phone-change-requests/" + filed.requestId()))
                .body(filed);
    }

    @GetMapping("/api/accounts/me/phone-change-requests")
    List<PhoneChanges.CandidateView> mine(@AuthenticationPrincipal Jwt candidate) {
        return phoneChanges.ownRequests(id(candidate));
    }

    @GetMapping("/api/accounts/me/phone-change-requests/{requestId}")
    PhoneChanges.CandidateView one(@AuthenticationPrincipal Jwt candidate, @PathVariable UUID requestId) {
        return phoneChanges.ownRequest(id(candidate), requestId);
    }

    @PostMapping("/api/accounts/me/phone-change-requests/{requestId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@AuthenticationPrincipal Jwt candidate, @PathVariable UUID requestId) {
        phoneChanges.withdraw(id(candidate), requestId);
    }

    /** The three proof images of a request, each checked by its content. */
    static Map<Proof, ProofImage> proofImages(MultipartHttpServletRequest multipart) {
        Map<Proof, ProofImage> images = new EnumMap<>(Proof.class);
        for (Proof proof : Proof.values()) {
            MultipartFile file = multipart.getFile(proof.part);
            images.put(proof, ProofImage.of(file, proof.part, proof.label));
        }
        return images;
    }

    private static UUID id(Jwt candidate) {
        return UUID.fromString(candidate.getSubject());
    }

    record NewPhone(String newPhone) {
    }
}
