package org.baokao.payment.channel;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.baokao.payment.PaymentProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The channels behind {@link PaymentChannel} and the routing rules that pick one for a candidate (PAY-2). Rules are
 * each bureau's data ({@link ChannelRules}, 6-digit region codes); the exam location is a 4-digit city code, looked
 * up among the rules of the order's bureau as the city ({@code 3702} → {@code 370200}), then as its province
 * ({@code 3101} → {@code 310000}, Shanghai).
 */
@Component
public class PaymentChannels {

    private final Map<Channel, PaymentChannel> channels = new EnumMap<>(Channel.class);
    private final ChannelRules rules;

    PaymentChannels(RestClient.Builder http, PaymentProperties properties, ChannelRules rules, Clock clock) {
        this.rules = rules;
        RestClient bank = http.baseUrl(properties.bankUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        for (Channel channel : Channel.values()) {
            channels.put(channel, new SandboxBankChannel(channel, bank, clock));
        }
    }

    public PaymentChannel of(Channel channel) {
        return channels.get(channel);
    }

    /**
     * The channel for an exam location (4-digit city code) or a 6-digit region code by the rules of {@code bureau};
     * empty when the bureau has no rule for the city or its province.
     */
    public Optional<Route> route(String bureau, String locationCode) {
        if (locationCode == null || !locationCode.matches("\\d{4}|\\d{6}")) {
            return Optional.empty();
        }
        String city = locationCode.length() == 4 ? locationCode + "00" : locationCode;
        String province = city.substring(0, 2) + "0000";
        for (String region : new String[] {city, province}) {
            Optional<Channel> rule = rules.find(bureau, region);
            if (rule.isPresent()) {
                return Optional.of(new Route(region, rule.get()));
            }
        }
        return Optional.empty();
    }

    public record Route(String regionCode, Channel channel) {
    }
}
