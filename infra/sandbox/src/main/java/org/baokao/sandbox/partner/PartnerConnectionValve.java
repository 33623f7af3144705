package org.baokao.sandbox.partner;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * A played partner whose endpoint is DOWN (API-2): its deliveries get no answer at all, the connection closed before
 * a status line, as when a partner's server died. Done in Tomcat's pipeline, below the servlet API, which can only
 * answer.
 */
class PartnerConnectionValve extends ValveBase {

    private static final Pattern WEBHOOK = Pattern.compile("^/sandbox/partner/([^/]+)/webhook/?$");

    private final PartnerEndpoints partners;

    PartnerConnectionValve(PartnerEndpoints partners) {
        super(true);
        this.partners = partners;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Matcher webhook = WEBHOOK.matcher(request.getRequestURI());
        if (webhook.matches() && partners.isDown(webhook.group(1))) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            return;
        }
        getNext().invoke(request, response);
    }
}
