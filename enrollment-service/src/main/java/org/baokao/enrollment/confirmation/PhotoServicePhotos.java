package org.baokao.enrollment.confirmation;

import java.util.Optional;

import org.baokao.web.bureau.BureauAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The candidate's photo from photo-service, which owns it ({@code GET /api/photos/mine/image}, the photo they
 * confirmed last), called with the candidate's token. Best effort: no photo yet, photo-service down or slow (the
 * client's short timeouts), or its circuit breaker open after repeated failures all print the 确认单 with a
 * placeholder instead, since the photo is the one thing on it the candidate can see elsewhere.
 */
final class PhotoServicePhotos {

    private static final Logger log = LoggerFactory.getLogger(PhotoServicePhotos.class);

    private final RestClient http;
    private final CircuitBreaker breaker;

    PhotoServicePhotos(RestClient http, CircuitBreaker breaker) {
        this.http = http;
        this.breaker = breaker;
    }

    Optional<byte[]> of(Caller caller) {
        try {
            return breaker.executeSupplier(() -> http.get().uri("/api/photos/mine/image")
                    .header("Authorization", "Bearer " + caller.accessToken())
                    .header(BureauAddress.HEADER, caller.bureau())
                    .accept(MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is5xxServerError()) {
                            // counted by the breaker like a timeout: photo-service is unwell
                            throw new RestClientException("photo-service answered " + response.getStatusCode());
                        }
                        if (response.getStatusCode().value() != 200) {
                            log.info("No photo for the 确认单 ({}): photo-service answered {}", caller,
                                    response.getStatusCode().value());
                            return Optional.<byte[]>empty();
                        }
                        return Optional.ofNullable(response.bodyTo(byte[].class));
                    }));
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("No photo for the 确认单 ({}): {}", caller, e.toString());
            return Optional.empty();
        }
    }
}
