package org.baokao.account.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.EmailAddress;
import org.baokao.account.bureau.Bureau;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.roster.RosterEntry;
import org.baokao.account.roster.RosterLookup;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.account.token.AccessTokens;
import org.baokao.account.token.RefreshTokens;
import org.baokao.account.token.SessionAnswer;
import org.baokao.domain.Refusal;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.Masking;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ACC-1 and ACC-3: an account at a bureau (考试院, BUR-1) for an ID on the roster of the bureau's exam (or, with the
 * open gate, for a new candidate who chose an examining university and major), bound to a phone proven by an SMS
 * code, with the candidate's consent to the bureau's texts recorded with their versions. The same person registers
 * at each bureau separately. The checks run before anything is written; the SMS code is used up only when the
 * account is made (a refused registration keeps it).
 *
 * <p>SST-1: a new candidate (open gate) also leaves an e-mail address, sealed like the phone, agrees to the bureau's
 * 考生诚信承诺书 (recorded by version and time), and is logged in at once: the answer carries the tokens of a login, so
 * the photo step follows without another captcha.
 */
@Service
public class Registrations {

    static final String NOT_ON_ROSTER = "该证件类型+证件号不存在于考生名单中，请确认后注册";

    private final RosterLookup roster;
    private final Accounts accounts;
    private final SmsCodes smsCodes;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transactions;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    Registrations(RosterLookup roster, Accounts accounts, SmsCodes smsCodes, PasswordEncoder encoder, Outbox outbox,
            Clock clock, MeterRegistry meters, TransactionTemplate transactions, AccessTokens accessTokens,
            RefreshTokens refreshTokens) {
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.roster = roster;
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.encoder = encoder;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** ACC-3 roster gate (Shandong): the ID must be on the roster of the bureau's exam, which names the candidate. */
    public Registered register(Bureau bureau, IdDocument id, PhoneNumber phone, EmailAddress email, String password,
            String smsCode) {
        RosterEntry entry = roster.find(bureau.registrationExamCode(), id.type(), id.number())
                .orElseThrow(() -> Refusal.invalid("NOT_ON_ROSTER", NOT_ON_ROSTER));
        return register(bureau, id, phone, password, smsCode, Applicant.onRoster(entry, email)).registered();
    }

    /**
     * ACC-3 open registration (Shanghai 新考生注册, SST-1): any new candidate, with the name typed, a university and
     * major chosen, an e-mail and the 考生诚信承诺书 of {@code pledgeVersion} agreed to (null: the bureau has none);
     * logged in at once.
     */
    public OpenRegistered registerOpen(Bureau bureau, IdDocument id, String name, UniversityCatalogue.Choice choice,
            PhoneNumber phone, EmailAddress email, String pledgeVersion, String password, String smsCode) {
        Created created = register(bureau, id, phone, password, smsCode,
                Applicant.choosing(name, choice, email, pledgeVersion));
        Registered registered = created.registered();
        RefreshTokens.Issued session = created.session();
        return new OpenRegistered(registered.candidateId(), registered.maskedIdNumber(), registered.maskedName(),
                registered.maskedPhone(), email.toString(), registered.gender(), registered.birthDate(),
                registered.universityName(), registered.majorName(), choice.specialMajor(),
                accessTokens.issue(session.candidateId(), session.bureau(), session.sessionId()), "Bearer",
                accessTokens.validForSeconds(), session.token(), false, false);
    }

    /**
     * The password is hashed before the transaction: hashing waits its turn (BoundedPasswordEncoder) and must not
     * hold a database connection meanwhile.
     */
    private Created register(Bureau bureau, IdDocument id, PhoneNumber phone, String password, String smsCode,
            Applicant applicant) {
        if (accounts.findByIdNumber(bureau.code(), id).isPresent()) {
            throw alreadyRegistered();
        }
        String passwordHash = encoder.encode(password);
        // a wrong SMS code must still count as a try: a refusal commits, and is thrown after
        Object outcome = transactions.execute(status -> {
            try {
                return create(bureau, id, phone, passwordHash, smsCode, applicant);
            } catch (Refusal refused) {
                return refused;
            }
        });
        if (outcome instanceof Refusal refused) {
            throw refused;
        }
        meters.counter("baokao.registrations", "bureau", bureau.code(), "gate",
                applicant.rosterEntryId() == null ? "open" : "roster").increment();
        return (Created) outcome;
    }

    private Created create(Bureau bureau, IdDocument id, PhoneNumber phone, String passwordHash, String smsCode,
            Applicant applicant) {
        smsCodes.consume(SmsPurpose.REGISTER, bureau.code(), phone, smsCode);
        UUID candidateId = UUID.randomUUID();
        Instant now = clock.instant();
        boolean created = accounts.create(candidateId, new Accounts.NewAccount(bureau.code(),
                bureau.registrationExamCode(), id, applicant.name(), phone.value(), passwordHash,
                applicant.rosterEntryId(), bureau.privacyPolicyVersion(), bureau.serviceAgreementVersion(), now,
                false, true, applicant.universityCode(), applicant.majorCode(), applicant.email(),
                applicant.pledgeVersion()));
        if (!created) {
            throw alreadyRegistered(); // a simultaneous registration of the same ID won
        }
        outbox.publish(new CandidateRegistered(candidateId, applicant.rosterEntryId(), bureau.registrationExamCode(),
                id.type().name(), accounts.idNumberHash(id), Masking.idNumber(id.number()), now,
                Masking.phone(phone.value()), id.gender().map(Enum::name).orElse(null), id.birthDate().orElse(null),
                applicant.universityCode(), applicant.majorCode(), bureau.code(), applicant.specialMajor()));
        Registered registered = new Registered(candidateId, Masking.idNumber(id.number()),
                Masking.name(applicant.name()), phone.toString(), id.gender().map(g -> g.displayName()).orElse(null),
                id.birthDate().map(Object::toString).orElse(null), applicant.collegeName(), applicant.universityName(),
                applicant.majorName());
        // a new candidate goes on to the photo logged in; a roster candidate logs in as usual (with the SMS code)
        RefreshTokens.Issued session = applicant.rosterEntryId() == null
                ? refreshTokens.startSession(candidateId, bureau.code())
                : null;
        return new Created(registered, session);
    }

    /** The account made, and the session of a candidate logged in by registering (null for a roster one). */
    private record Created(Registered registered, RefreshTokens.Issued session) {
    }

    /**
     * Who registers, as the gate let them in: a roster entry (its name, college and junior-college major) or a
     * new candidate's own name with the examining university and major they chose, and the pledge they agreed to.
     */
    private record Applicant(String name, UUID rosterEntryId, String collegeName, String universityCode,
            String universityName, String majorCode, String majorName, boolean specialMajor, EmailAddress email,
            String pledgeVersion) {

        static Applicant onRoster(RosterEntry entry, EmailAddress email) {
            return new Applicant(entry.name(), entry.id(), entry.collegeName(), null, null, null, entry.majorName(),
                    false, email, null);
        }

        static Applicant choosing(String name, UniversityCatalogue.Choice choice, EmailAddress email,
                String pledgeVersion) {
            return new Applicant(name, null, null, choice.universityCode(), choice.universityName(),
                    choice.majorCode(), choice.majorName(), choice.specialMajor(), email, pledgeVersion);
        }
    }

    private static Refusal alreadyRegistered() {
        return Refusal.conflict("ALREADY_REGISTERED", "该证件号码已注册，请直接登录");
    }

    /**
     * What the candidate sees after registering: masked, with gender and birth date derived from the ID; the
     * roster's college and major, or the chosen examining university and major (open registration).
     */
    public record Registered(UUID candidateId, String maskedIdNumber, String maskedName, String maskedPhone,
            String gender, String birthDate, String collegeName, String universityName, String majorName) {
    }

    /**
     * What a new candidate (open gate, SST-1) sees after registering: what {@link Registered} says (no college), the
     * masked e-mail (ACC-10), whether the major is a 特殊专业 (reviewed by hand, ENR-10), and the token fields of a
     * login (the same names as {@code POST /api/accounts/public/logins}): the candidate is logged in.
     */
    public record OpenRegistered(UUID candidateId, String maskedIdNumber, String maskedName, String maskedPhone,
            String maskedEmail, String gender, String birthDate, String universityName, String majorName,
            boolean specialMajor, @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken,
            boolean mustChangePassword, boolean mustVerifyPhone) implements SessionAnswer {

        @Override
        public OpenRegistered withoutRefreshToken() {
            return new OpenRegistered(candidateId, maskedIdNumber, maskedName, maskedPhone, maskedEmail, gender,
                    birthDate, universityName, majorName, specialMajor, accessToken, tokenType, expiresIn, null,
                    mustChangePassword, mustVerifyPhone);
        }

        @Override
        public String toString() {
            return "OpenRegistered[" + candidateId + "]"; // never the tokens
        }
    }
}
