package org.baokao.payment.receipt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.baokao.payment.order.FeeItem;
import org.baokao.payment.order.FeeOrder;
import org.springframework.stereotype.Component;

/**
 * PAY-7: the 报名缴费电子票据 of a paid order as a one-page A4 PDF, Noto Sans SC embedded (subset) so the Chinese
 * reads the same everywhere. It names no person: the bureau that collected the fee (BUR-1), the order, the exam, the
 * items, the bank trade.
 * <p>
 * PDFBox writes each glyph's text meaning (ToUnicode) from the font's first code point for it, and Noto CJK maps
 * e.g. 子 and the Kangxi radical ⼦ (U+2F26) to one glyph: copied or searched text would read ⼦. So the receipt's
 * ToUnicode maps are rewritten from the characters actually shown.
 */
@Component
class ReceiptRenderer {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private final byte[] regular;
    private final byte[] bold;

    ReceiptRenderer() {
        regular = font("/fonts/NotoSansSC-Regular.ttf");
        bold = font("/fonts/NotoSansSC-Bold.ttf");
    }

    /** A font of one document and the characters shown in it, by glyph id (= CID in the content stream). */
    private static final class UsedFont {
        final TrueTypeFont ttf;
        final PDType0Font font;
        final Map<Integer, Integer> codePointByGlyph = new TreeMap<>();

        UsedFont(PDDocument pdf, byte[] bytes) throws IOException {
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            font = PDType0Font.load(pdf, ttf, true);
        }

        void shown(String text) throws IOException {
            var cmap = ttf.getUnicodeCmapLookup();
            for (int cp : text.codePoints().toArray()) {
                int gid = cmap.getGlyphId(cp);
                if (gid > 0) {
                    codePointByGlyph.put(gid, cp);
                }
            }
        }

        String toUnicodeCMap() {
            StringBuilder cmap = new StringBuilder("""
                    /CIDInit /ProcSet findresource begin
                    12 dict begin
                    begincmap
                    /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                    /CMapName /Adobe-Identity-UCS def
                    /CMapType 2 def
                    1 begincodespacerange
                    <0000> <FFFF>
                    endcodespacerange
                    """);
            var entries = codePointByGlyph.entrySet().stream().toList();
            for (int from = 0; from < entries.size(); from += 100) {
                var block = entries.subList(from, Math.min(entries.size(), from + 100));
                cmap.append(block.size()).append(" beginbfchar\n");
                for (var entry : block) {
                    StringBuilder utf16 = new StringBuilder();
                    for (char c : Character.toChars(entry.getValue())) {
                        utf16.append(String.format("%04X", (int) c));
                    }
                    cmap.append(String.format("<%04X> <%s>%n", entry.getKey(), utf16));
                }
                cmap.append("endbfchar\n");
            }
            return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
        }
    }

    /** {@code collector}: the name of the order's bureau (考试院), which collected the fee. */
    byte[] render(FeeOrder order, String collector) {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            UsedFont text = new UsedFont(pdf, regular);
            UsedFont heading = new UsedFont(pdf, bold);
            float width = page.getMediaBox().getWidth();
            float left = 60;
            float right = width - 60;
            try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                float y = 770;
                // 报名考试费电子票据, or 课程报考费电子票据 for a Shanghai course order
                centered(out, heading, 20, order.kind().feeName() + "电子票据", width, y);
                centered(out, text, 10, "（沙箱环境生成，仅供测试，不作报销凭证）", width, y - 22);
                y -= 60;
                line(out, left, y, right);
                y -= 22;
                y = field(out, text, left, y, "收款单位", collector);
                y = field(out, text, left, y, "票据号码", order.id().toString().replace("-", "").substring(0, 20).toUpperCase());
                y = field(out, text, left, y, "订单号", order.bankOrderNo());
                y = field(out, text, left, y, "考试名称", order.examName() != null ? order.examName() : order.examCode());
                y = field(out, text, left, y, "收款渠道", order.channel().chineseName());
                y = field(out, text, left, y, "银行交易流水号", order.bankTradeNo());
                y = field(out, text, left, y, "缴费时间", TIME.format(order.paidAt().atZone(SHANGHAI)) + "（北京时间）");
                y -= 6;
                line(out, left, y, right);
                y -= 22;
                show(out, heading, 12, left, y, "缴费项目");
                show(out, heading, 12, right - 120, y, "金额（元）");
                y -= 8;
                line(out, left, y, right);
                for (FeeItem item : order.items()) {
                    y -= 22;
                    show(out, text, 12, left, y, item.name());
                    show(out, text, 12, right - 120, y, yuan(item.amountFen()));
                }
                y -= 10;
                line(out, left, y, right);
                y -= 24;
                show(out, heading, 12, left, y, "合计（大写）：人民币" + ChineseAmount.of(order.amountFen()));
                show(out, heading, 12, right - 120, y, "¥" + yuan(order.amountFen()));
                y -= 40;
                show(out, text, 10, left, y, "本票据由报考缴费平台根据银行缴费结果生成。如有疑问，请联系当地招生考试机构。");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return withTrueToUnicode(bytes.toByteArray(), text, heading);
        } catch (IOException e) {
            throw new UncheckedIOException("receipt of order " + order.id() + " not rendered", e);
        }
    }

    /** Replaces each embedded font's ToUnicode map by the one built from the characters shown (see class comment). */
    private static byte[] withTrueToUnicode(byte[] saved, UsedFont... fonts) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(saved)) {
            var resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                var embedded = resources.getFont(name);
                for (UsedFont used : fonts) {
                    // subset fonts are named TAG+PostScriptName, e.g. ABCDEF+NotoSansSC-Bold
                    if (embedded.getName().endsWith("+" + used.ttf.getName())) {
                        PDStream stream = new PDStream(pdf, new ByteArrayInputStream(
                                used.toUnicodeCMap().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                                COSName.FLATE_DECODE);
                        embedded.getCOSObject().setItem(COSName.TO_UNICODE, stream);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static float field(PDPageContentStream out, UsedFont font, float left, float y, String name, String value)
            throws IOException {
        show(out, font, 12, left, y, name + "：");
        show(out, font, 12, left + 110, y, value == null ? "" : value);
        return y - 22;
    }

    private static void centered(PDPageContentStream out, UsedFont font, float size, String text, float width, float y)
            throws IOException {
        float textWidth = font.font.getStringWidth(text) / 1000 * size;
        show(out, font, size, (width - textWidth) / 2, y, text);
    }

    private static void show(PDPageContentStream out, UsedFont font, float size, float x, float y, String text)
            throws IOException {
        font.shown(text);
        out.beginText();
        out.setFont(font.font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static void line(PDPageContentStream out, float from, float y, float to) throws IOException {
        out.moveTo(from, y);
        out.lineTo(to, y);
        out.stroke();
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    private static byte[] font(String resource) {
        try (InputStream in = ReceiptRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("receipt font " + resource + " missing: the build fetches it"
                        + " (payment-service/fetch-cjk-font.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
