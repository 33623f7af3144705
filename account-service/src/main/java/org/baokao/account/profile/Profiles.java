package org.baokao.account.profile;

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
import org.baokao.personaldata.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The candidate's own profile, masked (ACC-10), and the phone verification of the first login (ACC-9). */
@Service
public class Profiles {

    private final Accounts accounts;
    private final SmsCodes smsCodes;

    Profiles(Accounts accounts, SmsCodes smsCodes) {
        this.accounts = accounts;
        this.smsCodes = smsCodes;
    }

    /**
     * Gender and birth date come from the ID number where its type carries them (GB 11643), else null. {@code bureau}
     * is the account's bureau (考试院, BUR-1). {@code maskedEmail} is null for an account without an e-mail.
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
     * 验证手机号: a VERIFY_PHONE code to the phone the account is bound to. Its own purpose, not CHANGE_PHONE:
     * a code for one purpose never works for another, and a CHANGE_PHONE code proves a phone the candidate
     * wants to move to, while this one proves the phone the account already has.
     */
    public SmsCodes.SentCode sendVerificationCode(UUID candidateId, String clientAddress) {
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Profiles::notFound);
        return smsCodes.send(SmsPurpose.VERIFY_PHONE, account.bureau(), new PhoneNumber(account.phone()), candidateId,
                null, clientAddress);
    }

    // a wrong SMS code must still count as a try: refusals do not roll back
    @Transactional(noRollbackFor = Refusal.class)
    public void verifyPhone(UUID candidateId, String smsCode) {
        CandidateAccount account = accounts.findById(candidateId).orElseThrow(Profiles::notFound);
        smsCodes.consume(SmsPurpose.VERIFY_PHONE, account.bureau(), new PhoneNumber(account.phone()), smsCode);
        accounts.markPhoneVerified(candidateId);
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
