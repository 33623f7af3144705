package org.baokao.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/**
 * Which bucket a request takes a token from, if any (GW-1). The gateway asks after it has verified the token, with
 * the path as the route will see it (a bureau's prefix, {@code /sd/}, {@code /sh/}, already removed, percent-escapes
 * decoded), so a bureau's address or an escaped letter never opens a second bucket.
 * <ul>
 * <li>Never limited: pages, static files and the actuator (only {@code /api} and {@code /open-api} are), and the
 * banks' payment callbacks ({@code /api/payments/notify/...}, payment-service): a bank that retries a refused
 * notification later would only delay a candidate's payment.</li>
 * <li>{@code /open-api/...}: per partner client, from the quota its token carries (API-1).</li>
 * <li>An operator's token: per operator, generous.</li>
 * <li>Captchas, SMS/e-mail codes and logins/password resets: per client address, strictest, whoever asks.</li>
 * <li>A candidate's token: per candidate. A verified identity is a sharper key than an address a school's NAT or a
 * carrier's CGNAT gives to thousands of candidates on registration day, whom one shared bucket would bounce
 * mid-journey all at once.</li>
 * <li>Any other {@code /api} call: per client address.</li>
 * </ul>
 * IPv6 clients are counted per /64 network: one subscriber is given a whole /64 and could otherwise take a fresh
 * address, and bucket, for every request.
 */
@DomainModel
public final class LimitPolicy {

    /** The rates of each class; a partner whose token names no quota gets {@code partnerDefaultQuotaPerMinute}. */
    public record Settings(Rate address, Rate captcha, Rate smsCode, Rate login, Rate candidate, Rate operator,
            int partnerDefaultQuotaPerMinute) {
    }

    private static final String API = "/api/";
    private static final String PARTNER_API = "/open-api/";
    /** Each path and everything under it (account-service's and payment-service's controllers). */
    private static final List<String> NEVER = List.of("/api/payments/notify");
    private static final List<String> CAPTCHA = List.of("/api/accounts/public/captchas");
    private static final List<String> SMS_CODE = List.of("/api/accounts/public/sms-codes",
            "/api/accounts/public/email-codes", "/api/accounts/public/phone-change/code",
            "/api/accounts/me/phone-verification/code", "/api/accounts/me/phone-change/code");
    private static final List<String> LOGIN = List.of("/api/accounts/public/logins",
            "/api/accounts/public/password-resets", "/api/accounts/public/phone-change-requests/lookup");

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Settings settings;

    public LimitPolicy(Settings settings) {
        this.settings = settings;
    }

    /** The bucket for {@code call}, or empty when it is never limited. */
    public Optional<Limit> limitFor(Call call) {
        String path = call.path();
        boolean partnerApi = path.startsWith(PARTNER_API);
        if (!(path.startsWith(API) || partnerApi) || isUnder(path, NEVER)) {
            return Optional.empty();
        }
        Caller caller = call.caller();
        if (partnerApi && caller instanceof Caller.Partner partner) {
            return Optional.of(new Limit(LimitClass.PARTNER, partner.clientId(), quotaOf(partner)));
        }
        if (caller instanceof Caller.Operator operator) {
            return Optional.of(new Limit(LimitClass.OPERATOR, operator.id(), settings.operator()));
        }
        String address = addressKey(call.clientAddress());
        if (isUnder(path, CAPTCHA)) {
            return Optional.of(new Limit(LimitClass.CAPTCHA, address, settings.captcha()));
        }
        if (isUnder(path, SMS_CODE)) {
            return Optional.of(new Limit(LimitClass.SMS_CODE, address, settings.smsCode()));
        }
        if (isUnder(path, LOGIN)) {
            return Optional.of(new Limit(LimitClass.LOGIN, address, settings.login()));
        }
        if (caller instanceof Caller.Candidate candidate) {
            return Optional.of(new Limit(LimitClass.CANDIDATE, candidate.id(), settings.candidate()));
        }
        return Optional.of(new Limit(LimitClass.ADDRESS, address, settings.address()));
    }

    private Rate quotaOf(Caller.Partner partner) {
        Integer quota = partner.quotaPerMinute();
        return Rate.perMinute(quota != null && quota > 0 ? quota : settings.partnerDefaultQuotaPerMinute());
    }

    private static boolean isUnder(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    /** The address as a bucket's subject: IPv4 as is, IPv6 as its /64 network. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // a literal with a colon is parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped IPv6 address
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
