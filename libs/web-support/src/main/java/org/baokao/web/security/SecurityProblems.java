package org.baokao.web.security;

import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The two security refusals, worded once. */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static ProblemDetail unauthenticated() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录，或登录已失效，请重新登录");
    }

    public static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "没有权限执行此操作");
    }
}
