package org.baokao.account.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.account.captcha.CaptchaRevealer;

/** Stands in for the sandbox's captcha drop box in tests that do not start the sandbox. */
public final class RevealedCaptchas implements CaptchaRevealer {

    /** One instance for every test class, so classes with the same override share one application context. */
    public static final RevealedCaptchas SHARED = new RevealedCaptchas();

    /** For {@code @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")}. */
    public static CaptchaRevealer shared() {
        return SHARED;
    }

    private final Map<UUID, String> answers = new ConcurrentHashMap<>();

    @Override
    public void reveal(UUID captchaId, String answer) {
        answers.put(captchaId, answer);
    }

    public String answerOf(UUID captchaId) {
        return answers.get(captchaId);
    }
}
