package org.baokao.photo.photo;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The candidate's photo step from the desktop (PHO-2, PHO-3): upload (multipart part {@code photo}), look at the
 * normalized result, confirm it. Retaking is just another upload. Operators read any photo.
 */
@RestController
class PhotoController {

    static final int LINK_SECONDS = 300;

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @PostMapping("/api/photos")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<PhotoView> upload(@AuthenticationPrincipal Jwt token, @RequestParam("photo") MultipartFile file)
            throws IOException {
        Photo photo = photos.upload(candidate(token), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(photo));
    }

    @PostMapping("/api/photos/{id}/submit")
    @PreAuthorize("hasRole('candidate')")
    PhotoView submit(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return view(photos.submit(candidate(token), id));
    }

    @GetMapping("/api/photos/{id}")
    @PreAuthorize("hasAnyRole('candidate','operator')")
    PhotoView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return view(readable(token, id));
    }

    /** The normalized image through the service (never cached by shared caches). */
    @GetMapping("/api/photos/{id}/image")
    @PreAuthorize("hasAnyRole('candidate','operator')")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return normalizedImage(readable(token, id));
    }

    /**
     * The candidate's own photo, the one they confirmed last, without knowing its id: enrollment-service prints it
     * on the 报考信息确认单 (SST-7), calling with the candidate's token; 404 {@code PHOTO_NOT_FOUND} before one was
     * confirmed.
     */
    @GetMapping("/api/photos/mine/image")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<byte[]> mine(@AuthenticationPrincipal Jwt token) {
        return normalizedImage(photos.current(candidate(token)));
    }

    private ResponseEntity<byte[]> normalizedImage(Photo photo) {
        byte[] bytes = photos.normalizedBytes(photo).orElseThrow(() -> Refusal.unavailable(
                "PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
    }

    /** A short-lived presigned link to the normalized image, for an img tag. */
    @GetMapping("/api/photos/{id}/link")
    @PreAuthorize("hasAnyRole('candidate','operator')")
    LinkView link(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        Photo photo = readable(token, id);
        return new LinkView(photos.presignedUrl(photo, LINK_SECONDS), Instant.now().plusSeconds(LINK_SECONDS));
    }

    private Photo readable(Jwt token, UUID id) {
        boolean operator = token.getClaimAsMap("realm_access") != null
                && String.valueOf(token.getClaimAsMap("realm_access").get("roles")).contains("operator");
        return operator ? photos.any(id) : photos.own(candidate(token), id);
    }

    static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("PHOTO_NOT_FOUND", "照片不存在");
        }
    }

    static PhotoView view(Photo photo) {
        return new PhotoView(photo.id(), photo.status().name(), photo.createdAt(), photo.submittedAt(),
                "/api/photos/" + photo.id() + "/image");
    }

    record PhotoView(UUID id, String status, Instant uploadedAt, Instant submittedAt, String imagePath) {
    }

    record LinkView(String url, Instant expiresAt) {
    }
}
