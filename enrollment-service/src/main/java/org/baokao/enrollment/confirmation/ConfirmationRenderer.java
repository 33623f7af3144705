package org.baokao.enrollment.confirmation;

import static org.baokao.enrollment.confirmation.SheetParts.LEFT;
import static org.baokao.enrollment.confirmation.SheetParts.PHOTO_HEIGHT;
import static org.baokao.enrollment.confirmation.SheetParts.PHOTO_WIDTH;
import static org.baokao.enrollment.confirmation.SheetParts.RIGHT;
import static org.baokao.enrollment.confirmation.SheetParts.header;
import static org.baokao.enrollment.confirmation.SheetParts.heading;
import static org.baokao.enrollment.confirmation.SheetParts.photo;
import static org.baokao.enrollment.confirmation.SheetParts.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.baokao.pdf.FontWeight;
import org.baokao.pdf.PdfForm;
import org.baokao.pdf.PdfForm.Column;
import org.springframework.stereotype.Component;

/**
 * The 报考信息确认单 (SST-7) as an A4 PDF drawn with libs/pdf (Noto Sans SC embedded): title and bureau, the photo
 * at the top right (照片 in its frame when there is none), the candidate, the universities and majors, the paid theory
 * courses by exam time with the total, the practical courses with their state, notes, time printed. The tables go on
 * to a second page when a candidate holds many courses.
 */
@Component
class ConfirmationRenderer {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");
    private static final float TABLE_TEXT = 9.5f;
    private static final List<String> NOTES = List.of(
            "1. 只有支付成功的课程才报考有效；本确认单列出打印时已支付成功的理论课程和已报考的实践课程。",
            "2. 同一考试时间内只能参加一门课程的考试，请核对各课程的考试时间。",
            "3. 实践课缴费以院校通知为准，报名网站上不再提供代收服务。",
            "4. 准考证号是参加考试、查询成绩的凭据，请妥善保管本确认单。");

    byte[] render(ConfirmationSheet sheet, Optional<byte[]> photo) {
        try (PdfForm form = PdfForm.a4()) {
            float y = header(form, sheet.title(), sheet.bureauName());

            float photoTop = y - 12;
            photo(form, photo, RIGHT - PHOTO_WIDTH, photoTop - PHOTO_HEIGHT);
            y = photoTop - 14;
            y = SheetParts.field(form, y, 80, "姓名", sheet.candidate().name());
            y = SheetParts.field(form, y, 80, "证件号码", sheet.candidate().idNumber());
            y = SheetParts.field(form, y, 80, "准考证号", sheet.admissionNumber() == null ? "待生成" : sheet.admissionNumber());
            y = SheetParts.field(form, y, 80, "打印时间", TIME.format(sheet.printedAt().atZone(SHANGHAI)) + "（北京时间）");
            y = Math.min(y, photoTop - PHOTO_HEIGHT) - 18;

            y = heading(form, y, "报考主考学校及专业");
            y = form.table(LEFT, y, TABLE_TEXT, List.of(new Column("主考学校", 200), new Column("专业", 295)),
                    sheet.universities().stream().map(university -> List.of(
                            university.universityName() + "（" + university.universityCode() + "）",
                            university.majorName() + "（" + university.majorCode() + "）")).toList());

            y = heading(form, y - 18, "理论课程（已支付）");
            y = form.table(LEFT, y, TABLE_TEXT, List.of(new Column("考试时间", 105), new Column("主考学校", 115),
                    new Column("课程代码", 60), new Column("课程名称", 150), new Column("报考费（元）", 65)),
                    sheet.theory().stream().map(course -> List.of(course.slotLabel(), course.universityName(),
                            course.courseCode(), course.courseName(), ConfirmationSheet.yuan(course.feeFen())))
                            .toList());
            y = room(form, y - 16, 16);
            String total = "合计：¥" + ConfirmationSheet.yuan(sheet.totalPaidFen());
            form.text(FontWeight.BOLD, 11, RIGHT - form.textWidth(FontWeight.BOLD, 11, total), y, total);

            if (!sheet.practical().isEmpty()) {
                y = heading(form, y - 18, "实践课程");
                y = form.table(LEFT, y, TABLE_TEXT, List.of(new Column("主考学校", 90), new Column("课程代码", 50),
                        new Column("课程名称", 100), new Column("考试时间", 105), new Column("状态", 150)),
                        sheet.practical().stream().map(course -> List.of(course.universityName(),
                                course.courseCode(), course.courseName(), course.slotLabel(), course.stateName()))
                                .toList());
            }

            y = heading(form, y - 18, "注意事项") - 10;
            for (String note : NOTES) {
                y = room(form, y, 14);
                y = form.paragraph(FontWeight.REGULAR, 9, LEFT, y, RIGHT - LEFT, note);
            }
            return form.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("报考信息确认单 not rendered", e);
        }
    }
}
