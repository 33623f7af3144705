package org.baokao.gateway.waitingroom;

import java.util.OptionalInt;

import org.baokao.domain.DomainModel;

/** What a waiting candidate reads (GW-2): 排队中，您前面还有 N 人，预计等待 M 分钟. */
@DomainModel
public final class QueueMessage {

    private QueueMessage() {
    }

    public static String of(long ahead, OptionalInt minutes) {
        return "排队中，您前面还有 " + ahead + " 人，"
                + (minutes.isPresent() ? "预计等待 " + minutes.getAsInt() + " 分钟" : "正在估算等待时间");
    }
}
