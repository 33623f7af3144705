package org.baokao.enrollment.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.wizard.Track;

/**
 * The columns of an export and each row's cells. What is in clear: the name (the exam-site sign-in lists need it;
 * this service holds the roster's name, sealed; an open registration's candidate has none here, so the cell is empty).
 * The ID number and phone are written masked: this service never holds them in clear (ACC-10), and a list that needs
 * them whole is account-service's to reveal. Times in Beijing time, money in 元.
 */
@DomainModel
final class ExportTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Exam.ZONE);

    private static final List<String> ENROLLMENT_HEADER = List.of("序号", "考点代码", "考点名称", "姓名", "证件号码",
            "手机号", "报考类型", "科目组", "报名状态", "应缴金额(元)", "确认时间", "完成时间");
    private static final List<String> COURSE_ORDER_HEADER = List.of("序号", "主考学校代码", "主考学校名称", "准考证号",
            "姓名", "证件号码", "手机号", "课程", "金额(元)", "订单状态", "结算时间", "缴费时间");

    private final Exam exam;

    ExportTable(Exam exam) {
        this.exam = exam;
    }

    List<String> header() {
        return exam.kind() == ExamKind.SELF_STUDY ? COURSE_ORDER_HEADER : ENROLLMENT_HEADER;
    }

    /** A group's title: the 考点's or the 主考学校's code and name. */
    String groupTitle(String group, ListedCandidate first) {
        if (group == null) {
            return "未选择考点";
        }
        if (exam.kind() == ExamKind.SELF_STUDY) {
            String name = first.courses().stream().map(ListedCandidate.ListedCourse::universityName)
                    .filter(Objects::nonNull).findFirst().orElse("");
            return (group + " " + name).strip();
        }
        return group + " " + exam.location(group).map(ExamLocation::name).orElse("");
    }

    List<Object> cells(int number, ListedCandidate row) {
        List<Object> cells = new ArrayList<>();
        cells.add(number);
        if (exam.kind() == ExamKind.SELF_STUDY) {
            ListedCandidate.ListedCourse first = row.courses().isEmpty() ? null : row.courses().getFirst();
            cells.add(first == null ? null : first.universityCode());
            cells.add(first == null ? null : first.universityName());
            cells.add(row.admissionNumber());
            cells.add(row.name());
            cells.add(row.maskedIdNumber());
            cells.add(row.maskedPhone());
            cells.add(row.courses().stream().map(course -> course.courseCode() + " " + nullToEmpty(course.courseName()))
                    .collect(Collectors.joining("；")));
        } else {
            cells.add(row.locationCode());
            cells.add(row.locationCode() == null ? null
                    : exam.location(row.locationCode()).map(ExamLocation::name).orElse(null));
            cells.add(row.name());
            cells.add(row.maskedIdNumber());
            cells.add(row.maskedPhone());
            cells.add(row.track() == null ? null : trackTitle(row.track()));
            cells.add(row.subjectGroupCode());
        }
        cells.add(row.statusName());
        cells.add(BigDecimal.valueOf(row.feeFen(), 2));
        cells.add(time(row.confirmedAt()));
        cells.add(time(row.paidAt()));
        return cells;
    }

    private static String trackTitle(String track) {
        return Track.valueOf(track).title();
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
