package org.baokao.account.support;

import java.util.Base64;

import org.baokao.account.captcha.Captchas;
import org.baokao.testkit.HttpProbe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logins through the HTTP API the way each demo bureau's login page makes them (ACC-5, BUR-1). */
public final class LoginCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoginCalls() {
    }

    /**
     * Shanghai: ID number or 准考证号, password and a solved image captcha in one request, no SMS code; at
     * {@code bureau}'s address.
     */
    public static HttpProbe.Answer withoutSms(String bureau, int port, Captchas captchas, String name,
            String password) {
        var captcha = captchas.issue();
        return withCaptcha(bureau, port, name, password, captcha.captchaId().toString(),
                RevealedCaptchas.SHARED.answerOf(captcha.captchaId()));
    }

    /** The same login with whatever captcha fields are given (null: left out). */
    public static HttpProbe.Answer withCaptcha(String bureau, int port, String name, String password,
            String captchaId, String captcha) {
        return ClientCalls.postTo(bureau, port, "/api/accounts/public/logins", """
                {"idNumber":"%s","password":"%s","captchaId":%s,"captcha":%s}"""
                .formatted(name, password, quoted(captchaId), quoted(captcha)), null);
    }

    /**
     * Shandong, unprefixed: the captcha for 获取验证码, then ID number, password and the SMS code sent to
     * {@code phone}, the account's.
     */
    public static HttpProbe.Answer withSms(int port, Captchas captchas, String idNumber, String phone,
            String password) {
        var captcha = captchas.issue();
        HttpProbe.Answer sent = ClientCalls.post(port, "/api/accounts/public/sms-codes/login", """
                {"idType":"RESIDENT_ID","idNumber":"%s","captchaId":"%s","captcha":"%s"}"""
                .formatted(idNumber, captcha.captchaId(), RevealedCaptchas.SHARED.answerOf(captcha.captchaId())));
        if (sent.status() != 202) {
            throw new AssertionError("asking for a login code answered " + sent.status() + ": " + sent.body());
        }
        return ClientCalls.post(port, "/api/accounts/public/logins", """
                {"idType":"RESIDENT_ID","idNumber":"%s","password":"%s","smsCode":"%s"}"""
                .formatted(idNumber, password, SentCodes.latestFor(phone)));
    }

    /** The claims of an access token (its signature is the services' to check, see TokensTest). */
    public static JsonNode claims(String accessToken) {
        return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
