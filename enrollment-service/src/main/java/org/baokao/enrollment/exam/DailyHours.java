package org.baokao.enrollment.exam;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/**
 * The hours of each day something is open, in Asia/Shanghai, e.g. 09:00–17:00 for Shandong's payment days
 * (缴费时间每天9:00至17:00). Half-open [opens, closes), in minutes after midnight; closes may be 24:00, so
 * 00:00–24:00 is the whole day. A window across midnight is not supported.
 */
@DomainModel
public record DailyHours(int opensMinute, int closesMinute) {

    public static final DailyHours ALL_DAY = new DailyHours(0, 24 * 60);
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

    public DailyHours {
        if (opensMinute < 0 || closesMinute > 24 * 60 || opensMinute >= closesMinute) {
            throw new IllegalArgumentException("daily hours must be 00:00 <= opens < closes <= 24:00, not "
                    + format(opensMinute) + "–" + format(closesMinute));
        }
    }

    /** {@code "08:00"} and {@code "22:00"}; empty when either is not HH:mm or they are out of order. */
    public static Optional<DailyHours> parse(String opens, String closes) {
        Optional<Integer> from = minutes(opens);
        Optional<Integer> to = minutes(closes);
        if (from.isEmpty() || to.isEmpty() || from.get() >= to.get() || from.get() >= 24 * 60) {
            return Optional.empty();
        }
        return Optional.of(new DailyHours(from.get(), to.get()));
    }

    /** Whether the wall-clock time {@code time} (Asia/Shanghai) falls within these hours. */
    public boolean contains(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= opensMinute && minute < closesMinute;
    }

    public String opens() {
        return format(opensMinute);
    }

    public String closes() {
        return format(closesMinute);
    }

    public boolean isAllDay() {
        return opensMinute == 0 && closesMinute == 24 * 60;
    }

    @Override
    public String toString() {
        return opens() + "–" + closes();
    }

    private static Optional<Integer> minutes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = HH_MM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        return minute > 24 * 60 ? Optional.empty() : Optional.of(minute);
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
