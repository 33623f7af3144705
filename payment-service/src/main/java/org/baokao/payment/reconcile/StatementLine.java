package org.baokao.payment.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * One line of a bank's daily statement file (CSV, header {@code type,bankTradeNo,orderNo,amountFen,time,refundNo}):
 * a payment (PAY) or a refund (REFUND).
 */
@DomainModel
record StatementLine(String type, String bankTradeNo, String orderNo, long amountFen, Instant at, String refundNo) {

    static final String HEADER = "type,bankTradeNo,orderNo,amountFen,time,refundNo";

    boolean isPayment() {
        return "PAY".equals(type);
    }

    /** Reads a whole file; any unreadable line refuses the file (400 INVALID_STATEMENT) so nothing is half-imported. */
    static List<StatementLine> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw invalid("对账文件为空");
        }
        String[] lines = csv.strip().split("\\R");
        if (!lines[0].strip().equals(HEADER)) {
            throw invalid("对账文件表头须为 " + HEADER);
        }
        List<StatementLine> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            try {
                if (f.length != 6 || !(f[0].equals("PAY") || f[0].equals("REFUND")) || f[1].isBlank() || f[2].isBlank()) {
                    throw new IllegalArgumentException();
                }
                long amount = Long.parseLong(f[3].strip());
                if (amount <= 0) {
                    throw new IllegalArgumentException();
                }
                out.add(new StatementLine(f[0], f[1].strip(), f[2].strip(), amount, Instant.parse(f[4].strip()),
                        f[5].isBlank() ? null : f[5].strip()));
            } catch (RuntimeException e) {
                throw invalid("对账文件第" + (i + 1) + "行格式错误");
            }
        }
        return out;
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("INVALID_STATEMENT", detail);
    }
}
