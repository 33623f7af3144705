package org.baokao.payment.channel;

/** The bank did not answer, or answered something that cannot be trusted; the caller retries later. */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChannelUnavailableException(String message) {
        super(message);
    }
}
