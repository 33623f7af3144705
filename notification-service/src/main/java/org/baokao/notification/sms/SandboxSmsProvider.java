package org.baokao.notification.sms;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * The SMS gateway played by {@code infra/sandbox} (locally, in tests, in demos), over its HTTP API. Answers are
 * sorted into "try later" and "never": 408, 429, 5xx and no answer at all may pass; any other 4xx will not.
 */
final class SandboxSmsProvider implements SmsProvider {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    // provider error codes are copied into our messages only if they look like codes, not like echoed input
    private static final String PROVIDER_CODE = "[A-Za-z0-9_.-]{1,60}";

    private final RestClient http;

    SandboxSmsProvider(RestClient http) {
        this.http = http;
    }

    @Override
    public String send(UUID requestId, String phone, String content) {
        try {
            return http.post().uri("/sandbox/sms/api/send")
                    .header(IDEMPOTENCY_KEY, requestId.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new SendRequest(phone, content))
                    .exchange((request, response) -> messageIdOrFailure(response));
        } catch (ResourceAccessException e) {
            // timeouts and refused connections; the exception text names the URL, which carries nothing personal
            throw new SmsProviderUnavailableException("PROVIDER_UNREACHABLE",
                    "短信网关无响应（" + rootCause(e).getClass().getSimpleName() + "）");
        }
    }

    private static String messageIdOrFailure(ConvertibleClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.is2xxSuccessful()) {
            Accepted accepted = response.bodyTo(Accepted.class);
            if (accepted == null || accepted.messageId() == null || accepted.messageId().isBlank()) {
                throw new SmsProviderUnavailableException("PROVIDER_ANSWER_INVALID", "短信网关的应答缺少消息编号");
            }
            return accepted.messageId();
        }
        String answer = "HTTP " + status.value() + " " + providerCode(response);
        if (status.value() == 408 || status.value() == 429 || status.is5xxServerError()) {
            throw new SmsProviderUnavailableException("PROVIDER_UNAVAILABLE", "短信网关暂不可用：" + answer);
        }
        throw new SmsRejectedException("PROVIDER_REJECTED", "短信网关拒绝发送：" + answer);
    }

    @SuppressWarnings("unchecked")
    private static String providerCode(ConvertibleClientHttpResponse response) {
        try {
            Object code = response.bodyTo(Map.class).get("code");
            return code instanceof String text && text.matches(PROVIDER_CODE) ? text : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The gateway's send request. Its text form hides the phone and the content, should anything print it. */
    record SendRequest(String phone, String content) {

        @Override
        public String toString() {
            return "SendRequest[phone=" + PhoneMask.mask(phone) + ", content=<" + content.length() + " chars>]";
        }
    }

    record Accepted(String messageId, String status) {
    }
}
