package org.baokao.payment.desk;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.baokao.payment.channel.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bank channels a bureau's money goes through (OPS-3): those its rules route to now, and any its orders were
 * paid through before its rules changed. The finance desks show and reconcile these; a channel is one contract for
 * the whole platform here (one statement per channel and day), so every bureau using it sees its runs.
 */
@Repository
public class BureauChannels {

    private final JdbcClient jdbc;

    BureauChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Channel> of(String bureau) {
        Set<String> used = jdbc.sql("""
                select channel from channel_rule where bureau = ?
                union select distinct channel from fee_order where bureau = ?""")
                .params(bureau, bureau).query(String.class).set();
        return Arrays.stream(Channel.values()).filter(channel -> used.contains(channel.name())).toList();
    }

    public Set<String> namesOf(String bureau) {
        return of(bureau).stream().map(Channel::name).collect(Collectors.toSet());
    }
}
