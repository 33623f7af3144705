package org.baokao.payment.channel;

import java.util.List;

import org.baokao.domain.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shows which bank each city pays through, so the payment page can say it before the candidate leaves. */
@RestController
class ChannelRuleController {

    private final JdbcClient jdbc;

    ChannelRuleController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/payments/public/channels")
    List<ChannelRule> allRules() {
        return jdbc.sql("select region_code, region_name, channel from channel_rule order by region_code")
                .query((row, n) -> ChannelRule.of(row.getString("region_code"), row.getString("region_name"),
                        Channel.valueOf(row.getString("channel"))))
                .list();
    }

    @GetMapping("/api/payments/public/channels/{regionCode}")
    ChannelRule ruleFor(@PathVariable String regionCode) {
        return jdbc.sql("select region_code, region_name, channel from channel_rule where region_code = ?")
                .param(regionCode)
                .query((row, n) -> ChannelRule.of(row.getString("region_code"), row.getString("region_name"),
                        Channel.valueOf(row.getString("channel"))))
                .optional()
                .orElseThrow(() -> Refusal.notFound("REGION_WITHOUT_CHANNEL", "该地区未开通网上缴费，请联系当地招生考试机构"));
    }

    record ChannelRule(String regionCode, String regionName, Channel channel, String channelName) {

        static ChannelRule of(String regionCode, String regionName, Channel channel) {
            return new ChannelRule(regionCode, regionName, channel, channel.chineseName());
        }
    }
}
