package org.baokao.enrollment.lists;

import java.time.Instant;
import java.util.UUID;

/** An export as stored (without its file): what was asked, by whom, for which reason, and how far it got. */
public record Export(UUID id, String bureau, String examCode, ListKind kind, Grouping grouping, ExportFormat format,
        ListScope scope, String reason, String requestedBy, String requestedByName, Status status, Integer rowsTotal,
        int rowsDone, String fileName, String failure, Instant createdAt, Instant finishedAt) {

    public enum Status {
        QUEUED("排队中"), RUNNING("生成中"), DONE("已完成"), FAILED("失败");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** 0–100: rows written of the rows counted (100 once the file is stored). */
    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        if (rowsTotal == null || rowsTotal == 0) {
            return 0;
        }
        return (int) Math.min(99, rowsDone * 100L / rowsTotal);
    }
}
