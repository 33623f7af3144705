package org.baokao.account.roster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.identity.InvalidIdNumberException;
import org.baokao.account.identity.PersonName;
import org.baokao.domain.DomainModel;

/**
 * Checks the rows of one roster file (ACC-3) and reports every problem of a row, not just the first:
 *
 * <ul>
 *   <li>证件类型: the Chinese name (居民身份证, 港澳台居民居住证, 港澳台胞证, 外国人永久居留身份证, 护照; also 身份证) or the
 *       code ({@code RESIDENT_ID}...).</li>
 *   <li>证件号码: {@link IdDocument#parse}, whose code and message become the error; a number Excel turned into
 *       scientific notation gets its own explanation. The same document twice in one file: the later line is
 *       refused, naming the earlier one.</li>
 *   <li>姓名: {@link PersonName}.</li>
 *   <li>考生类型: 校荐, 3+2 or 退役士兵 (or the codes), see {@link CandidateType#fromRosterCell}.</li>
 *   <li>院校代码, 专业代码: 1 to 20 letters, digits, {@code -} or {@code _}; 院校名称, 专业名称: 1 to 100 characters.</li>
 * </ul>
 *
 * One checker per file: it remembers the documents seen. Not thread-safe.
 */
@DomainModel
final class RosterRowChecker {

    static final int MAX_CODE_LENGTH = 20;
    static final int MAX_TEXT_LENGTH = 100;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1," + MAX_CODE_LENGTH + "}");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[Ee]\\+?[0-9]+");

    private final RosterHeader header;
    private final Clock clock;
    private final Map<String, Integer> seen = new HashMap<>();

    RosterRowChecker(RosterHeader header, Clock clock) {
        this.header = header;
        this.clock = clock;
    }

    /** The checked row, or its errors. */
    record Checked(RosterRow row, List<RowError> errors) {

        boolean accepted() {
            return row != null;
        }
    }

    Checked check(SourceRow source) {
        int line = source.line();
        List<RowError> errors = new ArrayList<>(2);

        Optional<IdType> idType = idType(line, header.value(source, RosterColumn.ID_TYPE), errors);
        String idNumber = idNumber(line, idType, header.value(source, RosterColumn.ID_NUMBER),
                header.numeric(source, RosterColumn.ID_NUMBER), errors);
        String name = name(line, header.value(source, RosterColumn.NAME), errors);
        CandidateType candidateType = candidateType(line, header.value(source, RosterColumn.CANDIDATE_TYPE), errors);
        String collegeCode = code(line, RosterColumn.COLLEGE_CODE, header.value(source, RosterColumn.COLLEGE_CODE),
                errors);
        String collegeName = text(line, RosterColumn.COLLEGE_NAME, header.value(source, RosterColumn.COLLEGE_NAME),
                errors);
        String majorCode = code(line, RosterColumn.MAJOR_CODE, header.value(source, RosterColumn.MAJOR_CODE), errors);
        String majorName = text(line, RosterColumn.MAJOR_NAME, header.value(source, RosterColumn.MAJOR_NAME),
                errors);

        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        return new Checked(new RosterRow(line, idType.orElseThrow(), idNumber, name, candidateType, collegeCode,
                collegeName, majorCode, majorName), List.of());
    }

    private static Optional<IdType> idType(int line, String cell, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, RosterColumn.ID_TYPE, "ID_TYPE_REQUIRED", "请填写证件类型"));
            return Optional.empty();
        }
        Optional<IdType> type = idTypeNamed(value);
        if (type.isEmpty()) {
            errors.add(error(line, RosterColumn.ID_TYPE, "ID_TYPE_UNKNOWN",
                    "证件类型不正确，应为居民身份证、港澳台居民居住证、港澳台胞证、外国人永久居留身份证或护照"));
        }
        return type;
    }

    static Optional<IdType> idTypeNamed(String value) {
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

    private String idNumber(int line, Optional<IdType> type, String cell, boolean numericCell,
            List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, RosterColumn.ID_NUMBER, InvalidIdNumberException.ID_REQUIRED, "请填写证件号码"));
            return null;
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            errors.add(error(line, RosterColumn.ID_NUMBER, "ID_SCIENTIFIC",
                    "证件号码被Excel存成了数字（科学计数法），15位以后的数字已丢失；请将该列设为文本格式后重新填写"));
            return null;
        }
        if (type.isEmpty()) {
            return null; // the type is already reported; the number cannot be checked without it
        }
        String number;
        try {
            number = IdDocument.parse(type.get(), value, clock).number();
        } catch (InvalidIdNumberException invalid) {
            String reason = invalid.getMessage();
            if (numericCell && value.length() >= 16) {
                reason += "（该单元格是数字格式，Excel只保留15位有效数字，请设为文本格式）";
            }
            errors.add(error(line, RosterColumn.ID_NUMBER, invalid.code(), reason));
            return null;
        }
        Integer earlier = seen.putIfAbsent(type.get().code() + ':' + number, line);
        if (earlier != null) {
            errors.add(error(line, RosterColumn.ID_NUMBER, "ID_DUPLICATE",
                    "与第" + earlier + "行的证件重复，同一证件在一个文件中只能出现一次"));
            return null;
        }
        return number;
    }

    static String name(int line, String cell, List<RowError> errors) {
        String name = cell.strip();
        Optional<String[]> problem = nameProblem(name);
        if (problem.isPresent()) {
            errors.add(error(line, RosterColumn.NAME, problem.get()[0], problem.get()[1]));
            return null;
        }
        return name;
    }

    /** {code, reason} of what is wrong with a trimmed name, or empty when it is fine ({@link PersonName}). */
    static Optional<String[]> nameProblem(String name) {
        return PersonName.problemOf(name).map(problem -> new String[] {problem.code(), problem.reason()});
    }

    private static CandidateType candidateType(int line, String cell, List<RowError> errors) {
        if (cell.isBlank()) {
            errors.add(error(line, RosterColumn.CANDIDATE_TYPE, "CANDIDATE_TYPE_REQUIRED", "请填写考生类型"));
            return null;
        }
        Optional<CandidateType> type = CandidateType.fromRosterCell(cell);
        if (type.isEmpty()) {
            errors.add(error(line, RosterColumn.CANDIDATE_TYPE, "CANDIDATE_TYPE_UNKNOWN",
                    "考生类型不正确，应为校荐、3+2或退役士兵"));
            return null;
        }
        return type.get();
    }

    private static String code(int line, RosterColumn column, String cell, List<RowError> errors) {
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

    private static String text(int line, RosterColumn column, String cell, List<RowError> errors) {
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

    private static RowError error(int line, RosterColumn column, String code, String reason) {
        return new RowError(line, column.header(), code, reason);
    }
}
