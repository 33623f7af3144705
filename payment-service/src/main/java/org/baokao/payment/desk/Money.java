package org.baokao.payment.desk;

/** Fen as the desks show them beside the figure: 元 with two decimals. */
public final class Money {

    private Money() {
    }

    public static String yuan(Long fen) {
        if (fen == null) {
            return null;
        }
        return String.format("%s%d.%02d", fen < 0 ? "-" : "", Math.abs(fen) / 100, Math.abs(fen) % 100);
    }
}
