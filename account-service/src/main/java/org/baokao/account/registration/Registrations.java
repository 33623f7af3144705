package org.baokao.account.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.personaldata.Masking;
import org.baokao.account.roster.RosterEntry;
import org.baokao.account.roster.RosterLookup;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ACC-1 and ACC-3: an account for an ID on the exam's roster, bound to a phone proven by an SMS code, with
 * the candidate's consent recorded. The checks run before anything is written; the SMS code is used up
 * only when the account is made (a refused registration keeps it).
 */
@Service
public class Registrations {

    static final String NOT_ON_ROSTER = "该证件类型+证件号不存在于考生名单中，请确认后注册";

    private final RosterLookup roster;
    private final Accounts accounts;
    private final SmsCodes smsCodes;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final RegistrationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transactions;

    Registrations(RosterLookup roster, Accounts accounts, SmsCodes smsCodes, PasswordEncoder encoder, Outbox outbox,
            RegistrationProperties properties, Clock clock, MeterRegistry meters, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.roster = roster;
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.encoder = encoder;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The password is hashed before the transaction: hashing waits its turn (BoundedPasswordEncoder) and must not
     * hold a database connection meanwhile.
     */
    public Registered register(IdDocument id, PhoneNumber phone, String password, String smsCode) {
        RosterEntry entry = roster.find(properties.examCode(), id.type(), id.number())
                .orElseThrow(() -> ApiProblem.badRequest("NOT_ON_ROSTER", NOT_ON_ROSTER));
        if (accounts.findByIdNumber(id).isPresent()) {
            throw alreadyRegistered();
        }
        String passwordHash = encoder.encode(password);
        // a wrong SMS code must still count as a try: a refusal commits, and is thrown after
        Object outcome = transactions.execute(status -> {
            try {
                return create(id, phone, passwordHash, smsCode, entry);
            } catch (ApiProblem refused) {
                return refused;
            }
        });
        if (outcome instanceof ApiProblem refused) {
            throw refused;
        }
        meters.counter("baokao.registrations").increment();
        return (Registered) outcome;
    }

    private Registered create(IdDocument id, PhoneNumber phone, String passwordHash, String smsCode,
            RosterEntry entry) {
        smsCodes.consume(SmsPurpose.REGISTER, phone, smsCode);
        UUID candidateId = UUID.randomUUID();
        Instant now = clock.instant();
        boolean created = accounts.create(candidateId, new Accounts.NewAccount(properties.examCode(), id, entry.name(),
                phone.value(), passwordHash, entry.id(), properties.privacyPolicyVersion(),
                properties.serviceTermsVersion(), now, false, true));
        if (!created) {
            throw alreadyRegistered(); // a simultaneous registration of the same ID won
        }
        outbox.publish(new CandidateRegistered(candidateId, entry.id(), properties.examCode(), id.type().name(),
                accounts.idNumberHash(id), Masking.idNumber(id.number()), now, Masking.phone(phone.value()),
                id.gender().map(Enum::name).orElse(null), id.birthDate().orElse(null)));
        return new Registered(candidateId, Masking.idNumber(id.number()), Masking.name(entry.name()), phone.toString(),
                id.gender().map(g -> g.displayName()).orElse(null), id.birthDate().map(Object::toString).orElse(null),
                entry.collegeName(), entry.majorName());
    }

    private static ApiProblem alreadyRegistered() {
        return new ApiProblem(HttpStatus.CONFLICT, "ALREADY_REGISTERED", "该证件号码已注册，请直接登录");
    }

    /** What the candidate sees after registering: masked, with gender and birth date derived from the ID. */
    public record Registered(UUID candidateId, String maskedIdNumber, String maskedName, String maskedPhone,
            String gender, String birthDate, String collegeName, String majorName) {
    }
}
