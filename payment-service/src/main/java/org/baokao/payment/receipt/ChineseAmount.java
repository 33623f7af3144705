package org.baokao.payment.receipt;

import org.baokao.domain.DomainModel;

/** 人民币大写 for receipts: 23000 fen → 贰佰叁拾元整, 8050 fen → 捌拾元伍角. Amounts below one trillion yuan. */
@DomainModel
final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] BIG_UNITS = {"", "万", "亿"};

    private ChineseAmount() {
    }

    static String of(long fen) {
        if (fen < 0 || fen >= 100_000_000_000_000L) {
            throw new IllegalArgumentException("amount out of range: " + fen);
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder text = new StringBuilder();
        if (yuan > 0) {
            text.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return (yuan == 0 ? "零元" : text.toString()) + "整";
        }
        if (jiao > 0) {
            text.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            text.append('零');
        }
        if (cents > 0) {
            text.append(DIGITS.charAt(cents)).append('分');
        }
        return text.toString();
    }

    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        boolean pendingZero = false;
        for (int group = 2; group >= 0; group--) {
            int part = (int) (value / pow10000(group) % 10000);
            if (part == 0) {
                pendingZero = out.length() > 0;
                continue;
            }
            if (pendingZero || (out.length() > 0 && part < 1000)) {
                out.append('零');
            }
            out.append(group4(part)).append(BIG_UNITS[group]);
            pendingZero = false;
        }
        return out.toString();
    }

    private static String group4(int part) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int digit = part / (int) Math.pow(10, i) % 10;
            if (digit == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS.charAt(digit)).append(SMALL_UNITS[i]);
        }
        return out.toString();
    }

    private static long pow10000(int group) {
        return group == 0 ? 1 : group == 1 ? 10_000L : 100_000_000L;
    }
}
