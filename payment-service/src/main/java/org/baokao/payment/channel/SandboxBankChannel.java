package org.baokao.payment.channel;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A bank channel spoken over the banks' HTTP API as the sandbox ({@code infra/sandbox}, {@code /sandbox/bank/CHANNEL})
 * plays it. The bank's public key is fetched from the bank and cached; a signature that fails is retried once with a
 * freshly fetched key (a bank that rotated its key), at most once a minute so forgeries cannot make us hammer it.
 */
class SandboxBankChannel implements PaymentChannel {

    private static final ParameterizedTypeReference<Map<String, String>> PARAMS = new ParameterizedTypeReference<>() {
    };
    private static final Duration KEY_REFRESH = Duration.ofMinutes(1);

    private final Channel channel;
    private final RestClient bank;
    private final Clock clock;
    private volatile PublicKey key;
    private volatile Instant keyFetchedAt = Instant.EPOCH;

    SandboxBankChannel(Channel channel, RestClient bank, Clock clock) {
        this.channel = channel;
        this.bank = bank;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public BankOrder createOrder(String orderNo, long amountFen, String subject, String merchantName, String notifyUrl,
            String returnUrl) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("orderNo", orderNo);
        request.put("amountFen", amountFen);
        request.put("subject", subject);
        request.put("merchantName", merchantName);
        request.put("notifyUrl", notifyUrl);
        request.put("returnUrl", returnUrl);
        Map<String, String> answer = call(() -> bank.post().uri("/sandbox/bank/{channel}/api/orders", channel.name())
                .body(request).retrieve().body(PARAMS));
        if (answer == null || answer.get("payUrl") == null) {
            throw new ChannelUnavailableException(channel + " opened no order " + orderNo);
        }
        return new BankOrder(answer.get("payUrl"), answer.get("qrCode"));
    }

    @Override
    public BankTrade query(String orderNo) {
        return trade(call(() -> bank.get().uri("/sandbox/bank/{channel}/api/orders/{orderNo}", channel.name(), orderNo)
                .retrieve().body(PARAMS)));
    }

    @Override
    public BankTrade close(String orderNo) {
        return trade(call(() -> bank.post().uri("/sandbox/bank/{channel}/api/orders/{orderNo}/close", channel.name(),
                orderNo).retrieve().body(PARAMS)));
    }

    @Override
    public boolean refund(String orderNo, String refundNo, long amountFen) {
        Map<String, String> answer = call(() -> bank.post().uri("/sandbox/bank/{channel}/api/refunds", channel.name())
                .body(Map.of("orderNo", orderNo, "refundNo", refundNo, "amountFen", amountFen))
                .retrieve().body(PARAMS));
        if (!verify(answer)) {
            throw new ChannelUnavailableException(channel + " refund answer carries no valid signature");
        }
        return "SUCCESS".equals(answer.get("refundStatus"));
    }

    @Override
    public String statement(LocalDate day) {
        return call(() -> bank.get().uri("/sandbox/bank/{channel}/statements/{day}", channel.name(), day.toString())
                .retrieve().body(String.class));
    }

    @Override
    public boolean verify(Map<String, String> params) {
        if (params == null) {
            return false;
        }
        if (BankSignatures.verify(publicKey(false), params)) {
            return true;
        }
        return keyFetchedAt.isBefore(clock.instant().minus(KEY_REFRESH)) && BankSignatures.verify(publicKey(true), params);
    }

    @Override
    public Acknowledgement acknowledgement(boolean accepted) {
        return switch (channel) {
            case UNIONPAY -> new Acknowledgement("text/plain;charset=UTF-8", accepted ? "ok" : "fail");
            case CEB -> new Acknowledgement("application/xml;charset=UTF-8",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><RespCode>" + (accepted ? "0000" : "9999")
                            + "</RespCode></Response>");
            case PUBLIC_PAYMENT_PLATFORM -> new Acknowledgement("application/json;charset=UTF-8",
                    accepted ? "{\"code\":\"SUCCESS\"}" : "{\"code\":\"FAIL\"}");
        };
    }

    private BankTrade trade(Map<String, String> answer) {
        if (!verify(answer)) {
            throw new ChannelUnavailableException(channel + " answer carries no valid signature");
        }
        String amount = answer.get("amountFen");
        String paidAt = answer.get("paidAt");
        return new BankTrade(answer.get("orderNo"), answer.get("tradeStatus"), amount == null ? null : Long.valueOf(amount),
                answer.get("bankTradeNo"), paidAt == null ? null : Instant.parse(paidAt));
    }

    private PublicKey publicKey(boolean refresh) {
        if (key == null || refresh) {
            synchronized (this) {
                if (key == null || refresh) {
                    Map<String, String> answer = call(() -> bank.get()
                            .uri("/sandbox/bank/{channel}/public-key", channel.name()).retrieve().body(PARAMS));
                    key = BankSignatures.publicKey(answer.get("publicKey"));
                    keyFetchedAt = clock.instant();
                }
            }
        }
        return key;
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new ChannelUnavailableException(channel + " did not answer: " + e.getMessage(), e);
        }
    }
}
