package org.baokao.sandbox.captcha;

import java.time.Clock;

import org.baokao.sandbox.captcha.CaptchaAnswers.CaptchaAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The captcha-answer drop box: account-service posts each answer, a journey or tester reads it by captcha id. */
@RestController
class CaptchaAnswerController {

    private final CaptchaAnswers answers;
    private final Clock clock = Clock.systemUTC();

    CaptchaAnswerController(CaptchaAnswers answers) {
        this.answers = answers;
    }

    @PostMapping("/sandbox/captcha/api/answers")
    ResponseEntity<?> store(@RequestBody Drop drop) {
        if (drop.captchaId() == null || drop.captchaId().isBlank() || drop.captchaId().length() > 100) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_CAPTCHA_ID", "验证码标识为空或超过100个字符");
        }
        if (drop.answer() == null || drop.answer().isBlank() || drop.answer().length() > 20) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_ANSWER", "验证码答案为空或超过20个字符");
        }
        CaptchaAnswer answer = new CaptchaAnswer(drop.captchaId(), drop.answer(), clock.instant());
        answers.store(answer);
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/sandbox/captcha/api/answers/{captchaId}")
    ResponseEntity<?> find(@PathVariable String captchaId) {
        return answers.find(captchaId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "CAPTCHA_NOT_FOUND", "未找到该验证码的答案"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }

    record Drop(String captchaId, String answer) {
    }
}
