package org.baokao.payment.channel;

import java.util.List;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.ChannelRules.ChannelRule;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows which bank each city pays through under the addressed bureau's rules (BUR-1, PAY-2), so the payment page can
 * say it before the candidate leaves.
 */
@RestController
class ChannelRuleController {

    private final ChannelRules rules;
    private final PaymentChannels channels;

    ChannelRuleController(ChannelRules rules, PaymentChannels channels) {
        this.rules = rules;
        this.channels = channels;
    }

    @GetMapping("/api/payments/public/channels")
    List<ChannelRule> allRules(RequestBureau bureau) {
        requireKnown(bureau);
        return rules.all(bureau.code());
    }

    /** The rule an order of this region would be routed by: the city's, else its province's. */
    @GetMapping("/api/payments/public/channels/{regionCode}")
    ChannelRule ruleFor(RequestBureau bureau, @PathVariable String regionCode) {
        requireKnown(bureau);
        return channels.route(bureau.code(), regionCode)
                .map(route -> ChannelRule.of(route.regionCode(), rules.regionName(route.regionCode()).orElse(null),
                        route.channel()))
                .orElseThrow(() -> Refusal.notFound("REGION_WITHOUT_CHANNEL", "该地区未开通网上缴费，请联系当地招生考试机构"));
    }

    private void requireKnown(RequestBureau bureau) {
        if (!rules.bureauKnown(bureau.code())) {
            throw RequestBureau.notFound();
        }
    }
}
