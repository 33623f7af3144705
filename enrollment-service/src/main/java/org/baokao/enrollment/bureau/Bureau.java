package org.baokao.enrollment.bureau;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * A bureau (考试院) as the platform serves it (BUR-1): what differs between bureaus, as data an operator changes at
 * run time. Its code is its address ({@code /sd/}); its texts are the current version of each kind, every earlier
 * version kept beside it.
 *
 * @param texts        the current version of each kind the bureau publishes, in {@link TextKind} order
 * @param configuredAt when this configuration was saved
 * @param configuredBy the operator who saved it (token subject)
 */
@DomainModel
public record Bureau(String code, String name, String shortName, String hotline, String serviceHours, String icp,
        String registrationExamCode, RegistrationGate registrationGate, PasswordRule password, boolean loginNeedsSms,
        String smsSignature, Map<String, String> smsTemplates, List<PaymentRule> paymentRules,
        Map<TextKind, BureauText> texts, Instant configuredAt, String configuredBy) {

    public Bureau {
        smsTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(smsTemplates));
        paymentRules = List.copyOf(paymentRules);
        EnumMap<TextKind, BureauText> ordered = new EnumMap<>(TextKind.class);
        ordered.putAll(texts);
        texts = Collections.unmodifiableMap(ordered);
    }

    /** ACC-4: length bounds and how many of the four character classes a password must contain. */
    public record PasswordRule(int minLength, int maxLength, int requiredClasses) {
    }

    /** PAY-2: candidates of {@code regionCode} pay through {@code channel}. */
    public record PaymentRule(String regionCode, PaymentChannel channel) {
    }

    /** A configuration to store: the bureau, and the text versions it publishes for the first time. */
    public record Configuration(Bureau bureau, List<BureauText> newVersions) {

        public Configuration {
            newVersions = List.copyOf(newVersions);
        }
    }

    /**
     * Bureau {@code code} as {@code draft} configures it, given every text version it has published before: a text
     * under a version not seen before is a new version; under a known version it must say the same, or the operator
     * is asked for a new version (409 {@code TEXT_VERSION_REQUIRED}): what a candidate consented to never changes
     * under them. Any other broken rule is a 400 refusal ({@link BureauDraft#refuseIfUnsound}).
     */
    public static Configuration configure(String code, BureauDraft draft, List<BureauText> publishedBefore,
            Instant at, String operator) {
        draft.refuseIfUnsound(code);
        Map<TextKind, BureauText> current = new EnumMap<>(TextKind.class);
        List<BureauText> added = new ArrayList<>();
        for (BureauText text : draft.publishedTexts()) {
            Optional<BureauText> known = publishedBefore.stream()
                    .filter(before -> before.kind() == text.kind() && before.version().equals(text.version()))
                    .findFirst();
            if (known.isPresent() && !known.get().sameContentAs(text)) {
                throw Refusal.conflict("TEXT_VERSION_REQUIRED", "《" + known.get().title() + "》的版本" + text.version()
                        + "已发布，内容不能再修改：请为修改后的内容填写新的版本号");
            }
            if (known.isEmpty()) {
                added.add(text);
            }
            current.put(text.kind(), known.orElse(text));
        }
        List<PaymentRule> rules = draft.paymentRules().stream()
                .map(rule -> new PaymentRule(rule.regionCode(), BureauDraft.channel(rule).orElseThrow())).toList();
        Map<String, String> templates = new LinkedHashMap<>();
        draft.smsTemplates().forEach((template, text) -> templates.put(template, text.strip()));
        Bureau bureau = new Bureau(code, draft.name().strip(), draft.shortName().strip(), draft.hotline().strip(),
                draft.serviceHours().strip(), draft.icp().strip(), draft.registrationExamCode().strip(), draft.gate(),
                new PasswordRule(draft.password().minLength(), draft.password().maxLength(),
                        draft.password().requiredClasses()),
                draft.loginNeedsSms(), draft.smsSignature().strip(), templates, rules, current, at, operator);
        return new Configuration(bureau, added);
    }

    /** The current version of the text of {@code kind}, if the bureau publishes one. */
    public Optional<BureauText> text(TextKind kind) {
        return Optional.ofNullable(texts.get(kind));
    }

    /** The current version of {@code kind}, or null when the bureau publishes no text of that kind. */
    public String versionOf(TextKind kind) {
        return text(kind).map(BureauText::version).orElse(null);
    }
}
