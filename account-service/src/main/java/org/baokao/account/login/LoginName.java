package org.baokao.account.login;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.identity.InvalidIdNumberException;
import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * What a candidate typed to log in without an SMS code (Shanghai, ACC-5): an ID number or a 准考证号, in one field.
 * Read as an ID of the chosen type where it is one; the account is then looked up by ID first and by admission
 * number when no account has that ID.
 *
 * @param id   the document, when the text is a valid number of the chosen ID type
 * @param text what was typed, as an admission number is written (no surrounding spaces, upper-case)
 */
@DomainModel
public record LoginName(Optional<IdDocument> id, String text) {

    /** An unknown ID type or nothing typed is the form's mistake (400); anything else may name an account. */
    public static LoginName parse(String idType, String typed, Clock clock) {
        IdType type = idType == null || idType.isBlank() ? IdType.RESIDENT_ID
                : IdType.fromCode(idType).orElseThrow(() -> Refusal.invalid("ID_TYPE_UNKNOWN", "请选择正确的证件类型"));
        if (typed == null || typed.isBlank()) {
            throw Refusal.invalid("LOGIN_NAME_REQUIRED", "请输入证件号码或准考证号");
        }
        Optional<IdDocument> id;
        try {
            id = Optional.of(IdDocument.parse(type, typed, clock));
        } catch (InvalidIdNumberException notAnId) {
            id = Optional.empty();
        }
        return new LoginName(id, typed.strip().toUpperCase(Locale.ROOT));
    }
}
