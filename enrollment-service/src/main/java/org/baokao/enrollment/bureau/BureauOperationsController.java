package org.baokao.enrollment.bureau;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baokao.domain.operator.Operator;
import org.baokao.web.bureau.BureauAddress;
import org.baokao.web.bureau.BureauScopeFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators configure bureaus (BUR-1): create or replace one whole, read one, list them — a bureau's administrator
 * their own bureau (auditors read), see {@link BureauDesk}. Each configuration records the operator and the time.
 */
@RestController
@RequestMapping("/api/enrollments/operations/bureaus")
class BureauOperationsController {

    private final BureauConfigurations bureaus;
    private final BureauDesk desk;

    BureauOperationsController(BureauConfigurations bureaus, BureauDesk desk) {
        this.bureaus = bureaus;
        this.desk = desk;
    }

    /** The local automation account's token names every bureau: it may set up a bureau that does not exist yet. */
    private static boolean everyBureau(Jwt token) {
        return BureauScopeFilter.EVERY_BUREAU.equals(token.getClaimAsString(BureauAddress.CLAIM));
    }

    /** 201 with a Location for a new bureau, 200 for a replaced one; the stored configuration either way. */
    @PutMapping("/{code}")
    ResponseEntity<BureauConfigurationView> configure(@AuthenticationPrincipal Jwt token, Operator operator,
            @PathVariable String code, @RequestBody BureauDraft draft) {
        BureauConfigurations.Configured configured = desk.configure(operator, everyBureau(token), code, draft);
        BureauConfigurationView view = view(configured.bureau());
        return configured.created()
                ? ResponseEntity.created(URI.create("/api/enrollments/operations/bureaus/" + code)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{code}")
    BureauConfigurationView get(@AuthenticationPrincipal Jwt token, Operator operator, @PathVariable String code) {
        return view(desk.read(operator, everyBureau(token), code));
    }

    /** Every bureau by code, without its texts. */
    @GetMapping
    List<BureauSummary> list(Operator operator) {
        desk.requireReader(operator);
        return bureaus.all().stream().map(b -> new BureauSummary(b.code(), b.name(), b.shortName(),
                b.registrationExamCode(), b.registrationGate(), b.configuredAt(), b.configuredBy())).toList();
    }

    record BureauSummary(String code, String name, String shortName, String registrationExamCode,
            RegistrationGate registrationGate, Instant configuredAt, String configuredBy) {
    }

    /**
     * A bureau's whole configuration, in the shape an operator sends it (texts whole, current versions), plus the
     * registration exam's name, every text version ever published and who configured it when.
     */
    record BureauConfigurationView(String code, String name, String shortName, String hotline, String serviceHours,
            String icp, String registrationExamCode, String registrationExamName, RegistrationGate registrationGate,
            Bureau.PasswordRule password, boolean loginNeedsSms, String smsSignature, Map<String, String> smsTemplates,
            List<Bureau.PaymentRule> paymentRules, List<TextView> texts, List<VersionView> textVersions,
            Instant configuredAt, String configuredBy) {
    }

    record TextView(String kind, String title, String version, String text) {
    }

    record VersionView(String kind, String version, String title, Instant publishedAt) {
    }

    private BureauConfigurationView view(Bureau bureau) {
        return new BureauConfigurationView(bureau.code(), bureau.name(), bureau.shortName(), bureau.hotline(),
                bureau.serviceHours(), bureau.icp(), bureau.registrationExamCode(),
                bureaus.registrationExamName(bureau).orElse(null), bureau.registrationGate(), bureau.password(),
                bureau.loginNeedsSms(), bureau.smsSignature(), bureau.smsTemplates(), bureau.paymentRules(),
                bureau.texts().values().stream()
                        .map(t -> new TextView(t.kind().slug(), t.title(), t.version(), t.text())).toList(),
                bureaus.versions(bureau.code()).stream().map(p -> new VersionView(p.text().kind().slug(),
                        p.text().version(), p.text().title(), p.publishedAt())).toList(),
                bureau.configuredAt(), bureau.configuredBy());
    }
}
