package org.baokao.sandbox.identity;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity provider played by the sandbox (PHO-4), with a public-security comparison's contract: ID type, ID
 * number, name and a photo in; MATCH, NO_MATCH or NO_REFERENCE out, or 503 when told to fail. Reference photos are
 * kept per ID number (the subject); tests and demos choose outcomes per ID number here. Requests are never logged.
 */
@RestController
class IdentityProviderController {

    private static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final IdentityBehaviour behaviour;
    private final ReferencePhotos references;

    IdentityProviderController(IdentityBehaviour behaviour, ReferencePhotos references) {
        this.behaviour = behaviour;
        this.references = references;
    }

    @PostMapping("/sandbox/identity/api/compare")
    ResponseEntity<?> compare(@RequestBody CompareRequest request) throws InterruptedException {
        behaviour.delay();
        if (behaviour.failsThisCall()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "PROVIDER_UNAVAILABLE", "身份核验服务暂不可用");
        }
        if (blank(request.idNumber()) || blank(request.name()) || request.photo() == null) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "缺少证件号码、姓名或照片");
        }
        byte[] photo;
        try {
            photo = Base64.getDecoder().decode(request.photo());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PHOTO", "照片不是有效的Base64");
        }
        if (photo.length > MAX_PHOTO_BYTES) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PHOTO_TOO_LARGE", "照片过大");
        }
        try {
            return ResponseEntity.ok(Map.of("result", references.compare(request.idNumber(), photo).name()));
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PHOTO", "无法识别的照片");
        }
    }

    /** Force an outcome for one ID number ({@code {"outcome":"NO_MATCH"}}); {@code null} goes back to the photos. */
    @PutMapping("/sandbox/identity/api/subjects/{subject}/outcome")
    ResponseEntity<?> force(@PathVariable String subject, @RequestBody Forced forced) {
        Optional<ReferencePhotos.Outcome> outcome;
        try {
            outcome = Optional.ofNullable(forced.outcome()).map(ReferencePhotos.Outcome::valueOf);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_OUTCOME", "结果须为 MATCH、NO_MATCH 或 NO_REFERENCE");
        }
        references.force(subject, outcome);
        return ResponseEntity.ok(Map.of("subject", subject, "outcome", String.valueOf(forced.outcome())));
    }

    /** Store a reference photo ({@code {"photo":"<base64>"}}) for one ID number. */
    @PutMapping("/sandbox/identity/api/subjects/{subject}/reference")
    ResponseEntity<?> reference(@PathVariable String subject, @RequestBody CompareRequest request) {
        if (request.photo() == null) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PHOTO", "无法识别的照片");
        }
        try {
            references.setReference(subject, Base64.getDecoder().decode(request.photo()));
            return ResponseEntity.noContent().build();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_PHOTO", "无法识别的照片");
        }
    }

    @DeleteMapping("/sandbox/identity/api/subjects/{subject}")
    ResponseEntity<Void> forget(@PathVariable String subject) {
        references.forget(subject);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Its text form shows neither number nor name, should anything print it. */
    record CompareRequest(String idType, String idNumber, String name, String photo) {

        @Override
        public String toString() {
            return "CompareRequest[idType=" + idType + ", photo=<" + (photo == null ? 0 : photo.length()) + ">]";
        }
    }

    record Forced(String outcome) {
    }
}
