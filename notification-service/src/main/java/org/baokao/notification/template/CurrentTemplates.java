package org.baokao.notification.template;

import java.util.Optional;

import org.baokao.notification.bureau.BureauSmsSettings;
import org.springframework.stereotype.Service;

/**
 * The wording a bureau's administrators saved last (OPS-3, 消息模板), read on every send: it wins over the bureau's
 * configured wording and the platform's text, so a saved version is what the next message of that kind says.
 */
@Service
public class CurrentTemplates {

    private final TemplateStore store;
    private final BureauSmsSettings bureaus;

    CurrentTemplates(TemplateStore store, BureauSmsSettings bureaus) {
        this.store = store;
        this.bureaus = bureaus;
    }

    /** The bureau's current SMS text of {@code code} (unsigned), if its administrators saved one. */
    public Optional<String> sms(String bureau, String code) {
        return store.current(bureaus.bureauOf(bureau), TemplateKind.SMS, code).map(TemplateVersion::content);
    }

    /** The bureau's current mail of {@code code}; a request naming no bureau is the default bureau's. */
    public Optional<MailWording> mail(String bureau, String code) {
        return store.current(bureaus.bureauOf(bureau), TemplateKind.MAIL, code)
                .map(version -> new MailWording(version.subject(), version.content()));
    }

    public record MailWording(String subject, String body) {
    }
}
