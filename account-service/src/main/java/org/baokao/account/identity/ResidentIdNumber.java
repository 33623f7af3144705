package org.baokao.account.identity;

import static org.baokao.account.identity.InvalidIdNumberException.ID_BIRTH_DATE;
import static org.baokao.account.identity.InvalidIdNumberException.ID_CHARACTERS;
import static org.baokao.account.identity.InvalidIdNumberException.ID_CHECK_DIGIT;
import static org.baokao.account.identity.InvalidIdNumberException.ID_LENGTH;
import static org.baokao.account.identity.InvalidIdNumberException.ID_LOWERCASE_X;
import static org.baokao.account.identity.InvalidIdNumberException.ID_REGION;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.personaldata.Masking;

/**
 * A GB 11643-1999 citizen identity number (公民身份号码) as printed on a 居民身份证, or the same structure on a
 * 港澳台居民居住证 (ACC-2). Valid only if: 18 characters, 17 ASCII digits plus a digit or upper-case {@code X};
 * a region code the document allows; a real birth date (yyyyMMdd) between 1900-01-01 and today; the
 * MOD 11-2 check character. Birth date and gender are read from the number, never typed.
 *
 * <p>Checks run in this order and the first failure wins: {@code ID_REQUIRED}, {@code ID_FULL_WIDTH},
 * {@code ID_LENGTH}, {@code ID_LOWERCASE_X}, {@code ID_CHARACTERS}, {@code ID_REGION}, {@code ID_BIRTH_DATE},
 * {@code ID_CHECK_DIGIT}. Leading/trailing whitespace is trimmed; nothing else is corrected.
 *
 * <p>{@link #toString()} is masked ({@code 37**************34}) so the number cannot leak into a log line.
 */
@DomainModel
public final class ResidentIdNumber {

    /** The earliest birth date accepted. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Province-level codes of the mainland (GB/T 2260): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65. */
    private static final Set<String> MAINLAND_PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65");

    /** 港澳台居民居住证 numbers start with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan). */
    private static final Set<String> HMT_RESIDENCE_PERMIT_REGIONS = Set.of("810000", "820000", "830000");

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private ResidentIdNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** A 居民身份证 number; {@code today} is the current date in China (a later birth date is refused). */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        return parse(IdType.RESIDENT_ID, raw, today);
    }

    /** A 港澳台居民居住证 number: the same rules, but the region must be 810000, 820000 or 830000. */
    public static ResidentIdNumber parseResidencePermit(String raw, LocalDate today) {
        return parse(IdType.HMT_RESIDENCE_PERMIT, raw, today);
    }

    static ResidentIdNumber parse(IdType type, String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String value = IdNumberText.strip(raw);
        if (value.length() != 18) {
            throw new InvalidIdNumberException(ID_LENGTH, type.displayName() + "号码应为18位");
        }
        if (value.charAt(17) == 'x' && allDigits(value, 0, 17)) {
            throw new InvalidIdNumberException(ID_LOWERCASE_X, "证件号码末位X请使用大写");
        }
        if (!Gb11643.hasShape(value)) {
            throw new InvalidIdNumberException(ID_CHARACTERS, "证件号码应由17位数字和1位数字或大写X组成");
        }
        checkRegion(type, value);
        LocalDate birthDate = birthDate(value, today);
        if (Gb11643.checkCharacter(value) != value.charAt(17)) {
            throw new InvalidIdNumberException(ID_CHECK_DIGIT, "证件号码校验位不正确，请核对");
        }
        Gender gender = (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new ResidentIdNumber(value, birthDate, gender);
    }

    private static void checkRegion(IdType type, String value) {
        if (type == IdType.HMT_RESIDENCE_PERMIT) {
            if (!HMT_RESIDENCE_PERMIT_REGIONS.contains(value.substring(0, 6))) {
                throw new InvalidIdNumberException(ID_REGION, "港澳台居民居住证号码应以810000、820000或830000开头");
            }
        } else if (!MAINLAND_PROVINCES.contains(value.substring(0, 2))) {
            throw new InvalidIdNumberException(ID_REGION, "证件号码中的地区代码无效");
        }
    }

    private static LocalDate birthDate(String value, LocalDate today) {
        int year = Integer.parseInt(value, 6, 10, 10);
        int month = Integer.parseInt(value, 10, 12, 10);
        int day = Integer.parseInt(value, 12, 14, 10);
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day); // refuses month 13, 02-30, 1900-02-29...
        } catch (DateTimeException notADate) {
            throw invalidBirthDate();
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE) || date.isAfter(today)) {
            throw invalidBirthDate();
        }
        return date;
    }

    private static InvalidIdNumberException invalidBirthDate() {
        return new InvalidIdNumberException(ID_BIRTH_DATE, "证件号码中的出生日期无效");
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!IdNumberText.isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The normalized number: 18 characters, upper-case {@code X}. */
    public String value() {
        return value;
    }

    /** The 6-digit administrative region code at the start of the number. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, for logs: {@code 37**************34}. */
    @Override
    public String toString() {
        return Masking.idNumber(value);
    }
}
