package org.baokao.notification.template;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.notification.bureau.BureauSms;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.baokao.notification.template.TemplateStore.PlatformTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 消息模板 desk (OPS-3): a bureau's administrators word its SMS and mail, each save a new version; auditors
 * read. Everything is the addressed bureau's own: another bureau's versions are never read or written here.
 */
@Service
class TemplateDesk {

    static final String ACTION = "template.update";
    private static final OperatorRole[] READERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR };

    private final TemplateStore store;
    private final BureauSmsSettings bureaus;
    private final OperatorAudit audit;
    private final Clock clock;

    TemplateDesk(TemplateStore store, BureauSmsSettings bureaus, OperatorAudit audit, ObjectProvider<Clock> clock) {
        this.store = store;
        this.bureaus = bureaus;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Listing<TemplateView> list(Operator operator, TemplateKind kind, int page, int size) {
        operator.require(READERS);
        List<PlatformTemplate> all = store.platform(kind);
        Optional<BureauSms> configured = kind == TemplateKind.SMS ? bureaus.find(operator.bureau()) : Optional.empty();
        List<TemplateView> views = all.stream().skip((long) page * size).limit(size)
                .map(template -> view(operator.bureau(), template, configured)).toList();
        return new Listing<>(views, all.size(), page, size);
    }

    TemplateView one(Operator operator, TemplateKind kind, String code) {
        operator.require(READERS);
        PlatformTemplate template = store.platform(kind, code).orElseThrow(TemplateDefinition::notFound);
        return view(operator.bureau(), template,
                kind == TemplateKind.SMS ? bureaus.find(operator.bureau()) : Optional.empty());
    }

    Listing<VersionView> history(Operator operator, TemplateKind kind, String code, int page, int size) {
        operator.require(READERS);
        store.platform(kind, code).orElseThrow(TemplateDefinition::notFound);
        int current = store.current(operator.bureau(), kind, code).map(TemplateVersion::version).orElse(0);
        List<VersionView> versions = store.history(operator.bureau(), kind, code, page, size).stream()
                .map(version -> VersionView.of(version, version.version() == current)).toList();
        return new Listing<>(versions, store.versions(operator.bureau(), kind, code), page, size);
    }

    /** The draft filled with the sample values and signed as the bureau's SMS are; refused as a save would be. */
    Preview preview(Operator operator, TemplateKind kind, String code, TemplateText draft) {
        operator.require(READERS);
        TemplateDefinition definition = definition(kind, code);
        TemplateText filled = definition.preview(draft);
        if (kind == TemplateKind.MAIL) {
            return new Preview(filled.subject(), filled.content(), null, null);
        }
        Optional<String> signature = bureaus.find(operator.bureau()).map(BureauSms::signature);
        String text = signature.orElse("") + filled.content();
        int length = text.codePointCount(0, text.length());
        return new Preview(null, text, length, SmsSegments.of(length));
    }

    /**
     * Saves the draft as the bureau's next version and audits it, in one transaction. {@code baseVersion} is the
     * version the administrator edited (0: none yet): a version saved by someone else meanwhile is a conflict,
     * never silently overwritten.
     */
    @Transactional
    TemplateView save(Operator operator, TemplateKind kind, String code, TemplateText draft, String typedNote,
            Integer baseVersion) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        PlatformTemplate template = store.platform(kind, code).orElseThrow(TemplateDefinition::notFound);
        TemplateText text = store.definition(template).check(draft);
        String note = AuditReason.optional(typedNote);
        int current = store.current(operator.bureau(), kind, code).map(TemplateVersion::version).orElse(0);
        if (baseVersion != null && baseVersion != current) {
            throw changedMeanwhile();
        }
        Instant now = clock.instant();
        if (!store.add(operator.bureau(), kind, code, current, text, note, operator.username(), operator.name(),
                now)) {
            throw changedMeanwhile();
        }
        audit.record(operator, ACTION, "template", kind.name() + ":" + code,
                kind.label() + "模板 " + template.title() + " 第" + (current + 1) + "版", note,
                Map.of("kind", kind.name(), "code", code, "version", String.valueOf(current + 1)));
        return one(operator, kind, code);
    }

    private TemplateDefinition definition(TemplateKind kind, String code) {
        return store.definition(store.platform(kind, code).orElseThrow(TemplateDefinition::notFound));
    }

    private TemplateView view(String bureau, PlatformTemplate template, Optional<BureauSms> configured) {
        TemplateDefinition definition = store.definition(template);
        Optional<TemplateVersion> saved = store.current(bureau, template.kind(), template.code());
        if (saved.isPresent()) {
            TemplateVersion version = saved.get();
            return new TemplateView(template.kind(), template.code(), template.title(), version.subject(),
                    version.content(), Source.VERSION, version.version(), version.createdAt(),
                    version.createdByName(), definition.placeholders());
        }
        Optional<String> wording = configured.flatMap(sms -> sms.ownWording(template.code()));
        return new TemplateView(template.kind(), template.code(), template.title(), template.subject(),
                wording.orElse(template.content()), wording.isPresent() ? Source.BUREAU_CONFIG : Source.PLATFORM,
                0, wording.isPresent() ? null : template.updatedAt(), null, definition.placeholders());
    }

    private static Refusal changedMeanwhile() {
        return Refusal.conflict("TEMPLATE_CHANGED", "该模板刚被他人保存了新版本，请关闭后重新打开再修改");
    }

    /** Where the wording in use comes from. */
    enum Source {
        /** a version saved on this desk */
        VERSION,
        /** the bureau's configuration (enrollment-service's BureauConfigured, SMS only) */
        BUREAU_CONFIG,
        /** the platform's text */
        PLATFORM
    }

    record TemplateView(TemplateKind kind, String code, String title, String subject, String content, Source source,
            int version, Instant updatedAt, String updatedBy, List<Placeholder> placeholders) {
    }

    record VersionView(int version, String subject, String content, String note, String createdBy,
            String createdByName, Instant createdAt, boolean current) {

        static VersionView of(TemplateVersion version, boolean current) {
            return new VersionView(version.version(), version.subject(), version.content(), version.note(),
                    version.createdBy(), version.createdByName(), version.createdAt(), current);
        }
    }

    /** @param length characters as sent, signature included; {@code segments} the SMS it is billed as */
    record Preview(String subject, String content, Integer length, Integer segments) {
    }

    record Listing<T>(List<T> items, long total, int page, int size) {
    }
}
