package org.baokao.account.identity;

import static org.baokao.account.identity.InvalidIdNumberException.ID_CHECK_DIGIT;
import static org.baokao.account.identity.InvalidIdNumberException.ID_FORMAT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.personaldata.Masking;

/**
 * An identity document number checked against the rules of its type (ACC-1, ACC-2): the one entry point the
 * registration, login, roster import and forgot-password flows use.
 *
 * <ul>
 *   <li>居民身份证, 港澳台居民居住证: GB 11643-1999, see {@link ResidentIdNumber}; birth date and gender derived.</li>
 *   <li>港澳台胞证: {@code H} or {@code M} + 8 or 10 digits (Hong Kong, Macao), or 8 digits (Taiwan).</li>
 *   <li>外国人永久居留身份证: 2017 format, 3 upper-case letters + 12 digits (15 characters); or 2023 format,
 *       18 characters starting with {@code 9}, 17 digits + MOD 11-2 check character.</li>
 *   <li>护照: 5 to 17 upper-case letters or digits.</li>
 * </ul>
 *
 * Every type: leading/trailing whitespace is trimmed; full-width characters ({@code ID_FULL_WIDTH}) and
 * lower-case letters ({@code ID_LOWERCASE_X} / {@code ID_LOWERCASE}) are refused, never converted.
 * A refusal is an {@link InvalidIdNumberException} with a stable code and a Chinese message.
 *
 * <p>{@link #toString()} is masked, so logging a document does not log the number.
 */
@DomainModel
public final class IdDocument {

    /** Birth dates are compared with today's date in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern HMT_TRAVEL_PERMIT = Pattern.compile("[HM](?:\\d{8}|\\d{10})|\\d{8}");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern FOREIGN_2023 = Pattern.compile("9\\d{16}[\\dX]");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");

    private final IdType type;
    private final String number;
    private final LocalDate birthDate;
    private final Gender gender;

    private IdDocument(IdType type, String number, LocalDate birthDate, Gender gender) {
        this.type = type;
        this.number = number;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** Checks {@code raw} as a number of {@code type}, with today's date in China. */
    public static IdDocument parse(IdType type, String raw) {
        return parse(type, raw, Clock.system(CHINA));
    }

    /** Checks {@code raw} as a number of {@code type}; {@code clock} gives "today" (taken in Asia/Shanghai). */
    public static IdDocument parse(IdType type, String raw, Clock clock) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clock, "clock");
        return switch (type) {
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> {
                ResidentIdNumber id = ResidentIdNumber.parse(type, raw, LocalDate.now(clock.withZone(CHINA)));
                yield new IdDocument(type, id.value(), id.birthDate(), id.gender());
            }
            case HMT_TRAVEL_PERMIT -> simple(type, raw, HMT_TRAVEL_PERMIT,
                    "港澳台胞证号码格式不正确：港澳居民为H或M加8位或10位数字，台湾居民为8位数字");
            case FOREIGN_PERMANENT_RESIDENT -> foreignPermanentResident(raw);
            case PASSPORT -> simple(type, raw, PASSPORT, "护照号码应为5至17位大写字母或数字");
        };
    }

    private static IdDocument simple(IdType type, String raw, Pattern format, String formatMessage) {
        String value = IdNumberText.strip(raw);
        IdNumberText.refuseLowerCase(value);
        if (!format.matcher(value).matches()) {
            throw new InvalidIdNumberException(ID_FORMAT, formatMessage);
        }
        return new IdDocument(type, value, null, null);
    }

    private static IdDocument foreignPermanentResident(String raw) {
        String value = IdNumberText.strip(raw);
        IdNumberText.refuseLowerCase(value);
        if (FOREIGN_2023.matcher(value).matches()) {
            if (Gb11643.checkCharacter(value) != value.charAt(17)) {
                throw new InvalidIdNumberException(ID_CHECK_DIGIT, "证件号码校验位不正确，请核对");
            }
        } else if (!FOREIGN_2017.matcher(value).matches()) {
            throw new InvalidIdNumberException(ID_FORMAT,
                    "外国人永久居留身份证号码格式不正确：应为3位大写字母加12位数字，或以9开头的18位号码");
        }
        return new IdDocument(IdType.FOREIGN_PERMANENT_RESIDENT, value, null, null);
    }

    public IdType type() {
        return type;
    }

    /** The normalized number (trimmed, as checked): store this, hash this, compare this. */
    public String number() {
        return number;
    }

    /** Derived from the number for 居民身份证 and 港澳台居民居住证; empty for the other types. */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** Derived from the number for 居民身份证 and 港澳台居民居住证; empty for the other types. */
    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdDocument that && type == that.type && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + number.hashCode();
    }

    /** Masked, for logs: {@code RESIDENT_ID 37**************34}. */
    @Override
    public String toString() {
        return type.code() + " " + Masking.idNumber(number);
    }
}
