package org.baokao.account.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.identity.Gender;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.InvalidIdNumberException;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.domain.Refusal;
import org.baokao.events.account.PhoneVerified;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate's own profile, masked (ACC-10), and the phone verification of the first login (ACC-9), which binds
 * a phone where an imported account has none on file and tells the other services ({@code PhoneVerified}: Shanghai
 * course selection waits for a verified phone, SST-4).
 */
@Service
public class Profiles {

    private final Accounts accounts;
    private final SmsCodes smsCodes;
    private final Outbox outbox;
    private final Clock clock;

    Profiles(Accounts accounts, SmsCodes smsCodes, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Gender and birth date come from the ID number where its type carries them (GB 11643), else null. {@code bureau}
     * is the account's bureau (考试院, BUR-1). {@code maskedPhone} is null for an imported account without a phone on
     * file (ACC-9): its first login binds one; {@code maskedEmail} is null for an account without an e-mail.
     */
    public record Profile(UUID candidateId, String bureau, String examCode, String idType, String maskedIdNumber,
            String maskedName, String maskedPhone, String gender, LocalDate birthDate, boolean mustChangePassword,
            boolean mustVerifyPhone, String maskedEmail) {
    }

    public Profile of(UUID candidateId) {
        Accounts.PersonalData data = accounts.findPersonalData(candidateId).orElseThrow(Profiles::notFound);
        IdDocument id = document(data);
        return new Profile(data.id(), data.bureau(), data.examCode(), data.idType().name(),
                Masking.idNumber(data.idNumber()), Masking.name(data.name()), Masking.phone(data.phone()),
                id == null ? null : id.gender().map(Gender::name).orElse(null),
                id == null ? null : id.birthDate().orElse(null), data.mustChangePassword(), !data.phoneVerified(),
                Masking.email(data.email()));
    }

    /**
     * 验证手机号: a VERIFY_PHONE code to the phone the account is bound to; an imported account without a phone on
     * file (ACC-9) names the phone it binds, {@code phone}. Its own purpose, not CHANGE_PHONE: a code for one
     * purpose never works for another, and a CHANGE_PHONE code proves a phone the candidate wants to move to, while
     * this one proves the phone the account has, or takes as its first.
     */
    public SmsCodes.SentCode sendVerificationCode(UUID candidateId, String phone, String clientAddress) {
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Profiles::notFound);
        return smsCodes.send(SmsPurpose.VERIFY_PHONE, account.bureau(), phoneToVerify(account, phone), candidateId,
                null, clientAddress);
    }

    /**
     * Uses up the code; the account's phone is verified, or (none on file) the phone named is bound, verified; and
     * {@code PhoneVerified} is published in the same transaction (outbox), the phone only masked.
     */
    // a wrong SMS code must still count as a try: refusals do not roll back
    @Transactional(noRollbackFor = Refusal.class)
    public void verifyPhone(UUID candidateId, String phone, String smsCode) {
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Profiles::notFound);
        PhoneNumber verified = phoneToVerify(account, phone);
        smsCodes.consume(SmsPurpose.VERIFY_PHONE, account.bureau(), verified, smsCode);
        if (account.phone() == null) {
            accounts.changePhone(candidateId, verified.value());
        } else {
            accounts.markPhoneVerified(candidateId);
        }
        outbox.publish(new PhoneVerified(candidateId, account.bureau(), Masking.phone(verified.value()),
                clock.instant()));
    }

    /**
     * The account's phone; for an account without one, the phone the candidate names. A phone named for an account
     * that has another is refused: changing it is 修改注册手机号 (ACC-8), with its own proofs.
     */
    private static PhoneNumber phoneToVerify(CandidateAccount account, String named) {
        if (account.phone() == null) {
            if (named == null || named.isBlank()) {
                throw Refusal.invalid("PHONE_REQUIRED", "您的账号尚未绑定手机号，请填写要绑定的手机号");
            }
            return new PhoneNumber(named);
        }
        if (named != null && !named.isBlank() && !named.strip().equals(account.phone())) {
            throw Refusal.invalid("PHONE_ALREADY_BOUND", "账号已绑定手机号，如需更换请使用“修改注册手机号”");
        }
        return new PhoneNumber(account.phone());
    }

    private static IdDocument document(Accounts.PersonalData data) {
        try {
            return IdDocument.parse(data.idType(), data.idNumber());
        } catch (InvalidIdNumberException e) {
            return null; // stored before a rule changed: the profile still shows, without derived fields
        }
    }

    private static Refusal notFound() {
        return Refusal.notFound("ACCOUNT_NOT_FOUND", "账号不存在");
    }
}
