package org.baokao.enrollment.bureau;

import java.util.List;

import org.baokao.web.bureau.RequestBureau;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bureaus for the web, without login (BUR-1): the list to choose from at {@code /}, the addressed bureau's
 * settings for its pages (title, footer, registration and login forms) and its texts.
 */
@RestController
class BureauController {

    private final BureauConfigurations bureaus;

    BureauController(BureauConfigurations bureaus) {
        this.bureaus = bureaus;
    }

    /** Every bureau, by code. */
    @GetMapping("/api/enrollments/public/bureaus")
    List<BureauListing> list() {
        return bureaus.all().stream().map(b -> new BureauListing(b.code(), b.name(), b.shortName())).toList();
    }

    /** The addressed bureau ({@code /sh/api/...} → sh); 404 {@code BUREAU_NOT_FOUND} for an address no bureau has. */
    @GetMapping("/api/enrollments/public/bureau")
    PublicBureauView addressed(RequestBureau addressed) {
        Bureau bureau = bureaus.require(addressed.code());
        return new PublicBureauView(bureau.code(), bureau.name(), bureau.shortName(), bureau.hotline(),
                bureau.serviceHours(), bureau.icp(), bureau.registrationGate(), bureau.password(),
                bureau.loginNeedsSms(), bureau.registrationExamCode(),
                bureaus.registrationExamName(bureau).orElse(null),
                bureau.texts().values().stream().map(t -> new TextSummary(t.kind().slug(), t.title(), t.version()))
                        .toList());
    }

    /**
     * The addressed bureau's text of {@code kind} ({@code candidate-notice}, {@code privacy-policy},
     * {@code service-agreement}, {@code integrity-pledge}): the current version, or with {@code ?version=} an earlier
     * one. 404 {@code TEXT_NOT_FOUND}.
     */
    @GetMapping("/api/enrollments/public/bureau/texts/{kind}")
    TextView text(RequestBureau addressed, @PathVariable String kind,
            @RequestParam(required = false) String version) {
        BureauText text = bureaus.text(bureaus.require(addressed.code()), kind, version);
        return new TextView(text.kind().slug(), text.title(), text.version(), text.text());
    }

    record BureauListing(String code, String name, String shortName) {
    }

    /** {@code registrationExamName} is null until the registration exam is configured. */
    record PublicBureauView(String code, String name, String shortName, String hotline, String serviceHours,
            String icp, RegistrationGate registrationGate, Bureau.PasswordRule password, boolean loginNeedsSms,
            String registrationExamCode, String registrationExamName, List<TextSummary> texts) {
    }

    record TextSummary(String kind, String title, String version) {
    }

    /** {@code text}: plain text, paragraphs separated by a blank line. */
    record TextView(String kind, String title, String version, String text) {
    }
}
