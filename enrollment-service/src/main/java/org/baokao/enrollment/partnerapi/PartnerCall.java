package org.baokao.enrollment.partnerapi;

import java.util.Objects;

import org.baokao.enrollment.partner.PartnerClient;
import org.springframework.security.oauth2.jwt.Jwt;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One request of a partner (API-1) as the audit trail names it: the partner (client id, name, bureau, scopes), the
 * token's subject (the client's Keycloak service account) and the client's address (as the gateway forwarded it).
 */
record PartnerCall(PartnerClient partner, String subject, String clientAddress) {

    PartnerCall {
        Objects.requireNonNull(partner, "partner");
        subject = subject == null || subject.isBlank() ? partner.clientId() : subject;
    }

    /** The call behind a partner endpoint: the token's subject, the address the gateway forwarded. */
    static PartnerCall of(PartnerClient partner, Jwt token, HttpServletRequest http) {
        return new PartnerCall(partner, token == null ? null : token.getSubject(), http.getRemoteAddr());
    }

    String bureau() {
        return partner.bureau();
    }
}
