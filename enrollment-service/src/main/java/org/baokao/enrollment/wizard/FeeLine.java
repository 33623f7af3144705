package org.baokao.enrollment.wizard;

import java.util.List;

import org.baokao.domain.DomainModel;

/** One line of what a confirmed candidate owes (PAY-1): fee code, the name the order shows, amount in fen. */
@DomainModel
public record FeeLine(String code, String name, long amountFen) {

    public static long total(List<FeeLine> lines) {
        return lines.stream().mapToLong(FeeLine::amountFen).sum();
    }
}
