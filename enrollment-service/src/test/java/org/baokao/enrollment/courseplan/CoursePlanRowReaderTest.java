package org.baokao.enrollment.courseplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableHeader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One row of a course plan file read into a course (ENR-1, ENR-9): the cells' forms and every unreadable cell. */
class CoursePlanRowReaderTest {

    static final List<String> HEADER = List.of("主考学校代码", "专业代码", "课程类别", "课程代码", "课程名称", "学分",
            "报考费（元）", "考试日期", "时段", "实践课缴费");
    private final TableHeader header = TableHeader.of(new SourceRow(1, HEADER), CoursePlanColumn.ALL);

    @Test
    @DisplayName("ENR-9: a theory row: fee in yuan to fen, the date in its written forms, 上午/下午")
    void aTheoryRow() {
        CoursePlanRow row = read("10246", "B050301", "理论", "00642", "传播学概论", "5", "45", "2026-10-24", "上午", "")
                .row();

        assertThat(row.line()).isEqualTo(2);
        assertThat(row.universityCode()).isEqualTo("10246");
        assertThat(row.majorCode()).isEqualTo("B050301");
        assertThat(row.theory()).isEqualTo(new TheoryCourse("00642", "传播学概论", 5, 4500L, LocalDate.of(2026, 10, 24),
                HalfDay.AM));
        assertThat(row.practical()).isNull();

        for (String date : List.of("2026/10/24", "2026.10.24", "2026年10月24日", " 2026-10-24 ")) {
            assertThat(read("10246", "B050301", "理论课", "00642", "传播学概论", "5", "45.00", date, "AM", "").row()
                    .theory().date()).as(date).isEqualTo(LocalDate.of(2026, 10, 24));
        }
        assertThat(read("10246", "B050301", "理论", "00642", "传播学概论", "5", "45.5", "2026-10-25", "下午", "").row()
                .theory()).extracting(TheoryCourse::feeFen, TheoryCourse::halfDay).containsExactly(4550L, HalfDay.PM);
    }

    @Test
    @DisplayName("ENR-1: a spreadsheet's date cell (days since 1899-12-30) is the date it shows")
    void aSpreadsheetDateCell() {
        SourceRow source = new SourceRow(3, List.of("10246", "B050301", "理论", "00642", "传播学概论", "5", "45", "46319",
                "上午", ""), Arrays.asList(false, false, false, false, false, true, true, true, false, false));

        assertThat(CoursePlanRowReader.read(source, header).row().theory().date()).isEqualTo(LocalDate.of(2026, 10, 24));
        SourceRow typed = new SourceRow(3, source.cells());
        assertThat(CoursePlanRowReader.read(typed, header).errors()).as("typed as text, 46319 is no date")
                .extracting(RowError::code).containsExactly("DATE_INVALID");
    }

    @Test
    @DisplayName("SST-5: practical rows of both categories; their payment; no fee; a set time or none")
    void practicalRows() {
        PracticalCourse photography = read("10246", "B050301", "非公共实践", "10287", "新闻摄影（实践）", "2", "",
                "2026-10-25", "上午", "审核后缴费").row().practical();
        PracticalCourse computing = read("10246", "B050301", "公共实践类", "00019", "计算机应用基础（实践）", "", "", "", "",
                "院校收费").row().practical();

        assertThat(photography).isEqualTo(new PracticalCourse("10287", "新闻摄影（实践）", 2, PracticalCategory.NON_PUBLIC,
                PracticalPayment.REVIEW_BEFORE_PAYMENT, LocalDate.of(2026, 10, 25), HalfDay.AM));
        assertThat(computing).isEqualTo(new PracticalCourse("00019", "计算机应用基础（实践）", null,
                PracticalCategory.PUBLIC, PracticalPayment.AT_UNIVERSITY, null, null));
    }

    @Test
    @DisplayName("ENR-1: every unreadable cell of a row is reported with its column, code and Chinese reason")
    void unreadableCells() {
        assertThat(errors(read("", " ", "理论", "", "传播学概论", "五", "", "10/24", "晚上", "院校收费"))).containsExactly(
                "主考学校代码 UNIVERSITY_CODE_REQUIRED 请填写主考学校代码",
                "专业代码 MAJOR_CODE_REQUIRED 请填写专业代码",
                "课程代码 COURSE_CODE_REQUIRED 请填写课程代码",
                "学分 CREDITS_INVALID 学分应为整数",
                "报考费（元） FEE_REQUIRED 请填写理论课的报考费（元）",
                "考试日期 DATE_INVALID 考试日期不正确，应写作2026-10-24",
                "时段 HALF_DAY_INVALID 时段应为上午或下午",
                "实践课缴费 PAYMENT_NOT_ALLOWED 理论课不填写实践课缴费（理论课通过公共支付平台缴费）");
        assertThat(errors(read("1", "2", "理论", "3", "x", "1", "45.123", "2026-02-30", "上午", ""))).containsExactly(
                "报考费（元） FEE_INVALID 报考费（元）应为金额，最多两位小数，如45或45.00",
                "考试日期 DATE_INVALID 考试日期不正确，应写作2026-10-24");
        assertThat(errors(read("1", "2", "理论", "3", "x", "1", "0", "2026-10-24", "上午", "")))
                .containsExactly("报考费（元） FEE_INVALID 报考费（元）应大于0");
        assertThat(errors(read("1", "2", "理论", "3", "x", "1", "100000.01", "2026-10-24", "上午", "")))
                .containsExactly("报考费（元） FEE_TOO_LARGE 报考费（元）不能超过100000元");
        assertThat(errors(read("1", "2", "公共实践", "3", "x", "1", "45", "", "", "代收")))
                .containsExactly("报考费（元） FEE_NOT_ALLOWED 实践课不在报名网站缴费（缴费以院校通知为准），报考费（元）应留空",
                        "实践课缴费 PAYMENT_INVALID 实践课缴费应为审核后缴费或院校收费");
        assertThat(errors(read("1", "2", "选修", "3", "x", "1", "45", "", "", "")))
                .containsExactly("课程类别 CATEGORY_INVALID 课程类别应为理论、公共实践或非公共实践");
        assertThat(errors(read("1", "2", "", "3", "x", "1", "45", "", "", "")))
                .containsExactly("课程类别 CATEGORY_REQUIRED 请填写课程类别（理论、公共实践或非公共实践）");
    }

    private CoursePlanRowReader.Read read(String... cells) {
        return CoursePlanRowReader.read(new SourceRow(2, List.of(cells)), header);
    }

    private static List<String> errors(CoursePlanRowReader.Read read) {
        assertThat(read.row()).isNull();
        return read.errors().stream().map(e -> e.field() + " " + e.code() + " " + e.reason()).toList();
    }
}
