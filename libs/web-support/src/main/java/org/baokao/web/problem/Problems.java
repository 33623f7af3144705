package org.baokao.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one problem-details shape every Baokao service answers with. */
public final class Problems {

    /** Property holding the stable code clients switch on. */
    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String chineseDetail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, chineseDetail);
        problem.setType(URI.create("urn:baokao:problem:" + code));
        problem.setProperty(CODE, code);
        return problem;
    }
}
