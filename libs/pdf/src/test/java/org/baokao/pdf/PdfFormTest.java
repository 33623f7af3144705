package org.baokao.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfFormTest {

    /**
     * Noto draws 子 and the Kangxi radical ⼦ with one glyph, and PDFBox would write the radical as its meaning: the
     * rebuilt ToUnicode map makes the copied text the text drawn.
     */
    @Test
    void textCopiesAsWrittenWhereNotoSharesAGlyphWithAKangxiRadical() throws Exception {
        byte[] file;
        try (PdfForm form = PdfForm.a4()) {
            form.centered(FontWeight.BOLD, 20, 770, "子女教育");
            form.text(FontWeight.REGULAR, 12, 60, 740, "学前儿童发展 孔子 二〇二六年");
            file = form.toBytes();
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("子女教育", "学前儿童发展 孔子 二〇二六年").doesNotContain("⼦", "⼉");
            PDResources resources = pdf.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
            }
            assertThat(fonts).containsExactlyInAnyOrder("NotoSansSC-Regular", "NotoSansSC-Bold");
        }
    }

    @Test
    void aFaceNeverUsedIsNotEmbedded() throws Exception {
        byte[] file;
        try (PdfForm form = PdfForm.a4()) {
            form.text(FontWeight.REGULAR, 12, 60, 740, "只有正文");
            file = form.toBytes();
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(pdf.getPage(0).getResources().getFontNames()).hasSize(1);
        }
    }

    /**
     * A 生僻字 Noto Sans SC lacks (𠮷 U+20BB7, CJK Extension B) is drawn with the rare-character face (Debian's
     * HanaMinB, RareHanFont) and reads back as itself, not as {@code ?}; the text around it stays in Noto, and the
     * width counts both faces.
     */
    @Test
    void aRareCharacterOfANameIsDrawnWithTheFallbackFace() throws Exception {
        assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of(RareHanFont.DEBIAN)),
                "needs Debian's fonts-hanazono (./baokao installs it)");
        byte[] file;
        float width;
        try (PdfForm form = PdfForm.a4()) {
            width = form.textWidth(FontWeight.REGULAR, 12, "姓名：𠮷田");
            form.text(FontWeight.REGULAR, 12, 60, 740, "姓名：𠮷田");
            file = form.toBytes();
            assertThat(width).as("five characters of 12 pt, none left out").isBetween(55f, 65f);
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("姓名：𠮷田").doesNotContain("?");
            List<String> fonts = new ArrayList<>();
            PDResources resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name).getName());
            }
            assertThat(fonts).hasSize(2).anyMatch(name -> name.endsWith("+NotoSansSC-Regular"))
                    .anyMatch(name -> name.contains("HanaMinB"));
        }
    }

    /** A rare character outside the font, or a line break in a value, still makes a document. */
    @Test
    void charactersTheFontLacksPrintAsQuestionMarks() throws Exception {
        byte[] file;
        try (PdfForm form = PdfForm.a4()) {
            form.text(FontWeight.REGULAR, 12, 60, 740, "姓名：张\uD83D\uDE00三\t甲");
            file = form.toBytes();
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("姓名：张?三 甲");
        }
    }

    @Test
    void aTableWrapsLongCellsAndGoesOnUnderItsHeadingsOnANewPage() throws Exception {
        List<PdfForm.Column> columns = List.of(new PdfForm.Column("课程代码", 80), new PdfForm.Column("课程名称", 120),
                new PdfForm.Column("考试时间", 140));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("00001", "马克思主义基本原理概论（含实践环节的课程名称）", "2026年10月24日 上午"));
        for (int i = 2; i <= 60; i++) {
            rows.add(List.of(String.format("%05d", i), "课程" + i, "2026年10月25日 下午"));
        }
        byte[] file;
        float bottom;
        try (PdfForm form = PdfForm.a4()) {
            assertThat(form.lines(FontWeight.REGULAR, 10, rows.get(0).get(1), 120 - 8)).hasSizeGreaterThan(1);
            bottom = form.table(60, 700, 10, columns, rows);
            assertThat(form.pages()).isEqualTo(2);
            file = form.toBytes();
        }
        assertThat(bottom).isBetween(PdfForm.BOTTOM_MARGIN, 842 - PdfForm.TOP_MARGIN);
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(pdf);
            assertThat(second).contains("课程代码", "课程名称", "考试时间", "课程60").doesNotContain("课程2\n");
            String all = new PDFTextStripper().getText(pdf).replace("\n", "").replace("\r", "");
            assertThat(all).contains("马克思主义基本原理概论（含实践环节的课程名称）", "课程31");
            save(pdf, "target/pdf-form-table.png");
        }
        assertThatThrownBy(() -> {
            try (PdfForm form = PdfForm.a4()) {
                form.table(60, 700, 10, columns, List.of(List.of("00001", "少一格")));
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anImageIsDrawnInsideItsBoxAndUnreadableBytesAreRefused() throws Exception {
        BufferedImage portrait = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        var graphics = portrait.createGraphics();
        graphics.setColor(new Color(0x3366cc));
        graphics.fillRect(0, 0, 90, 120);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(portrait, "jpeg", jpeg);

        byte[] file;
        try (PdfForm form = PdfForm.a4()) {
            assertThat(form.image("not an image".getBytes(), 400, 600, 90, 120)).isFalse();
            form.box(400, 600, 90, 120);
            assertThat(form.image(jpeg.toByteArray(), 400, 600, 90, 120)).isTrue();
            file = form.toBytes();
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PDResources resources = pdf.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).hasSize(1);
            assertThat(images.getFirst().getWidth()).isEqualTo(90);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            // the box's middle (PDF y 660 from the bottom = 182 from the top) is the photo's blue
            assertThat(new Color(page.getRGB(445, 842 - 660)).getBlue()).isGreaterThan(150);
        }
    }

    @Test
    void nothingIsDrawnOnAFormOnceItIsAFile() throws Exception {
        try (PdfForm form = PdfForm.a4()) {
            form.text(FontWeight.REGULAR, 12, 60, 740, "一");
            form.toBytes();
            assertThatThrownBy(() -> form.text(FontWeight.REGULAR, 12, 60, 720, "二"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static void save(PDDocument pdf, String path) throws Exception {
        File png = new File(path);
        ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 80), "png", png);
        assertThat(png).isNotEmpty();
    }
}
