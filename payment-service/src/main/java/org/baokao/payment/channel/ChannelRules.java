package org.baokao.payment.channel;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which bank each region pays through (table {@code channel_rule}), as the payment page shows it. */
@Repository
class ChannelRules {

    private final JdbcClient jdbc;

    ChannelRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChannelRule> all() {
        return jdbc.sql("select region_code, region_name, channel from channel_rule order by region_code")
                .query((row, n) -> ChannelRule.of(row.getString("region_code"), row.getString("region_name"),
                        Channel.valueOf(row.getString("channel"))))
                .list();
    }

    Optional<ChannelRule> find(String regionCode) {
        return jdbc.sql("select region_code, region_name, channel from channel_rule where region_code = ?")
                .param(regionCode)
                .query((row, n) -> ChannelRule.of(row.getString("region_code"), row.getString("region_name"),
                        Channel.valueOf(row.getString("channel"))))
                .optional();
    }

    record ChannelRule(String regionCode, String regionName, Channel channel, String channelName) {

        static ChannelRule of(String regionCode, String regionName, Channel channel) {
            return new ChannelRule(regionCode, regionName, channel, channel.chineseName());
        }
    }
}
