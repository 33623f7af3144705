package org.baokao.personaldata;

/**
 * A sealed value that cannot be opened: unknown key id, truncated, tampered with, or sealed under another key
 * id. Never answered with a wrong value; this is a server-side fault (500), not something a candidate can fix.
 */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
