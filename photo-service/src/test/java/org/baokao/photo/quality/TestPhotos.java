package org.baokao.photo.quality;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.baokao.testkit.SyntheticPortraits;

/**
 * Photos for the quality-check tests: passing portraits from the test kit's {@link SyntheticPortraits} (shared with
 * the system and load tests), made darker, brighter or flatter here, and the bad inputs — a PNG decompression bomb,
 * CMYK JPEG, 16-bit PNG, EXIF with GPS.
 */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static byte[] groupJpeg() {
        return SyntheticPortraits.groupJpeg();
    }

    public static byte[] portraitJpeg(int width, long seed) {
        return SyntheticPortraits.portraitJpeg(width, seed);
    }

    public static BufferedImage portrait(int width, int height, long seed, Color background, int faces) {
        return SyntheticPortraits.portrait(width, height, seed, background, faces);
    }

    public static byte[] jpeg(BufferedImage image) {
        return SyntheticPortraits.jpeg(image);
    }

    public static byte[] png(BufferedImage image) {
        return SyntheticPortraits.png(image);
    }

    /** Every pixel moved towards {@code target} by {@code amount} (0..1): darker, brighter or flatter photos. */
    public static BufferedImage towards(BufferedImage image, int target, double amount) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * (1 - amount) + target * amount);
                int g = (int) (((rgb >> 8) & 0xff) * (1 - amount) + target * amount);
                int b = (int) ((rgb & 0xff) * (1 - amount) + target * amount);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /**
     * A real PNG decompression bomb: a valid file of a few hundred kilobytes whose IHDR says
     * {@code width}x{@code height} and whose IDAT really inflates to that many (black) pixels.
     */
    public static byte[] pngBomb(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(idat,
                    new java.util.zip.Deflater(9))) {
                byte[] row = new byte[1 + width * 3];
                for (int y = 0; y < height; y++) {
                    deflate.write(row);
                }
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A JPEG with four colour components, as print shops export (CMYK). */
    public static byte[] cmykJpeg(int width, int height) {
        try {
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                    java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (javax.imageio.stream.ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 16-bit greyscale PNG (as scanners and RAW converters export). */
    public static byte[] png16(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        return png(image);
    }

    /** The JPEG with an EXIF segment carrying GPS-like text inserted after the start-of-image marker. */
    public static byte[] withExif(byte[] jpeg, String text) {
        byte[] payload = ("Exif\0\0" + text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A portrait as a phone stores it: landscape pixels and an EXIF Orientation (see {@link SyntheticPortraits}). */
    public static byte[] sideways(BufferedImage upright, int orientation) {
        return SyntheticPortraits.sideways(upright, orientation);
    }

}
