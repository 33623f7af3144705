package org.baokao.payment.desk;

import org.baokao.payment.channel.Channel;

/** A channel as the desks' choices show it: its code and its Chinese name. */
public record ChannelOption(String code, String name) {

    public static ChannelOption of(Channel channel) {
        return new ChannelOption(channel.name(), channel.chineseName());
    }
}
