package org.baokao.payment.channel;

import java.util.List;

import org.baokao.domain.Refusal;
import org.baokao.payment.channel.ChannelRules.ChannelRule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shows which bank each city pays through, so the payment page can say it before the candidate leaves. */
@RestController
class ChannelRuleController {

    private final ChannelRules rules;

    ChannelRuleController(ChannelRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/payments/public/channels")
    List<ChannelRule> allRules() {
        return rules.all();
    }

    @GetMapping("/api/payments/public/channels/{regionCode}")
    ChannelRule ruleFor(@PathVariable String regionCode) {
        return rules.find(regionCode)
                .orElseThrow(() -> Refusal.notFound("REGION_WITHOUT_CHANNEL", "该地区未开通网上缴费，请联系当地招生考试机构"));
    }
}
