package org.baokao.account.existing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.account.AccountUniversities;
import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.fileimport.ImportKind;
import org.baokao.account.fileimport.RowFields;
import org.baokao.account.identity.Gender;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.password.PasswordHashing;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.EventSealer;
import org.baokao.personaldata.Masking;
import org.baokao.tabular.RowError;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of a 在籍考生 import (ACC-9) of a bureau, candidate by candidate (the rows of one document are one
 * candidate), inside the batch's transaction (fileimport's ImportJobs: with the refused rows and the job's counts,
 * the bureau's advisory lock held):
 *
 * <ul>
 *   <li>a candidate without an account at the bureau gets one: the initial password ({@link InitialPassword}) as
 *       its Argon2id hash, to be changed at first login; the phone and e-mail on file, sealed, the phone unverified;
 *       the 准考证号 (refused when another account of the bureau holds it); every university + major of the rows;</li>
 *   <li>a candidate with an account keeps its password, name, phone and e-mail: the rows only add the universities +
 *       majors it does not hold yet, a phone or e-mail where it has none, and the 准考证号 where it has none (refused
 *       when the account holds another one, or another account this one);</li>
 *   <li>whatever changed an account publishes {@link ExistingCandidateImported} with every university + major the
 *       account holds; nothing changed, nothing published. So importing the same file again changes nothing.</li>
 * </ul>
 *
 * Each row counts as inserted (its candidate's account was made), updated (it added something), unchanged, or
 * refused with the candidate's other rows. The initial passwords are hashed before the transaction starts, with the
 * Argon2id parameters of every password ({@link PasswordHashing#encoder()}) on the import's own thread: an import
 * adds one hash at a time to the logins', and never waits in their line.
 */
@Component
class ExistingCandidateWriter {

    private final Accounts accounts;
    private final AccountUniversities universities;
    private final Bureaus bureaus;
    private final Outbox outbox;
    /** Seals the name for the event (issue 23 §5), with the event keys its consumers share. */
    private final EventSealer eventKeys;
    private final Clock clock;
    private final PasswordEncoder initialPasswords = PasswordHashing.encoder();

    ExistingCandidateWriter(Accounts accounts, AccountUniversities universities, Bureaus bureaus, Outbox outbox,
            EventSealer eventKeys, Clock clock) {
        this.accounts = accounts;
        this.universities = universities;
        this.bureaus = bureaus;
        this.outbox = outbox;
        this.eventKeys = eventKeys;
        this.clock = clock;
    }

    /** One candidate's rows of a batch, in file order, and the hash of their initial password if they need one. */
    private static final class Candidate {
        final List<ExistingRow> rows = new ArrayList<>(1);
        String passwordHash;

        ExistingRow first() {
            return rows.get(0);
        }

        /** The first phone (e-mail) the rows give; the checker made sure they give no other. */
        String phone() {
            return rows.stream().map(ExistingRow::phone).filter(Objects::nonNull).findFirst().orElse(null);
        }

        String email() {
            return rows.stream().map(ExistingRow::email).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** Groups the rows by candidate and hashes the initial passwords of those without an account (slow: no transaction). */
    ImportKind.PreparedBatch prepare(String bureau, List<ExistingRow> rows) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (ExistingRow row : rows) {
            candidates.computeIfAbsent(row.personKey(), key -> new Candidate()).rows.add(row);
        }
        for (Candidate candidate : candidates.values()) {
            if (accounts.findByIdNumber(bureau, candidate.first().id()).isEmpty()) {
                candidate.passwordHash = hashOfInitialPassword(candidate.first().id());
            }
        }
        return importId -> write(importId, bureau, candidates.values());
    }

    private String hashOfInitialPassword(IdDocument id) {
        return initialPasswords.encode(InitialPassword.of(id.number()));
    }

    private ImportKind.Written write(UUID importId, String bureau, Iterable<Candidate> candidates) {
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (Candidate candidate : candidates) {
            Optional<CandidateAccount> account = accounts.findByIdNumber(bureau, candidate.first().id());
            if (account.isEmpty() && create(importId, bureau, candidate, now, tally)) {
                continue;
            }
            account = account.or(() -> accounts.findByIdNumber(bureau, candidate.first().id()));
            if (account.isPresent()) {
                update(importId, account.get(), candidate, now, tally);
            }
        }
        return new ImportKind.Written(tally.inserted, tally.updated, tally.unchanged, tally.rejected, tally.errors);
    }

    /** A new account; false when the document got one meanwhile (then it is updated instead). */
    private boolean create(UUID importId, String bureau, Candidate candidate, Instant now, Tally tally) {
        ExistingRow first = candidate.first();
        if (accounts.findByAdmissionNumber(bureau, first.admissionNumber()).isPresent()) {
            tally.refuse(candidate, "ADMISSION_NUMBER_TAKEN", "该准考证号已被本考试院的其他考生使用");
            return true;
        }
        String passwordHash = candidate.passwordHash != null ? candidate.passwordHash
                : hashOfInitialPassword(first.id()); // the account went away since prepare: rare
        UUID id = UUID.randomUUID();
        boolean created = accounts.createImported(id, new Accounts.ImportedAccount(bureau,
                bureaus.of(bureau).registrationExamCode(), first.id(), first.name(), candidate.phone(),
                candidate.email(), passwordHash, first.admissionNumber()));
        if (!created) {
            return false;
        }
        for (ExistingRow row : candidate.rows) {
            universities.add(id, held(row), importId, now);
            tally.inserted++;
        }
        publish(importId, id, first.id(), true, now);
        return true;
    }

    private void update(UUID importId, CandidateAccount account, Candidate candidate, Instant now, Tally tally) {
        ExistingRow first = candidate.first();
        Optional<String> number = accounts.admissionNumberOf(account.id());
        if (number.isPresent() && !number.get().equals(first.admissionNumber())) {
            tally.refuse(candidate, "ADMISSION_NUMBER_DIFFERS", "该考生已有准考证号，与文件中的准考证号不一致");
            return;
        }
        if (number.isEmpty() && accounts.findByAdmissionNumber(account.bureau(), first.admissionNumber()).isPresent()) {
            tally.refuse(candidate, "ADMISSION_NUMBER_TAKEN", "该准考证号已被本考试院的其他考生使用");
            return;
        }
        boolean[] changed = new boolean[candidate.rows.size()];
        if (number.isEmpty()) {
            accounts.assignAdmissionNumber(account.id(), first.admissionNumber());
            changed[0] = true;
        }
        for (int i = 0; i < candidate.rows.size(); i++) {
            ExistingRow row = candidate.rows.get(i);
            changed[i] |= universities.add(account.id(), held(row), importId, now);
        }
        String phone = candidate.phone();
        if (phone != null && account.phone() == null && accounts.bindUnverifiedPhoneIfNone(account.id(), phone)) {
            changed[firstRowWith(candidate, phone, true)] = true;
        }
        String email = candidate.email();
        if (email != null && accounts.bindEmailIfNone(account.id(), email)) {
            changed[firstRowWith(candidate, email, false)] = true;
        }
        boolean any = false;
        for (boolean rowChanged : changed) {
            any |= rowChanged;
            if (rowChanged) {
                tally.updated++;
            } else {
                tally.unchanged++;
            }
        }
        if (any) {
            publish(importId, account.id(), first.id(), false, now);
        }
    }

    private static int firstRowWith(Candidate candidate, String value, boolean phone) {
        for (int i = 0; i < candidate.rows.size(); i++) {
            if (value.equals(phone ? candidate.rows.get(i).phone() : candidate.rows.get(i).email())) {
                return i;
            }
        }
        return 0;
    }

    private void publish(UUID importId, UUID accountId, IdDocument id, boolean created, Instant now) {
        Accounts.PersonalData data = accounts.findPersonalData(accountId).orElseThrow();
        List<ExistingCandidateImported.Held> held = universities.of(accountId).stream()
                .map(h -> new ExistingCandidateImported.Held(h.universityCode(), h.majorCode())).toList();
        outbox.publish(new ExistingCandidateImported(accountId, data.bureau(), data.examCode(),
                accounts.admissionNumberOf(accountId).orElse(null), held, now, id.type().code(),
                accounts.idNumberHash(id), Masking.idNumber(id.number()), null,
                id.gender().map(Gender::name).orElse(null), id.birthDate().orElse(null), Masking.phone(data.phone()),
                created, importId, eventKeys.seal(data.name())));
    }

    private static AccountUniversities.Held held(ExistingRow row) {
        return new AccountUniversities.Held(row.universityCode(), row.majorCode());
    }

    /** What the batch did, row by row. */
    private static final class Tally {
        int inserted;
        int updated;
        int unchanged;
        int rejected;
        final List<RowError> errors = new ArrayList<>();

        /** Every row of the candidate is refused, for what is stored: nothing of them is written. */
        void refuse(Candidate candidate, String code, String reason) {
            for (ExistingRow row : candidate.rows) {
                errors.add(RowFields.error(row.line(), ExistingColumn.ADMISSION_NUMBER, code, reason));
                rejected++;
            }
        }
    }
}
