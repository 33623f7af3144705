package org.baokao.enrollment.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.partner.Partner;
import org.baokao.enrollment.partner.PartnerDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API-3: a candidate grants a named partner bureau consent to read their admission data, and revokes it, in the
 * candidate UI; the partner API reads admission data only for candidates whose consent stands. The partners a
 * candidate may consent to are those of their own bureau in the {@link PartnerDirectory} (configuration): another
 * bureau's partner, or a client id the directory does not list, is 404 {@code PARTNER_NOT_FOUND}. Granting twice or
 * revoking what is not granted changes nothing (idempotent); every grant and revocation is kept.
 */
@Service
public class Consents {

    private final ConsentRecords records;
    private final PartnerDirectory directory;
    private final Clock clock;

    Consents(ConsentRecords records, PartnerDirectory directory, Clock clock) {
        this.records = records;
        this.directory = directory;
        this.clock = clock;
    }

    /** One grant as the candidate sees it: when given and, once revoked, when revoked. */
    public record Grant(Instant grantedAt, Instant revokedAt) {
    }

    /**
     * A partner of the candidate's bureau and where the candidate's consent to it stands: {@code granted}, since
     * {@code grantedAt}; {@code revokedAt} the last revocation (null if never revoked); {@code history} every grant,
     * newest first.
     */
    public record PartnerConsent(String clientId, String name, boolean granted, Instant grantedAt, Instant revokedAt,
            List<Grant> history) {
    }

    /** Every partner of {@code bureau}, with the candidate's consent to each, in the directory's order. */
    public List<PartnerConsent> of(UUID candidateId, String bureau) {
        List<ConsentRecords.Grant> grants = records.of(candidateId, bureau);
        return directory.of(bureau).stream().map(partner -> view(partner, grants)).toList();
    }

    @Transactional
    public PartnerConsent grant(UUID candidateId, String bureau, String clientId) {
        Partner partner = partner(bureau, clientId);
        records.grant(candidateId, bureau, partner.clientId(), clock.instant());
        return view(partner, records.of(candidateId, bureau));
    }

    @Transactional
    public PartnerConsent revoke(UUID candidateId, String bureau, String clientId) {
        Partner partner = partner(bureau, clientId);
        records.revoke(candidateId, bureau, partner.clientId(), clock.instant());
        return view(partner, records.of(candidateId, bureau));
    }

    /** Those of {@code candidates} whose consent to {@code clientId} stands at {@code bureau} now. */
    public Set<UUID> consenting(Collection<UUID> candidates, String bureau, String clientId) {
        return records.consenting(candidates, bureau, clientId);
    }

    private Partner partner(String bureau, String clientId) {
        return directory.find(clientId).filter(partner -> partner.bureau().equals(bureau))
                .orElseThrow(() -> Refusal.notFound("PARTNER_NOT_FOUND", "未找到该合作方，请刷新页面后重试"));
    }

    private static PartnerConsent view(Partner partner, List<ConsentRecords.Grant> all) {
        List<ConsentRecords.Grant> own = all.stream().filter(g -> g.clientId().equals(partner.clientId())).toList();
        ConsentRecords.Grant standing = own.stream().filter(ConsentRecords.Grant::standing).findFirst().orElse(null);
        Instant lastRevoked = own.stream().map(ConsentRecords.Grant::revokedAt).filter(at -> at != null)
                .max(Instant::compareTo).orElse(null);
        return new PartnerConsent(partner.clientId(), partner.name(), standing != null,
                standing == null ? null : standing.grantedAt(), lastRevoked,
                own.stream().map(g -> new Grant(g.grantedAt(), g.revokedAt())).toList());
    }
}
