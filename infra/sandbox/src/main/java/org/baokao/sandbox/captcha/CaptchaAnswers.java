package org.baokao.sandbox.captcha;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Captcha answers the platform drops here on the local stack and in tests only, so an automated journey can
 * pass the image captcha without reading the image. Bounded like the SMS inbox; the eldest answers go first.
 */
@Component
class CaptchaAnswers {

    private final LinkedHashMap<String, CaptchaAnswer> answers;

    CaptchaAnswers(Settings settings) {
        int capacity = settings.capacity();
        this.answers = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CaptchaAnswer> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void store(CaptchaAnswer answer) {
        answers.remove(answer.captchaId()); // a re-drop counts as the newest
        answers.put(answer.captchaId(), answer);
    }

    synchronized Optional<CaptchaAnswer> find(String captchaId) {
        return Optional.ofNullable(answers.get(captchaId));
    }

    record CaptchaAnswer(String captchaId, String answer, Instant storedAt) {
    }

    @ConfigurationProperties("sandbox.captcha")
    record Settings(int capacity) {
    }
}
