package org.baokao.photo.quality;

import org.baokao.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A photo that fails the quality check (PHO-2): one stable code and one specific Chinese reason. */
public class PhotoRejectedException extends ApiProblem {

    public PhotoRejectedException(String code, String chineseDetail) {
        this(HttpStatus.UNPROCESSABLE_CONTENT, code, chineseDetail);
    }

    public PhotoRejectedException(HttpStatus status, String code, String chineseDetail) {
        super(status, code, chineseDetail);
    }
}
