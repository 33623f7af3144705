package org.baokao.account.existing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baokao.account.account.AdmissionNumber;
import org.baokao.account.fileimport.RowChecker;
import org.baokao.account.fileimport.RowFields;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.domain.DomainModel;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableHeader;

/**
 * Checks the rows of one 在籍考生 file (ACC-9) and reports every problem of a row:
 *
 * <ul>
 *   <li>证件类型, 证件号码, 姓名 as every import checks them ({@link RowFields});</li>
 *   <li>准考证号: 1 to 32 letters or digits (stored upper-case);</li>
 *   <li>主考学校代码, 专业代码: codes (1 to 20 letters, digits, {@code -}, {@code _});</li>
 *   <li>手机号 (optional): a mainland mobile number of 11 digits; 电子邮箱 (optional): an address, its domain kept in
 *       lower case.</li>
 * </ul>
 *
 * Several rows of one document are one candidate holding several universities + majors; so a later row of the same
 * document must agree with the first on 姓名 and 准考证号, and on 手机号 and 电子邮箱 where both rows give one; the same
 * university + major twice, or a 准考证号 another document's row used, is refused on the later line, naming the
 * earlier one. One checker per file: it remembers the candidates seen. Not thread-safe.
 */
@DomainModel
final class ExistingRowChecker implements RowChecker<ExistingRow> {

    static final Pattern ADMISSION_NUMBER = Pattern.compile("[0-9A-Z]{1,32}");
    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final int MAX_EMAIL_LENGTH = 100;

    private final TableHeader header;
    private final Clock clock;
    /** The first row of each candidate, by document. */
    private final Map<String, ExistingRow> people = new HashMap<>();
    /** Which document's row used a 准考证号 first. */
    private final Map<String, ExistingRow> admissionNumbers = new HashMap<>();
    /** The line of each candidate's university + major. */
    private final Map<String, Integer> held = new HashMap<>();

    ExistingRowChecker(TableHeader header, Clock clock) {
        this.header = header;
        this.clock = clock;
    }

    @Override
    public Checked<ExistingRow> check(SourceRow source) {
        int line = source.line();
        List<RowError> errors = new ArrayList<>(2);

        Optional<IdType> idType = RowFields.idType(line, ExistingColumn.ID_TYPE, cell(source, ExistingColumn.ID_TYPE),
                errors);
        String idNumber = RowFields.idNumber(line, ExistingColumn.ID_NUMBER, idType,
                cell(source, ExistingColumn.ID_NUMBER), header.numeric(source, ExistingColumn.ID_NUMBER), clock,
                errors);
        String name = RowFields.name(line, ExistingColumn.NAME, cell(source, ExistingColumn.NAME), errors);
        String admissionNumber = admissionNumber(line, cell(source, ExistingColumn.ADMISSION_NUMBER), errors);
        String universityCode = RowFields.code(line, ExistingColumn.UNIVERSITY_CODE,
                cell(source, ExistingColumn.UNIVERSITY_CODE), errors);
        String majorCode = RowFields.code(line, ExistingColumn.MAJOR_CODE, cell(source, ExistingColumn.MAJOR_CODE),
                errors);
        String phone = phone(line, cell(source, ExistingColumn.PHONE), errors);
        String email = email(line, cell(source, ExistingColumn.EMAIL), errors);
        if (!errors.isEmpty()) {
            return Checked.refused(errors);
        }
        ExistingRow row = new ExistingRow(line, IdDocument.parse(idType.orElseThrow(), idNumber, clock), name,
                admissionNumber, universityCode, majorCode, phone, email);
        agreesWithEarlierRows(row, errors);
        if (!errors.isEmpty()) {
            return Checked.refused(errors);
        }
        people.putIfAbsent(row.personKey(), row);
        admissionNumbers.putIfAbsent(row.admissionNumber(), row);
        held.put(row.personKey() + '|' + row.universityCode() + '|' + row.majorCode(), line);
        return Checked.accepted(row);
    }

    /** A later row of a candidate against their first; a 准考证号 against other candidates'; no holding twice. */
    private void agreesWithEarlierRows(ExistingRow row, List<RowError> errors) {
        int line = row.line();
        ExistingRow first = people.get(row.personKey());
        if (first != null) {
            String earlier = "与第" + first.line() + "行同一证件号码的";
            if (!first.name().equals(row.name())) {
                errors.add(RowFields.error(line, ExistingColumn.NAME, "NAME_MISMATCH", earlier + "姓名不一致"));
            }
            if (!first.admissionNumber().equals(row.admissionNumber())) {
                errors.add(RowFields.error(line, ExistingColumn.ADMISSION_NUMBER, "ADMISSION_NUMBER_MISMATCH",
                        earlier + "准考证号不一致，同一考生只有一个准考证号"));
            }
            if (differ(first.phone(), row.phone())) {
                errors.add(RowFields.error(line, ExistingColumn.PHONE, "PHONE_MISMATCH", earlier + "手机号不一致"));
            }
            if (differ(first.email(), row.email())) {
                errors.add(RowFields.error(line, ExistingColumn.EMAIL, "EMAIL_MISMATCH", earlier + "电子邮箱不一致"));
            }
        }
        ExistingRow numberUser = admissionNumbers.get(row.admissionNumber());
        if (numberUser != null && !numberUser.personKey().equals(row.personKey())) {
            errors.add(RowFields.error(line, ExistingColumn.ADMISSION_NUMBER, "ADMISSION_NUMBER_DUPLICATE",
                    "与第" + numberUser.line() + "行另一考生的准考证号相同"));
        }
        Integer sameHolding = held.get(row.personKey() + '|' + row.universityCode() + '|' + row.majorCode());
        if (sameHolding != null) {
            errors.add(RowFields.error(line, ExistingColumn.MAJOR_CODE, "UNIVERSITY_MAJOR_DUPLICATE",
                    "与第" + sameHolding + "行重复：同一考生的同一主考学校和专业只能出现一次"));
        }
    }

    private static boolean differ(String first, String later) {
        return first != null && later != null && !Objects.equals(first, later);
    }

    private String cell(SourceRow source, ExistingColumn column) {
        return header.value(source, column);
    }

    private static String admissionNumber(int line, String cell, List<RowError> errors) {
        if (cell.isBlank()) {
            errors.add(RowFields.error(line, ExistingColumn.ADMISSION_NUMBER, "ADMISSION_NUMBER_REQUIRED",
                    "请填写准考证号"));
            return null;
        }
        String number = AdmissionNumber.normalize(cell);
        if (number == null || !ADMISSION_NUMBER.matcher(number).matches()) {
            errors.add(RowFields.error(line, ExistingColumn.ADMISSION_NUMBER, "ADMISSION_NUMBER_FORMAT",
                    "准考证号应为1至32位字母或数字"));
            return null;
        }
        return number;
    }

    private static String phone(int line, String cell, List<RowError> errors) {
        String phone = cell.strip();
        if (phone.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.add(RowFields.error(line, ExistingColumn.PHONE, "PHONE_INVALID", "手机号应为11位手机号码，没有可留空"));
            return null;
        }
        return phone;
    }

    private static String email(int line, String cell, List<RowError> errors) {
        String email = cell.strip();
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add(RowFields.error(line, ExistingColumn.EMAIL, "EMAIL_INVALID", "电子邮箱格式不正确，没有可留空"));
            return null;
        }
        // as accounts keep an address: the mailbox as written, the domain (case-insensitive) in lower case
        int at = email.lastIndexOf('@');
        return email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
    }
}
