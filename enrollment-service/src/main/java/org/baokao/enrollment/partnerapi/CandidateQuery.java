package org.baokao.enrollment.partnerapi;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.personaldata.Masking;

/**
 * The candidate a partner names (API-1 verify, API-3 admission): ID type, ID number and name, as typed by another
 * bureau's system, normalised the way the platform stores them so that the keyed hash of {@link #idNumber()} is the
 * one account-service computed: every space removed (the full-width one too), full-width letters and digits made
 * half-width (０-９, Ｘ), letters upper-case ({@code x} → {@code X}). Unlike a candidate's own form, which refuses such
 * input so the candidate corrects it, a partner's data is whatever its own database holds: it is normalised, not
 * refused. What cannot be a number of the type at all is refused (400) with a stable code.
 *
 * <p>The name is compared after Unicode NFKC (full-width forms), with the separators a name may hold
 * ({@code ·・•‧}) made one and runs of spaces made one space. {@link #toString()} is masked.
 */
@DomainModel
public final class CandidateQuery {

    /** The ID types of the platform (account-service's IdType codes). */
    static final Set<String> ID_TYPES = Set.of("RESIDENT_ID", "HMT_RESIDENCE_PERMIT", "HMT_TRAVEL_PERMIT",
            "FOREIGN_PERMANENT_RESIDENT", "PASSPORT");
    static final int MAX_NAME_LENGTH = 50;

    private static final Pattern GB11643 = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{5,18}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern NAME_DOTS = Pattern.compile("[·・•‧]");

    private final String idType;
    private final String idNumber;
    private final String name;

    private CandidateQuery(String idType, String idNumber, String name) {
        this.idType = idType;
        this.idNumber = idNumber;
        this.name = name;
    }

    /** Normalises and checks what a partner sent; 400 with a stable code when it cannot name anyone. */
    public static CandidateQuery of(String idType, String idNumber, String name) {
        String type = idType == null ? "" : idType.strip();
        if (type.isEmpty()) {
            throw Refusal.invalid("ID_TYPE_REQUIRED", "请提供证件类型 idType");
        }
        if (!ID_TYPES.contains(type)) {
            throw Refusal.invalid("ID_TYPE_INVALID",
                    "证件类型 idType 不正确，应为 RESIDENT_ID、HMT_RESIDENCE_PERMIT、HMT_TRAVEL_PERMIT、"
                            + "FOREIGN_PERMANENT_RESIDENT 或 PASSPORT");
        }
        String number = normalizeIdNumber(idNumber);
        if (number.isEmpty()) {
            throw Refusal.invalid("ID_NUMBER_REQUIRED", "请提供证件号码 idNumber");
        }
        boolean gb11643 = type.equals("RESIDENT_ID") || type.equals("HMT_RESIDENCE_PERMIT");
        if (gb11643 ? !GB11643.matcher(number).matches() : !DOCUMENT.matcher(number).matches()) {
            throw Refusal.invalid("ID_NUMBER_INVALID", gb11643 ? "证件号码 idNumber 应为18位，前17位为数字，末位为数字或X"
                    : "证件号码 idNumber 应为5至18位字母或数字");
        }
        String normalizedName = normalizeName(name);
        if (normalizedName.isEmpty()) {
            throw Refusal.invalid("NAME_REQUIRED", "请提供考生姓名 name");
        }
        if (normalizedName.codePointCount(0, normalizedName.length()) > MAX_NAME_LENGTH) {
            throw Refusal.invalid("NAME_TOO_LONG", "考生姓名 name 不能超过" + MAX_NAME_LENGTH + "个字");
        }
        return new CandidateQuery(type, number, normalizedName);
    }

    /** Spaces out, full-width ASCII forms to ASCII, upper case: the number as account-service hashed it. */
    static String normalizeIdNumber(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder number = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            int ascii = c >= '\uFF01' && c <= '\uFF5E' ? c - 0xFEE0 : c;
            number.appendCodePoint(ascii >= 'a' && ascii <= 'z' ? ascii - ('a' - 'A') : ascii);
        });
        return number.toString();
    }

    /** NFKC, one kind of separator dot, single spaces, trimmed: two spellings of one name compare equal. */
    static String normalizeName(String raw) {
        if (raw == null) {
            return "";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        name = NAME_DOTS.matcher(name).replaceAll("·");
        return SPACES.matcher(name).replaceAll(" ").strip();
    }

    public String idType() {
        return idType;
    }

    /** The normalised number: hash this (LookupHasher), never store or log it. */
    public String idNumber() {
        return idNumber;
    }

    /** Whether {@code storedName} (a roster's name, unsealed) is the name the partner gave. */
    public boolean isNamed(String storedName) {
        return storedName != null && name.equals(normalizeName(storedName));
    }

    /** The number masked, for the audit trail and logs. */
    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }

    @Override
    public String toString() {
        return "CandidateQuery[" + idType + " " + maskedIdNumber() + ", name=" + Masking.name(name) + "]";
    }
}
