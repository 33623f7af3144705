package org.baokao.enrollment.confirmation;

import java.io.IOException;
import java.util.Optional;

import org.baokao.pdf.FontWeight;
import org.baokao.pdf.PdfForm;

/**
 * What the candidate's printed sheets (the Shanghai 报考信息确认单, the Shandong 报名信息表) draw alike on an A4
 * {@link PdfForm}: the margins, the 1-inch photo in its frame at the top right, a "name：value" line, a section
 * heading and the page break before it.
 */
final class SheetParts {

    static final float LEFT = 50;
    static final float RIGHT = 545;
    // a 1-inch photo's proportions (25 × 35 mm), as printed on the bureau's forms
    static final float PHOTO_WIDTH = 84;
    static final float PHOTO_HEIGHT = 118;

    private SheetParts() {
    }

    /** The photo in its frame, or the word 照片 in the empty frame. */
    static void photo(PdfForm form, Optional<byte[]> photo, float x, float y) throws IOException {
        form.box(x, y, PHOTO_WIDTH, PHOTO_HEIGHT);
        if (photo.isEmpty() || !form.image(photo.get(), x + 2, y + 2, PHOTO_WIDTH - 4, PHOTO_HEIGHT - 4)) {
            float width = form.textWidth(FontWeight.REGULAR, 12, "照片");
            form.text(FontWeight.REGULAR, 12, x + (PHOTO_WIDTH - width) / 2, y + PHOTO_HEIGHT / 2 - 4, "照片");
        }
    }

    /** "name：value" at the left margin, the value {@code valueOffset} points in; answers the next line's y. */
    static float field(PdfForm form, float y, float valueOffset, String name, String value) throws IOException {
        form.text(FontWeight.REGULAR, 11, LEFT, y, name + "：");
        form.text(FontWeight.REGULAR, 11, LEFT + valueOffset, y, value == null ? "" : value);
        return y - 21;
    }

    /** The sheet's title and bureau, centred at the top of the first page, and a rule under them; answers the y below. */
    static float header(PdfForm form, String title, String bureauName) throws IOException {
        float y = 790;
        form.centered(FontWeight.BOLD, 16, y, title);
        form.centered(FontWeight.REGULAR, 11, y - 20, bureauName);
        y -= 36;
        form.line(LEFT, y, RIGHT);
        return y;
    }

    /** A section heading; on a new page when the page has no room for it and a row under it. */
    static float heading(PdfForm form, float y, String text) throws IOException {
        y = room(form, y, 50);
        form.text(FontWeight.BOLD, 12, LEFT, y, text);
        return y - 10;
    }

    /** {@code y}, or the top of a new page when less than {@code needed} points are left above the margin. */
    static float room(PdfForm form, float y, float needed) throws IOException {
        if (y - needed < PdfForm.BOTTOM_MARGIN) {
            form.newPage();
            return form.height() - PdfForm.TOP_MARGIN;
        }
        return y;
    }
}
