package org.baokao.photo.quality;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * The EXIF Orientation tag (1..8) of a photo: phones store the sensor's pixels as they come (landscape) and only
 * say in this tag how to turn them. A portrait taken that way must be turned before its ratio, background and face
 * are checked, and the stored photo (re-encoded without EXIF) must be the turned one. The tag is read by
 * metadata-extractor; a missing, unreadable or out-of-range tag means the pixels are already upright.
 */
enum ExifOrientation {
    NORMAL, MIRRORED, ROTATED_180, FLIPPED, TRANSPOSED, ROTATED_90_CLOCKWISE, TRANSVERSED, ROTATED_90_ANTICLOCKWISE;

    static ExifOrientation of(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer tag = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return tag != null && tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
        } catch (Exception | StackOverflowError e) {
            // metadata is a hint, not the photo: a broken EXIF block leaves the pixels as they are, and a broken
            // image is refused by the decoder's own checks
            return NORMAL;
        }
    }

    /** Orientations 5 to 8 turn a quarter: the upright photo's width is the stored height. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSED.ordinal();
    }

    /** The pixels as the photo was meant to be seen. */
    BufferedImage upright(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12, for each tag as the EXIF specification defines it
        AffineTransform turn = switch (this) {
            case MIRRORED -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATED_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case FLIPPED -> new AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSED -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATED_90_CLOCKWISE -> new AffineTransform(0, 1, -1, 0, h, 0);
            case TRANSVERSED -> new AffineTransform(0, -1, -1, 0, h, w);
            case ROTATED_90_ANTICLOCKWISE -> new AffineTransform(0, -1, 1, 0, 0, w);
            case NORMAL -> new AffineTransform();
        };
        BufferedImage target = swapsSides() ? new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(stored, turn, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
