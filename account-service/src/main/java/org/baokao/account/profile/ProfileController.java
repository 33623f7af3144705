package org.baokao.account.profile;

import java.util.UUID;

import org.baokao.account.sms.SmsCodes;
import org.baokao.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 我的账号: the profile, masked; and the first-login phone verification of an imported account (ACC-9), which
 * together with {@code POST /api/accounts/me/password} clears both first-login flags; an account without a phone on
 * file binds the phone it verifies.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/accounts/me")
    Profiles.Profile me(@AuthenticationPrincipal Jwt candidate) {
        return profiles.of(UUID.fromString(candidate.getSubject()));
    }

    /** A code to the account's phone; an account without one names the phone to bind: {@code {"phone": ...}}. */
    @PostMapping("/api/accounts/me/phone-verification/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode code(@AuthenticationPrincipal Jwt candidate,
            @RequestBody(required = false) PhoneToBind request, HttpServletRequest http) {
        return profiles.sendVerificationCode(UUID.fromString(candidate.getSubject()),
                request == null ? null : request.phone(), http.getRemoteAddr());
    }

    @PostMapping("/api/accounts/me/phone-verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@AuthenticationPrincipal Jwt candidate, @RequestBody(required = false) Verification request) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        profiles.verifyPhone(UUID.fromString(candidate.getSubject()), request.phone(), request.smsCode());
    }

    record PhoneToBind(String phone) {
    }

    /** {@code phone}: only for an account without a phone on file, the phone the code went to. */
    record Verification(String smsCode, String phone) {
    }
}
