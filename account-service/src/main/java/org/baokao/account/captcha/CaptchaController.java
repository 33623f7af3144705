package org.baokao.account.captcha;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A new image captcha for a form; POST because every call creates one. */
@RestController
class CaptchaController {

    private final Captchas captchas;

    CaptchaController(Captchas captchas) {
        this.captchas = captchas;
    }

    @PostMapping("/api/accounts/public/captchas")
    ResponseEntity<Captchas.IssuedCaptcha> issue() {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(captchas.issue());
    }
}
