package org.baokao.account.identity;

/**
 * An ID number that is refused, with a stable {@link #code()} the UI and tests switch on and a Chinese
 * {@link #getMessage() message} for the candidate. The message never contains the number itself.
 * Plain Java on purpose: the web layer maps it to a 400 problem ({@code Refusal.invalid(code, message)}).
 */
public class InvalidIdNumberException extends RuntimeException {

    /** Nothing was entered (null, empty or only whitespace). */
    public static final String ID_REQUIRED = "ID_REQUIRED";
    /** Full-width characters (０-９, Ｘ, full-width letters, full-width space inside the number). */
    public static final String ID_FULL_WIDTH = "ID_FULL_WIDTH";
    /** A GB 11643 shaped number is not 18 characters long. */
    public static final String ID_LENGTH = "ID_LENGTH";
    /** The last character is a lower-case {@code x}. */
    public static final String ID_LOWERCASE_X = "ID_LOWERCASE_X";
    /** Lower-case letters in a document number whose letters are upper-case. */
    public static final String ID_LOWERCASE = "ID_LOWERCASE";
    /** A GB 11643 shaped number has something other than 17 digits and a final digit or {@code X}. */
    public static final String ID_CHARACTERS = "ID_CHARACTERS";
    /** The region code is not one the document type allows. */
    public static final String ID_REGION = "ID_REGION";
    /** The embedded birth date is not a real date, is in the future or before 1900-01-01. */
    public static final String ID_BIRTH_DATE = "ID_BIRTH_DATE";
    /** The ISO 7064 MOD 11-2 check character does not match. */
    public static final String ID_CHECK_DIGIT = "ID_CHECK_DIGIT";
    /** The number does not have the shape of the chosen document type (types other than GB 11643). */
    public static final String ID_FORMAT = "ID_FORMAT";

    private final String code;

    public InvalidIdNumberException(String code, String chineseMessage) {
        // a validation outcome, not a bug: no stack trace to fill (cheap, and nothing to log)
        super(chineseMessage, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
