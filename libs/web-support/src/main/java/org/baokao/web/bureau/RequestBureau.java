package org.baokao.web.bureau;

import org.baokao.domain.Refusal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The bureau a request is addressed to (BUR-1), as a controller parameter: {@code Baokao-Bureau} set by the gateway
 * from the path prefix, or the default bureau for an unprefixed call. A code that cannot be a bureau's is a bureau
 * that does not exist (404), like a code no bureau has, which the feature that looks it up refuses the same way.
 */
public record RequestBureau(String code) {

    public RequestBureau {
        if (!BureauAddress.isCode(code)) {
            throw notFound();
        }
    }

    /** The bureau of {@code request}. */
    public static RequestBureau of(HttpServletRequest request, BureauProperties properties) {
        String header = request.getHeader(BureauAddress.HEADER);
        return new RequestBureau(header == null || header.isBlank() ? properties.defaultCode() : header.strip());
    }

    /** The one refusal for a bureau that is not there. */
    public static Refusal notFound() {
        return Refusal.notFound("BUREAU_NOT_FOUND", "该考试院不存在，请从报名首页选择考试院");
    }
}
