package org.baokao.pdf;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One face of the font in one document, and the characters shown with it, by glyph id (= CID in the content
 * stream): from those the document's ToUnicode map is rebuilt (see {@link PdfForm}).
 */
final class EmbeddedFont {

    private final TrueTypeFont ttf;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, Integer> codePointByGlyph = new TreeMap<>();

    EmbeddedFont(PDDocument document, FontWeight weight) throws IOException {
        this(document, NotoSansSc.bytes(weight));
    }

    /** A face read from {@code bytes} (a TrueType file), e.g. the rare-character fallback {@link RareHanFont}. */
    EmbeddedFont(PDDocument document, byte[] bytes) throws IOException {
        ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        font = PDType0Font.load(document, ttf, true);
        cmap = ttf.getUnicodeCmapLookup();
    }

    /** Whether this face has a glyph for {@code codePoint}. */
    boolean has(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    PDType0Font font() {
        return font;
    }

    /** The PostScript name; a subset embeds it as TAG+name, e.g. ABCDEF+NotoSansSC-Bold. */
    String name() throws IOException {
        return ttf.getName();
    }

    /**
     * The text as this font can show it: control characters (tabs, line breaks) become spaces, a character the font
     * lacks becomes {@code ?}, so a name never stops a document from being made ({@link PdfForm} gives a 生僻字 the
     * font lacks to {@link RareHanFont} first, where there is one).
     * Records what is shown.
     */
    String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().map(this::printable).forEach(cp -> {
            codePointByGlyph.put(cmap.getGlyphId(cp), cp);
            shown.appendCodePoint(cp);
        });
        return shown.toString();
    }

    /** Width in points of {@code text} at {@code size}, as {@link #shown} would draw it. */
    float width(String text, float size) throws IOException {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().map(this::printable).forEach(printable::appendCodePoint);
        return font.getStringWidth(printable.toString()) / 1000 * size;
    }

    private int printable(int codePoint) {
        int character = Character.isISOControl(codePoint) ? ' ' : codePoint;
        return cmap.getGlyphId(character) > 0 ? character : '?';
    }

    /** The ToUnicode CMap of the characters shown: each glyph means the character it was drawn for. */
    String toUnicodeCMap() {
        StringBuilder map = new StringBuilder("""
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
        // a bfchar block holds at most 100 entries
        for (int from = 0; from < entries.size(); from += 100) {
            var block = entries.subList(from, Math.min(entries.size(), from + 100));
            map.append(block.size()).append(" beginbfchar\n");
            for (var entry : block) {
                StringBuilder utf16 = new StringBuilder();
                for (char c : Character.toChars(entry.getValue())) {
                    utf16.append(String.format("%04X", (int) c));
                }
                map.append(String.format("<%04X> <%s>%n", entry.getKey(), utf16));
            }
            map.append("endbfchar\n");
        }
        return map.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }
}
