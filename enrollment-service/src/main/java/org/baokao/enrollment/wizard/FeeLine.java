package org.baokao.enrollment.wizard;

import java.util.List;

/** One line of what a confirmed candidate owes (PAY-1): fee code, the name the order shows, amount in fen. */
public record FeeLine(String code, String name, long amountFen) {

    public static long total(List<FeeLine> lines) {
        return lines.stream().mapToLong(FeeLine::amountFen).sum();
    }
}
