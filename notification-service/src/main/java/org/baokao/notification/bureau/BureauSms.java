package org.baokao.notification.bureau;

import java.util.Map;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * How a bureau (考试院) signs its SMS and which templates it words its own way (BUR-1): every message sent for it is
 * its signature followed by the bureau's wording of the template, or else the platform's.
 *
 * @param bureau    the bureau's code, e.g. {@code sd}
 * @param signature e.g. 【山东省教育招生考试院】
 * @param wordings  template code → the bureau's text without the signature
 */
@DomainModel
public record BureauSms(String bureau, String signature, Map<String, String> wordings) {

    public BureauSms {
        wordings = Map.copyOf(wordings);
    }

    /** The bureau's own text of {@code template}, if it has one. */
    public Optional<String> ownWording(String template) {
        return Optional.ofNullable(wordings.get(template));
    }

    /** The text as the person receives it: signed with the bureau's signature. */
    public String signed(String text) {
        return signature + text;
    }
}
