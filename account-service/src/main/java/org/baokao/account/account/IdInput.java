package org.baokao.account.account;

import java.time.Clock;

import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.identity.InvalidIdNumberException;
import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/** Turns the ID type and number a form sent into an {@link IdDocument}, or a 400 saying what is wrong. */
@DomainModel
public final class IdInput {

    private IdInput() {
    }

    public static IdDocument parse(String idType, String idNumber, Clock clock) {
        IdType type = idType == null || idType.isBlank() ? IdType.RESIDENT_ID
                : IdType.fromCode(idType).orElseThrow(() -> Refusal.invalid("ID_TYPE_UNKNOWN", "请选择正确的证件类型"));
        try {
            return IdDocument.parse(type, idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw Refusal.invalid(e.code(), e.getMessage());
        }
    }
}
