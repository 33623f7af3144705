package org.baokao.archfixture.broken.rules;

import org.baokao.domain.DomainModel;
import org.springframework.http.HttpStatus;

/** Broken on purpose: a rule of the business that speaks HTTP. */
@DomainModel
public class SpringAwareRule {

    public HttpStatus refuse() {
        return HttpStatus.CONFLICT;
    }
}
