package org.baokao.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A printable A4 form in Chinese (PAY-7 receipts, the SST-7 报考信息确认单): Noto Sans SC, regular and bold, embedded as
 * subsets so the text reads the same on every machine, with text, lines, boxes, a table and an image, drawn in PDF
 * points from the bottom-left corner of the page (A4 is 595 × 842 points). One form per document, not shared between
 * threads; {@link #toBytes()} gives the file, {@link #close()} frees it.
 * <p>
 * PDFBox writes each glyph's text meaning (ToUnicode) from the font's first code point for it, and Noto CJK maps
 * e.g. 子 and the Kangxi radical ⼦ (U+2F26) to one glyph: copied or searched text would read ⼦. So the ToUnicode maps
 * are rewritten from the characters actually shown when the file is made.
 */
public final class PdfForm implements AutoCloseable {

    /** Where a table stops on a page and goes on to the next one, in points from the bottom. */
    public static final float BOTTOM_MARGIN = 50;
    /** Where a table goes on on a new page, in points from the top. */
    public static final float TOP_MARGIN = 60;

    private static final float CELL_PADDING = 4;
    private static final float LEADING = 1.4f;

    private final PDDocument document = new PDDocument();
    private final Map<FontWeight, EmbeddedFont> fonts = new EnumMap<>(FontWeight.class);
    /** the 生僻字 face, once a text needed it (RareHanFont); empty when the machine has none */
    private Optional<EmbeddedFont> rare;
    private PDPageContentStream content;
    private boolean made;

    private PdfForm() {
    }

    /** A new document with its first, empty A4 page. */
    public static PdfForm a4() throws IOException {
        PdfForm form = new PdfForm();
        form.newPage();
        return form;
    }

    public float width() {
        return PDRectangle.A4.getWidth();
    }

    public float height() {
        return PDRectangle.A4.getHeight();
    }

    public int pages() {
        return document.getNumberOfPages();
    }

    /** Another A4 page; everything drawn from now on goes there. */
    public void newPage() throws IOException {
        requireDrawing();
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
    }

    /** {@code text} on one line, its baseline starting at ({@code x}, {@code y}); null draws nothing. */
    public void text(FontWeight weight, float size, float x, float y, String text) throws IOException {
        requireDrawing();
        if (text == null || text.isEmpty()) {
            return;
        }
        content.beginText();
        content.newLineAtOffset(x, y);
        // each run in its face; showing text moves the position on by its width
        for (Run run : runs(weight, text)) {
            content.setFont(run.font().font(), size);
            content.showText(run.font().shown(run.text()));
        }
        content.endText();
    }

    /** A stretch of text drawn in one face. */
    private record Run(EmbeddedFont font, String text) {
    }

    /**
     * {@code text} cut where the face changes: Noto Sans SC for what it has, the rare-character face for a 生僻字
     * Noto lacks and it has (𠮷), Noto again for anything neither has (printed as {@code ?}).
     */
    private List<Run> runs(FontWeight weight, String text) throws IOException {
        EmbeddedFont main = font(weight);
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        EmbeddedFont currentFont = main;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            EmbeddedFont face = main;
            if (!main.has(codePoint) && !Character.isISOControl(codePoint)) {
                Optional<EmbeddedFont> fallback = rare();
                if (fallback.isPresent() && fallback.get().has(codePoint)) {
                    face = fallback.get();
                }
            }
            if (face != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = face;
            current.appendCodePoint(codePoint);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private Optional<EmbeddedFont> rare() throws IOException {
        if (rare == null) {
            Optional<byte[]> bytes = RareHanFont.bytes();
            rare = bytes.isEmpty() ? Optional.empty() : Optional.of(new EmbeddedFont(document, bytes.get()));
        }
        return rare;
    }

    /** {@code text} centred on the page's width. */
    public void centered(FontWeight weight, float size, float y, String text) throws IOException {
        text(weight, size, (width() - textWidth(weight, size, text)) / 2, y, text);
    }

    /** Width in points of {@code text} drawn at {@code size}. */
    public float textWidth(FontWeight weight, float size, String text) throws IOException {
        if (text == null) {
            return 0;
        }
        float width = 0;
        for (Run run : runs(weight, text)) {
            width += run.font().width(run.text(), size);
        }
        return width;
    }

    /**
     * {@code text} broken into lines no wider than {@code maxWidth} (at explicit line breaks and wherever a line is
     * full: Chinese breaks between any two characters), the first baseline at {@code y}; the baseline below the last
     * line is returned.
     */
    public float paragraph(FontWeight weight, float size, float x, float y, float maxWidth, String text)
            throws IOException {
        float baseline = y;
        for (String line : lines(weight, size, text, maxWidth)) {
            text(weight, size, x, baseline, line);
            baseline -= size * LEADING;
        }
        return baseline;
    }

    /** A horizontal line at height {@code y}. */
    public void line(float fromX, float y, float toX) throws IOException {
        requireDrawing();
        content.moveTo(fromX, y);
        content.lineTo(toX, y);
        content.stroke();
    }

    /** The outline of a box whose lower-left corner is ({@code x}, {@code y}). */
    public void box(float x, float y, float width, float height) throws IOException {
        requireDrawing();
        content.addRect(x, y, width, height);
        content.stroke();
    }

    /**
     * An image (JPEG or PNG) scaled to fit the box whose lower-left corner is ({@code x}, {@code y}), centred in it,
     * its proportions kept. False, and nothing drawn, when the bytes are no image PDFBox can read: the caller prints
     * what stands in for it.
     */
    public boolean image(byte[] image, float x, float y, float width, float height) throws IOException {
        requireDrawing();
        PDImageXObject picture;
        try {
            picture = PDImageXObject.createFromByteArray(document, image, "image");
        } catch (IOException | IllegalArgumentException | NullPointerException unreadable) {
            return false;
        }
        if (picture.getWidth() <= 0 || picture.getHeight() <= 0) {
            return false;
        }
        float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
        float drawnWidth = picture.getWidth() * scale;
        float drawnHeight = picture.getHeight() * scale;
        content.drawImage(picture, x + (width - drawnWidth) / 2, y + (height - drawnHeight) / 2, drawnWidth,
                drawnHeight);
        return true;
    }

    /** A column of a {@link #table}: its heading and width in points. */
    public record Column(String heading, float width) {

        public Column {
            Objects.requireNonNull(heading, "heading");
        }
    }

    /**
     * A ruled table from ({@code x}, {@code top}) down: the headings in bold, then one row per list of cells (as many
     * as columns, null for an empty cell), each cell's text wrapped to its column. A row that does not fit above
     * {@link #BOTTOM_MARGIN} goes to a new page, under the headings again. Returns the height (on the last page)
     * of the table's bottom edge.
     */
    public float table(float x, float top, float size, List<Column> columns, List<List<String>> rows)
            throws IOException {
        List<String> headings = columns.stream().map(Column::heading).toList();
        float y = row(FontWeight.BOLD, size, x, top, columns, headings);
        for (List<String> cells : rows) {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + cells.size() + " cells for " + columns.size() + " columns: " + cells);
            }
            if (y - rowHeight(FontWeight.REGULAR, size, columns, cells) < BOTTOM_MARGIN) {
                newPage();
                y = row(FontWeight.BOLD, size, x, height() - TOP_MARGIN, columns, headings);
            }
            y = row(FontWeight.REGULAR, size, x, y, columns, cells);
        }
        return y;
    }

    private float row(FontWeight weight, float size, float x, float top, List<Column> columns, List<String> cells)
            throws IOException {
        float height = rowHeight(weight, size, columns, cells);
        content.saveGraphicsState();
        content.setLineWidth(0.5f);
        float left = x;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            content.addRect(left, top - height, column.width(), height);
            content.stroke();
            float baseline = top - CELL_PADDING - size;
            for (String line : lines(weight, size, cells.get(i), column.width() - 2 * CELL_PADDING)) {
                text(weight, size, left + CELL_PADDING, baseline, line);
                baseline -= size * LEADING;
            }
            left += column.width();
        }
        content.restoreGraphicsState();
        return top - height;
    }

    private float rowHeight(FontWeight weight, float size, List<Column> columns, List<String> cells)
            throws IOException {
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            lines = Math.max(lines,
                    lines(weight, size, cells.get(i), columns.get(i).width() - 2 * CELL_PADDING).size());
        }
        // the first line's ascent, the others' leading, room for the last line's descent
        return 2 * CELL_PADDING + size + (lines - 1) * size * LEADING + size * 0.3f;
    }

    /** {@code text} in lines no wider than {@code maxWidth}; a character wider than that still gets a line. */
    List<String> lines(FontWeight weight, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (int cp : paragraph.codePoints().toArray()) {
                String longer = line + Character.toString(cp);
                if (!line.isEmpty() && textWidth(weight, size, longer) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.appendCodePoint(cp);
                } else {
                    line.setLength(0);
                    line.append(longer);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The PDF file. The fonts are subset when PDFBox saves, which also writes their ToUnicode maps: the file is
     * therefore saved, read back and its maps replaced by the ones built from the characters shown (see the class
     * comment). Nothing can be drawn afterwards.
     */
    public byte[] toBytes() throws IOException {
        requireDrawing();
        content.close();
        made = true;
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        document.save(saved);
        try (PDDocument pdf = Loader.loadPDF(saved.toByteArray())) {
            for (PDPage page : pdf.getPages()) {
                withTrueToUnicode(pdf, page.getResources());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void withTrueToUnicode(PDDocument pdf, PDResources resources) throws IOException {
        for (COSName name : resources.getFontNames()) {
            PDFont embedded = resources.getFont(name);
            List<EmbeddedFont> faces = new ArrayList<>(fonts.values());
            if (rare != null) {
                rare.ifPresent(faces::add);
            }
            for (EmbeddedFont used : faces) {
                // subset fonts are named TAG+PostScriptName, e.g. ABCDEF+NotoSansSC-Bold
                if (embedded.getName().endsWith("+" + used.name())) {
                    PDStream stream = new PDStream(pdf, new ByteArrayInputStream(
                            used.toUnicodeCMap().getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
                    embedded.getCOSObject().setItem(COSName.TO_UNICODE, stream);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (content != null && !made) {
                content.close();
            }
        } finally {
            document.close();
        }
    }

    private EmbeddedFont font(FontWeight weight) throws IOException {
        EmbeddedFont font = fonts.get(weight);
        if (font == null) {
            // loaded on first use: a face never used is not embedded
            font = new EmbeddedFont(document, weight);
            fonts.put(weight, font);
        }
        return font;
    }

    private void requireDrawing() {
        if (made) {
            throw new IllegalStateException("the form was made into a file: nothing can be drawn on it any more");
        }
    }
}
