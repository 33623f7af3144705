package org.baokao.photo.photo;

import java.io.IOException;

import org.baokao.web.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an upload whose declared length exceeds the multipart limit before a byte of it is read (a 50 MB
 * "photo"): with {@code Expect: 100-continue} the client never even sends the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(Problems.json(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "PHOTO_TOO_LARGE", "上传文件过大，照片不得超过10MB")));
            return;
        }
        chain.doFilter(request, response);
    }
}
