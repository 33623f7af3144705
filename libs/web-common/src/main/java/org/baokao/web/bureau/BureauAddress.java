package org.baokao.web.bureau;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a request names its bureau (考试院, BUR-1), the same at the gateway and in every service. A candidate reaches a
 * bureau by a path prefix: the pages under {@code /sd/...}, {@code /sh/...} and their API under
 * {@code /sd/api/...}. The gateway strips the prefix of an API call and passes the code on in {@link #HEADER}
 * (after removing any such header the caller sent); a call without a prefix belongs to the platform's default
 * bureau ({@code baokao.bureau.default-code}), so API clients written before bureaus keep working. The header is
 * an address, not an identity: a candidate's token names its bureau in the claim {@link #CLAIM}, and a token of
 * one bureau on another bureau's address finds nothing (404).
 */
public final class BureauAddress {

    /** The header the gateway sets from the path prefix. */
    public static final String HEADER = "Baokao-Bureau";

    /** The claim of a candidate's access token that names the bureau of the account. */
    public static final String CLAIM = "bureau";

    /** A bureau code: 2 to 8 lower-case letters ({@code sd}, {@code sh}). */
    public static final Pattern CODE = Pattern.compile("[a-z]{2,8}");

    private static final Pattern API_UNDER_PREFIX = Pattern.compile("^/([a-z]{2,8})(/api/.*)$");

    private BureauAddress() {
    }

    /** Whether {@code code} is a well-formed bureau code (not whether such a bureau exists). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** An API path under a bureau prefix ({@code /sh/api/accounts/x}) as the bureau and the path without it. */
    public static Optional<Prefixed> apiUnderPrefix(String path) {
        Matcher matcher = API_UNDER_PREFIX.matcher(path);
        return matcher.matches() ? Optional.of(new Prefixed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** @param bureau the bureau code of the prefix; @param path the API path without it */
    public record Prefixed(String bureau, String path) {
    }
}
