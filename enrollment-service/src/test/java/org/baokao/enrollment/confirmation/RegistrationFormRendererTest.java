package org.baokao.enrollment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.enrollment.confirmation.RegistrationForm.Row;
import org.baokao.enrollment.confirmation.RegistrationForm.Section;
import org.junit.jupiter.api.Test;

/**
 * The Shandong 报名信息表 is one A4 page of real Chinese text with the photo, or 照片 in the empty frame. The sample
 * is also rendered to {@code target/registration-form.png} for a person to look at.
 */
class RegistrationFormRendererTest {

    private final RegistrationFormRenderer renderer = new RegistrationFormRenderer();

    static RegistrationForm sample() {
        return new RegistrationForm("2023年普通高等教育专升本考试报名信息表", "山东省教育招生考试院",
                List.of(new Row("姓名", "张伟"), new Row("证件类型", "居民身份证"), new Row("证件号码", "37**************12"),
                        new Row("性别", "男"), new Row("出生日期", "2002年3月4日")),
                List.of(new Section("基本信息", List.of(new Row("考生类型", "校荐"), new Row("民族", "汉族"),
                                new Row("考试地点(学校或户籍所在地)", "济南市"),
                                new Row("通讯地址(通知书邮寄)", "山东省济南市历下区文化东路1号山东省教育招生考试院对面的小区"
                                        + "三号楼二单元五零二室（请勿投递至门卫）"),
                                new Row("身份核验状态", "比对通过"))),
                        new Section("考试科目信息", List.of(new Row("科目名称", "英语、计算机、大学语文、高等数学II"),
                                new Row("报考专业范围", "医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫"))),
                        new Section("缴费信息", List.of(new Row("报名", "¥30.00"), new Row("合计", "¥230.00"),
                                new Row("缴费状态", "已缴费")))),
                Instant.parse("2026-12-07T02:30:00Z"));
    }

    @Test
    void theSampleIsOnePageWithThePhotoAndEverySection() throws Exception {
        byte[] file = renderer.render(sample(), Optional.of(ConfirmationRendererTest.portrait()));

        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("2023年普通高等教育专升本考试报名信息表",
                    "山东省教育招生考试院", "张伟", "37**************12", "2002年3月4日", "基本信息", "考试科目信息",
                    "英语、计算机、大学语文、高等数学II", "缴费信息", "¥230.00", "已缴费",
                    "打印时间：2026年12月07日 10:30（北京时间）").doesNotContain("照片\n");
            assertThat(imageCount(pdf)).as("the photo").isEqualTo(1);
            File png = new File("target/registration-form.png");
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 100), "png", png);
        }
    }

    @Test
    void withoutThePhotoTheFrameSaysPhoto() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(sample(), Optional.empty()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("照片");
            assertThat(imageCount(pdf)).isZero();
        }
    }

    private static long imageCount(PDDocument pdf) throws Exception {
        long images = 0;
        var resources = pdf.getPage(0).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }
}
