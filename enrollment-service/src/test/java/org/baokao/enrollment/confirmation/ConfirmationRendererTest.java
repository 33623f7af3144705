package org.baokao.enrollment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.enrollment.courses.PaidCourses.HeldCourse;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.HalfDay;
import org.junit.jupiter.api.Test;

/**
 * SST-7: the 报考信息确认单 is a PDF whose Chinese is real text in an embedded font. The sample is also rendered to
 * {@code target/confirmation.png} (and the long one to {@code target/confirmation-long-p2.png}) for a person to look
 * at.
 */
class ConfirmationRendererTest {

    private final ConfirmationRenderer renderer = new ConfirmationRenderer();

    @Test
    void theSampleReadsAsTheCandidatesRegistration() throws Exception {
        byte[] file = renderer.render(SampleSheets.sheet(), Optional.of(portrait()));

        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("2026年10月上海市高等教育自学考试报考信息确认单", "上海市教育考试院",
                    "姓名", "张*", "证件号码", "310***********1234", "准考证号", "262024600001",
                    "复旦大学（10246）", "经济学（B020101）", "华东师范大学（10269）", "学前教育（A040106）",
                    "传播学概论", "学前心理学", "学前教育原理", "00642",
                    "2026年10月24日 上午", "2026年10月24日 下午", "2026年10月25日 上午",
                    "45.00", "合计：¥135.00",
                    "实践课程", "幼儿园教育实习", "已报考（缴费以院校通知为准）", "毕业论文", "待主考学校审核",
                    "由主考学校安排", "打印时间", "2026年10月05日 10:30（北京时间）", "实践课缴费以院校通知为准")
                    .doesNotContain("照片\n", "⼦", "⼉");
            // the theory courses in exam-time order
            assertThat(text.indexOf("传播学概论")).isLessThan(text.indexOf("学前心理学"));
            assertThat(text.indexOf("学前心理学")).isLessThan(text.indexOf("学前教育原理"));
            assertThat(images(pdf.getPage(0).getResources())).as("the photo").hasSize(1);
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSansSC");
            }
            png(pdf, 0, "target/confirmation.png");
        }
    }

    @Test
    void withoutAPhotoItsFrameSaysPhoto() throws Exception {
        for (Optional<byte[]> photo : List.of(Optional.<byte[]>empty(), Optional.of("<html>".getBytes()))) {
            byte[] file = renderer.render(SampleSheets.sheet(), photo);

            try (PDDocument pdf = Loader.loadPDF(file)) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("照片");
                assertThat(images(pdf.getPage(0).getResources())).isEmpty();
            }
        }
    }

    @Test
    void manyCoursesGoOnToASecondPageUnderTheirHeadings() throws Exception {
        List<HeldCourse> courses = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            for (HalfDay half : HalfDay.values()) {
                courses.add(SampleSheets.theory("10246", "复旦大学", "B020101", "经济学",
                        String.format("%05d", 100 + day * 2 + half.ordinal()), "课程" + (day * 2 + half.ordinal()),
                        new ExamSlot(SampleSheets.SAT_AM.date().plusDays(day), half), 4500));
            }
        }
        ConfirmationSheet sheet = ConfirmationSheet.of("2026年10月上海市高等教育自学考试", "上海市教育考试院",
                new MaskedIdentity("张*", "310***********1234"), "262024600001", SampleSheets.registrations(),
                courses, Instant.parse("2026-10-05T02:30:00Z"));

        try (PDDocument pdf = Loader.loadPDF(renderer.render(sheet, Optional.empty()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            String text = second.getText(pdf);
            assertThat(text).contains("考试时间", "课程名称", "课程39", "合计：¥1800.00", "注意事项");
            png(pdf, 1, "target/confirmation-long-p2.png");
        }
    }

    private static List<PDImageXObject> images(PDResources resources) throws Exception {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** A plain 1-inch portrait, as photo-service's normalized JPEG would be. */
    static byte[] portrait() throws Exception {
        BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x4a90d9));
        graphics.fillRect(0, 0, 295, 413);
        graphics.setColor(new Color(0xf2d0b0));
        graphics.fillOval(90, 90, 115, 150);
        graphics.fillRect(60, 280, 175, 133);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }

    private static void png(PDDocument pdf, int page, String path) throws Exception {
        File png = new File(path);
        ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(page, 100), "png", png);
        assertThat(png).isNotEmpty();
    }
}
