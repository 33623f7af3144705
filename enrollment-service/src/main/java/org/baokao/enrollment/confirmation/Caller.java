package org.baokao.enrollment.confirmation;

/**
 * The candidate downloading the 确认单, as the services asked on their behalf must see them: their own access token
 * (so each service applies its own rules to this candidate: only their own profile, only their own photo) and the
 * bureau they addressed (a token of one bureau finds nothing at another's address, BUR-1).
 */
record Caller(String accessToken, String bureau) {

    @Override
    public String toString() {
        return "Caller[bureau=" + bureau + "]"; // never the token in a log line
    }
}
