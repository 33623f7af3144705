package org.baokao.enrollment.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.enrollment.partner.PartnerScope;
import org.baokao.personaldata.PersonalDataProtector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's webhook endpoints (API-2): registered for its own bureau's events, listed, deleted, and their secret
 * rotated with an overlap. Every call needs scope {@code partner-webhooks}; another partner's endpoint is answered as
 * absent. Secrets are sealed at rest (libs/personal-data) and shown once, in the answer that made them.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final PersonalDataProtector sealer;
    private final WebhookProperties properties;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, PersonalDataProtector sealer, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a partner sends to register an endpoint. */
    record Registration(String url, List<String> events) {
    }

    /** An endpoint with the secret just made: the only answer that shows it. */
    record WithSecret(Subscription subscription, String secret) {
    }

    @Transactional
    WithSecret register(PartnerClient partner, Registration registration) {
        partner.require(PartnerScope.WEBHOOKS);
        if (registration == null) {
            throw Refusal.invalid("WEBHOOK_URL_INVALID", "请填写回调地址");
        }
        URI url = WebhookUrl.check(registration.url(), properties.allowLocalHttp());
        Set<WebhookEventType> events = WebhookEventType.subscribed(registration.events());
        Instant now = clock.instant();
        byte[] candidateKey = new byte[32];
        RANDOM.nextBytes(candidateKey);
        store.ensurePartner(partner.clientId(), sealer.seal(Base64.getEncoder().encodeToString(candidateKey)), now);
        // counted after the partner's row is locked in: two registrations at once cannot both pass the limit
        if (store.countOfLocked(partner.clientId()) >= properties.maxSubscriptions()) {
            throw Refusal.conflict("WEBHOOK_LIMIT_REACHED",
                    "每个合作方最多登记" + properties.maxSubscriptions() + "个回调地址，请先删除不用的");
        }
        String secret = SigningSecrets.newSecret();
        Subscription subscription = new Subscription(UUID.randomUUID(), partner.clientId(), partner.bureau(),
                url.toString(), events, sealer.seal(secret), null, null, now, null);
        store.insert(subscription);
        return new WithSecret(subscription, secret);
    }

    List<Subscription> list(PartnerClient partner) {
        partner.require(PartnerScope.WEBHOOKS);
        return store.of(partner.clientId());
    }

    @Transactional
    void delete(PartnerClient partner, UUID id) {
        partner.require(PartnerScope.WEBHOOKS);
        if (!store.delete(partner.clientId(), id)) {
            throw notFound();
        }
    }

    /**
     * A new secret; the one it replaces keeps signing for {@code secret-overlap} (a delivery then carries two
     * {@code v1}), so the partner switches its check over without failing a delivery.
     */
    @Transactional
    WithSecret rotate(PartnerClient partner, UUID id) {
        partner.require(PartnerScope.WEBHOOKS);
        Subscription found = store.lockOwn(partner.clientId(), id).orElseThrow(Subscriptions::notFound);
        Instant now = clock.instant();
        String next = SigningSecrets.newSecret();
        // the secret being replaced becomes the previous one (a previous one still in its overlap is dropped)
        store.rotate(id, sealer.seal(next), found.secret(), now.plus(properties.secretOverlap()), now);
        return new WithSecret(store.lockOwn(partner.clientId(), id).orElseThrow(), next);
    }

    static Refusal notFound() {
        return Refusal.notFound("WEBHOOK_NOT_FOUND", "未找到该回调地址");
    }
}
