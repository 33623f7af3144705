package org.baokao.account.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.account.captcha.CaptchaRevealer;

/** Stands in for the sandbox's captcha drop box in tests that do not start the sandbox. */
public final class RevealedCaptchas implements CaptchaRevealer {

    private final Map<UUID, String> answers = new ConcurrentHashMap<>();

    @Override
    public void reveal(UUID captchaId, String answer) {
        answers.put(captchaId, answer);
    }

    public String answerOf(UUID captchaId) {
        return answers.get(captchaId);
    }
}
