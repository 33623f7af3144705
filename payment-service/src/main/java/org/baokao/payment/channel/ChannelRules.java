package org.baokao.payment.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which bank each region pays through, per bureau (table {@code channel_rule}, PAY-2): replaced whole by each of the
 * bureau's configurations, shown on the payment page with the regions' names (table {@code region}).
 */
@Repository
public class ChannelRules {

    private final JdbcClient jdbc;

    ChannelRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The bureau's rules from now on, region code (6 digits) → channel, in the caller's transaction. A rule this
     * service cannot follow refuses the whole set: half a bureau's rules would route its other regions wrongly.
     */
    public void replace(String bureau, Map<String, String> channelByRegion) {
        channelByRegion.forEach((region, channel) -> {
            if (region == null || !region.matches("\\d{6}")) {
                throw new IllegalArgumentException("bureau " + bureau + ": region code " + region + " is not 6 digits");
            }
            if (Channel.named(channel).isEmpty()) {
                throw new IllegalArgumentException("bureau " + bureau + ": unknown payment channel " + channel
                        + " for region " + region);
            }
        });
        jdbc.sql("delete from channel_rule where bureau = ?").param(bureau).update();
        channelByRegion.forEach((region, channel) -> jdbc.sql(
                "insert into channel_rule (bureau, region_code, channel) values (?, ?, ?)")
                .params(bureau, region, channel).update());
    }

    /** Whether the bureau is known here: its configuration (or, for sd, the rules from before bureaus) arrived. */
    boolean bureauKnown(String bureau) {
        return jdbc.sql("select count(*) from bureau where code = ?").param(bureau).query(Long.class).single() > 0;
    }

    List<ChannelRule> all(String bureau) {
        return jdbc.sql("""
                select r.region_code, g.name, r.channel from channel_rule r left join region g using (region_code)
                where r.bureau = ? order by r.region_code""")
                .param(bureau)
                .query((row, n) -> ChannelRule.of(row.getString("region_code"), row.getString("name"),
                        Channel.valueOf(row.getString("channel"))))
                .list();
    }

    /** The bureau's rule for exactly this region. */
    Optional<Channel> find(String bureau, String regionCode) {
        return jdbc.sql("select channel from channel_rule where bureau = ? and region_code = ?")
                .params(bureau, regionCode)
                .query((row, n) -> Channel.valueOf(row.getString("channel")))
                .optional();
    }

    Optional<String> regionName(String regionCode) {
        return jdbc.sql("select name from region where region_code = ?").param(regionCode).query(String.class)
                .optional();
    }

    record ChannelRule(String regionCode, String regionName, Channel channel, String channelName) {

        static ChannelRule of(String regionCode, String regionName, Channel channel) {
            return new ChannelRule(regionCode, regionName, channel, channel.chineseName());
        }
    }
}
