package org.baokao.enrollment.confirmation;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.confirmation.*}: where the 确认单 reads what this service does not keep, with the candidate's own
 * token: the masked name and ID number (account-service) and the photo (photo-service). Short timeouts: a candidate
 * waits for the download, and a photo that does not come in time is printed as a placeholder.
 *
 * @param accountServiceUrl account-service's base URL ({@code GET /api/accounts/me})
 * @param photoServiceUrl   photo-service's base URL ({@code GET /api/photos/mine/image})
 * @param connectTimeout    to either
 * @param readTimeout       for either's answer
 */
@ConfigurationProperties("baokao.confirmation")
record ConfirmationProperties(
        @DefaultValue("http://localhost:8081") URI accountServiceUrl,
        @DefaultValue("http://localhost:8083") URI photoServiceUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {
}
