package org.baokao.account.fileimport;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.identity.InvalidIdNumberException;
import org.baokao.account.identity.PersonName;
import org.baokao.domain.DomainModel;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.RowError;

/**
 * The checks of cells every import shares; each adds its refusal to {@code errors} (the column's header as the
 * field) and answers the clean value, or null (or empty) when the cell was refused:
 *
 * <ul>
 *   <li>证件类型: the Chinese name (居民身份证, 港澳台居民居住证, 港澳台胞证, 外国人永久居留身份证, 护照; also 身份证) or the
 *       code ({@code RESIDENT_ID}...).</li>
 *   <li>证件号码: {@link IdDocument#parse}, whose code and message become the error; a number Excel turned into
 *       scientific notation gets its own explanation.</li>
 *   <li>姓名: {@link PersonName}.</li>
 *   <li>codes: 1 to 20 letters, digits, {@code -} or {@code _}; texts: 1 to 100 characters.</li>
 * </ul>
 */
@DomainModel
public final class RowFields {

    public static final int MAX_CODE_LENGTH = 20;
    public static final int MAX_TEXT_LENGTH = 100;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1," + MAX_CODE_LENGTH + "}");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[Ee]\\+?[0-9]+");

    private RowFields() {
    }

    public static Optional<IdType> idType(int line, ImportColumn column, String cell, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, column, "ID_TYPE_REQUIRED", "请填写证件类型"));
            return Optional.empty();
        }
        Optional<IdType> type = idTypeNamed(value);
        if (type.isEmpty()) {
            errors.add(error(line, column, "ID_TYPE_UNKNOWN",
                    "证件类型不正确，应为居民身份证、港澳台居民居住证、港澳台胞证、外国人永久居留身份证或护照"));
        }
        return type;
    }

    /** The ID type a cell names: the Chinese name (or 身份证), or the code in any letter case. */
    public static Optional<IdType> idTypeNamed(String value) {
        if (value.equals("身份证")) {
            return Optional.of(IdType.RESIDENT_ID);
        }
        for (IdType type : IdType.values()) {
            if (type.displayName().equals(value)) {
                return Optional.of(type);
            }
        }
        return IdType.fromCode(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The normalized number of a document of {@code type} (empty when the type was refused: it is reported already,
     * and a number cannot be checked without it). {@code numericCell}: the spreadsheet stored it as a number.
     */
    public static String idNumber(int line, ImportColumn column, Optional<IdType> type, String cell,
            boolean numericCell, Clock clock, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, column, InvalidIdNumberException.ID_REQUIRED, "请填写证件号码"));
            return null;
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            errors.add(error(line, column, "ID_SCIENTIFIC",
                    "证件号码被Excel存成了数字（科学计数法），15位以后的数字已丢失；请将该列设为文本格式后重新填写"));
            return null;
        }
        if (type.isEmpty()) {
            return null;
        }
        try {
            return IdDocument.parse(type.get(), value, clock).number();
        } catch (InvalidIdNumberException invalid) {
            String reason = invalid.getMessage();
            if (numericCell && value.length() >= 16) {
                reason += "（该单元格是数字格式，Excel只保留15位有效数字，请设为文本格式）";
            }
            errors.add(error(line, column, invalid.code(), reason));
            return null;
        }
    }

    /** A person's name ({@link PersonName}), trimmed. */
    public static String name(int line, ImportColumn column, String cell, List<RowError> errors) {
        String name = cell.strip();
        Optional<PersonName.Problem> problem = PersonName.problemOf(name);
        if (problem.isPresent()) {
            errors.add(error(line, column, problem.get().code(), problem.get().reason()));
            return null;
        }
        return name;
    }

    /** A code such as 院校代码: {@code <COLUMN>_REQUIRED}, {@code <COLUMN>_FORMAT}. */
    public static String code(int line, ImportColumn column, String cell, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, column, column.name() + "_REQUIRED", "请填写" + column.header()));
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            errors.add(error(line, column, column.name() + "_FORMAT",
                    column.header() + "应为1至" + MAX_CODE_LENGTH + "位字母或数字"));
            return null;
        }
        return value;
    }

    /** A text such as 院校名称: {@code <COLUMN>_REQUIRED}, {@code <COLUMN>_TOO_LONG}. */
    public static String text(int line, ImportColumn column, String cell, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, column, column.name() + "_REQUIRED", "请填写" + column.header()));
            return null;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
            errors.add(error(line, column, column.name() + "_TOO_LONG",
                    column.header() + "不能超过" + MAX_TEXT_LENGTH + "个字"));
            return null;
        }
        return value;
    }

    public static RowError error(int line, ImportColumn column, String code, String reason) {
        return new RowError(line, column.header(), code, reason);
    }
}
