package org.baokao.account.candidates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.AdmissionNumber;
import org.baokao.account.account.IdInput;
import org.baokao.account.audit.Paging;
import org.baokao.account.identity.IdType;
import org.baokao.account.identity.PersonName;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.personaldata.Masking;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 考生查询 (OPS-3): the accounts of the operator's scope matching what was typed, exactly, through the keyed hashes;
 * answered masked. Opening the sealed columns here only serves to mask them.
 */
@Repository
public class CandidateSearch {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PersonalDataProtector protector;
    private final CandidateScopes scopes;
    private final Clock clock;

    CandidateSearch(JdbcClient jdbc, Accounts accounts, PersonalDataProtector protector, CandidateScopes scopes,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.protector = protector;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** One account in a list of results, masked. */
    public record Found(UUID candidateId, String maskedName, String idType, String idTypeName, String maskedIdNumber,
            String maskedPhone, String examCode, String admissionNumber, boolean locked, Instant createdAt) {
    }

    public Paging.Page<Found> search(Operator operator, SearchBy by, String typed, String idType, Paging paging) {
        if (typed == null || typed.isBlank()) {
            throw Refusal.invalid("QUERY_REQUIRED", "请输入查询内容");
        }
        String value = typed.strip();
        String match = switch (by) {
            case ID_NUMBER -> "a.id_number_hash = ?";
            case PHONE -> "a.phone_hash = ?";
            case ADMISSION_NUMBER -> "a.admission_number = ?";
            case NAME -> "a.name_hash = ?";
        };
        Object key = switch (by) {
            // an operator's lower-case x is the same number (the candidate's own forms ask them to correct it)
            case ID_NUMBER -> accounts.idNumberHash(IdInput.parse(idType, value.toUpperCase(Locale.ROOT), clock));
            case PHONE -> accounts.lookupHash(new PhoneNumber(value).value());
            case ADMISSION_NUMBER -> {
                String number = AdmissionNumber.normalize(value);
                if (number == null) {
                    throw Refusal.invalid("ADMISSION_NUMBER_INVALID", "请输入正确的准考证号");
                }
                yield number;
            }
            case NAME -> {
                PersonName.problemOf(value).ifPresent(problem -> {
                    throw Refusal.invalid(problem.code(), problem.reason());
                });
                yield accounts.nameHash(value);
            }
        };
        CandidateScopes.Condition scope = scopes.conditionFor(operator);
        String where = match + " and " + scope.sql();
        List<Object> params = new ArrayList<>();
        params.add(key);
        params.addAll(scope.params());
        long total = jdbc.sql("select count(*) from candidate_account a where " + where).params(params)
                .query(Long.class).single();
        params.add(paging.size());
        params.add(paging.offset());
        Instant now = clock.instant();
        List<Found> items = jdbc.sql("""
                select a.id, a.id_type, a.id_number_sealed, a.name_sealed, a.phone_sealed, a.sealed_with,
                    a.exam_code, a.admission_number, a.locked_until, a.created_at
                from candidate_account a where
                """ + where + " order by a.created_at desc, a.id limit ? offset ?")
                .params(params)
                .query((row, n) -> found(row, now))
                .list();
        return paging.page(items, total);
    }

    private Found found(ResultSet row, Instant now) throws SQLException {
        String keyId = row.getString("sealed_with");
        IdType type = IdType.valueOf(row.getString("id_type"));
        Timestamp locked = row.getTimestamp("locked_until");
        return new Found(row.getObject("id", UUID.class), Masking.name(open(keyId, row.getBytes("name_sealed"))),
                type.code(), type.displayName(), Masking.idNumber(open(keyId, row.getBytes("id_number_sealed"))),
                Masking.phone(open(keyId, row.getBytes("phone_sealed"))), row.getString("exam_code"),
                row.getString("admission_number"), locked != null && locked.toInstant().isAfter(now),
                row.getTimestamp("created_at").toInstant());
    }

    private String open(String keyId, byte[] sealed) {
        return sealed == null ? null : protector.open(new Sealed(keyId, sealed));
    }
}
