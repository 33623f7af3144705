package org.baokao.account.token;

/**
 * An answer that starts or continues a candidate's session (a login, a token refresh, a registration that logs in):
 * {@link SessionCookieAdvice} puts its refresh token into the session cookie, and takes it out of the body for a
 * browser (which must never be able to read it from script).
 */
public interface SessionAnswer {

    /** The refresh token of the session, or null when the answer starts none. */
    String refreshToken();

    /** The same answer without the refresh token, for a browser that keeps it in the cookie only. */
    SessionAnswer withoutRefreshToken();
}
