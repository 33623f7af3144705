package org.baokao.payment.order;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.baokao.domain.DomainModel;

/**
 * The exam's payment window (PAY-3): payment dates [opensAt, closesAt) and, on each of them, the daily hours
 * [dailyOpens, dailyCloses) in Asia/Shanghai ("24:00" = end of day). A window whose parts are unknown (an
 * EnrollmentConfirmed from before issue 7) does not restrict: the enrollment was confirmed inside registration.
 */
@DomainModel
public record PaymentWindow(Instant opensAt, Instant closesAt, String dailyOpens, String dailyCloses) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public boolean isOpenAt(Instant moment) {
        if (opensAt != null && moment.isBefore(opensAt) || closesAt != null && !moment.isBefore(closesAt)) {
            return false;
        }
        if (dailyOpens == null || dailyCloses == null) {
            return true;
        }
        LocalTime time = moment.atZone(ZONE).toLocalTime();
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= minutes(dailyOpens) && minute < minutes(dailyCloses);
    }

    /** 缴费时间, as the candidate reads it: "2023-03-10 至 2023-03-20，每天 09:00–17:00（北京时间）". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (opensAt != null && closesAt != null) {
            text.append(opensAt.atZone(ZONE).toLocalDate()).append(" 至 ")
                    .append(closesAt.minusSeconds(1).atZone(ZONE).toLocalDate()).append("，");
        }
        if (dailyOpens != null && dailyCloses != null) {
            text.append("每天 ").append(dailyOpens).append("–").append(dailyCloses);
        } else {
            text.append("全天");
        }
        return text.append("（北京时间）").toString();
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }
}
