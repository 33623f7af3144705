package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

// GW-2: passes and tickets are signed with the secret all instances share, and expire
class SignedCookiesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private final Signer signer = new Signer("the-shared-secret-of-all-gateways".getBytes(StandardCharsets.UTF_8));
    private final Signer otherSecret = new Signer("a-different-secret-of-some-kind".getBytes(StandardCharsets.UTF_8));

    @Test
    void aPassIsReadBackByAnyInstanceWithTheSameSecretUntilItExpires() {
        String cookie = AdmissionPass.issue(NOW, TWO_HOURS).signedWith(signer);
        Signer anotherInstance = new Signer("the-shared-secret-of-all-gateways".getBytes(StandardCharsets.UTF_8));

        assertThat(AdmissionPass.read(cookie, anotherInstance, NOW.plusSeconds(7199)))
                .hasValue(new AdmissionPass(NOW.plus(TWO_HOURS)));
        assertThat(AdmissionPass.read(cookie, signer, NOW.plus(TWO_HOURS))).isEmpty();
    }

    @Test
    void aPassSignedWithAnotherSecretOrAlteredIsWorthNothing() {
        String cookie = AdmissionPass.issue(NOW, TWO_HOURS).signedWith(signer);
        assertThat(AdmissionPass.read(cookie, otherSecret, NOW)).isEmpty();

        // a later expiry with the old signature
        String later = cookie.replace(Long.toString(NOW.plus(TWO_HOURS).getEpochSecond()),
                Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(later).isNotEqualTo(cookie);
        assertThat(AdmissionPass.read(later, signer, NOW)).isEmpty();
        assertThat(AdmissionPass.read("garbage", signer, NOW)).isEmpty();
        assertThat(AdmissionPass.read("p1:99999999999.!!!", signer, NOW)).isEmpty();
    }

    @Test
    void aPassIsRenewedOnceHalfItsLifeIsGone() {
        AdmissionPass pass = AdmissionPass.issue(NOW, TWO_HOURS);
        assertThat(pass.wantsRenewal(NOW.plus(Duration.ofMinutes(59)), TWO_HOURS)).isFalse();
        assertThat(pass.wantsRenewal(NOW.plus(Duration.ofMinutes(61)), TWO_HOURS)).isTrue();
    }

    @Test
    void nobodyWritesThemselvesAnEarlierTicket() {
        String cookie = new Ticket(4711, NOW).signedWith(signer);
        assertThat(Ticket.read(cookie, signer, NOW, Duration.ofHours(1))).hasValue(new Ticket(4711, NOW));

        String earlier = cookie.replace("4711", "1");
        assertThat(Ticket.read(earlier, signer, NOW, Duration.ofHours(1))).isEmpty();
        assertThat(Ticket.read(cookie, signer, NOW.plus(Duration.ofHours(1)), Duration.ofHours(1))).isEmpty();
    }

    @Test
    void aTicketIsNoPassAndAPassNoTicket() {
        String ticket = new Ticket(12, NOW).signedWith(signer);
        String pass = AdmissionPass.issue(NOW, TWO_HOURS).signedWith(signer);
        assertThat(AdmissionPass.read(ticket, signer, NOW)).isEmpty();
        assertThat(Ticket.read(pass, signer, NOW, TWO_HOURS)).isEmpty();
    }
}
