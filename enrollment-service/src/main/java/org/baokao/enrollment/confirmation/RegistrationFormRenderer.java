package org.baokao.enrollment.confirmation;

import static org.baokao.enrollment.confirmation.SheetParts.LEFT;
import static org.baokao.enrollment.confirmation.SheetParts.PHOTO_HEIGHT;
import static org.baokao.enrollment.confirmation.SheetParts.PHOTO_WIDTH;
import static org.baokao.enrollment.confirmation.SheetParts.RIGHT;
import static org.baokao.enrollment.confirmation.SheetParts.header;
import static org.baokao.enrollment.confirmation.SheetParts.heading;
import static org.baokao.enrollment.confirmation.SheetParts.photo;

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
 * The Shandong 报名信息表 as an A4 PDF, drawn like the 报考信息确认单 ({@link SheetParts}, libs/pdf with Noto Sans SC
 * embedded): title and bureau, the photo at the top right beside who the candidate is, then each section of
 * 信息预览 as a two-column table, the time printed last.
 */
@Component
class RegistrationFormRenderer {

    private static final ZoneId SHANDONG = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");
    private static final float TABLE_TEXT = 9.5f;
    private static final List<Column> COLUMNS = List.of(new Column("项目", 170), new Column("内容", RIGHT - LEFT - 170));

    byte[] render(RegistrationForm sheet, Optional<byte[]> photo) {
        try (PdfForm form = PdfForm.a4()) {
            float y = header(form, sheet.title(), sheet.bureauName());

            float photoTop = y - 12;
            photo(form, photo, RIGHT - PHOTO_WIDTH, photoTop - PHOTO_HEIGHT);
            y = photoTop - 14;
            for (RegistrationForm.Row row : sheet.identity()) {
                y = SheetParts.field(form, y, 80, row.name(), row.value());
            }
            y = Math.min(y, photoTop - PHOTO_HEIGHT) - 18;

            for (RegistrationForm.Section section : sheet.sections()) {
                y = heading(form, y, section.title());
                y = form.table(LEFT, y, TABLE_TEXT, COLUMNS, section.rows().stream()
                        .map(row -> List.of(row.name(), row.value() == null ? "" : row.value())).toList()) - 18;
            }
            y = SheetParts.room(form, y, 16);
            form.text(FontWeight.REGULAR, 9, LEFT, y,
                    "打印时间：" + TIME.format(sheet.printedAt().atZone(SHANDONG)) + "（北京时间）");
            return form.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("报名信息表 not rendered", e);
        }
    }
}
