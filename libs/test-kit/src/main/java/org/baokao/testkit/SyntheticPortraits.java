package org.baokao.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Portraits drawn for tests and load tests: a light plain background, a head with eyes, brows, nose and mouth that
 * OpenCV's frontal-face cascade recognises, and shoulders — a photo that passes photo-service's quality check
 * (PHO-2). Each seed varies the face a little, so two seeds are "two different people" for the sandbox's comparison.
 */
public final class SyntheticPortraits {

    private static final Color PLAIN_BACKGROUND = new Color(235, 235, 232);

    private SyntheticPortraits() {
    }

    /** Two people side by side, 960x1280: faces large enough to be found, as in a real group photo. */
    public static byte[] groupJpeg() {
        return jpeg(portrait(960, 1280, 7, PLAIN_BACKGROUND, 2));
    }

    /** A passing portrait of {@code width}x{@code width*4/3} as a JPEG. */
    public static byte[] portraitJpeg(int width, long seed) {
        return jpeg(portrait(width, width * 4 / 3, seed, PLAIN_BACKGROUND, 1));
    }

    public static BufferedImage portrait(int width, int height, long seed, Color background, int faces) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        if (faces == 0) {
            // someone facing away: hair and shoulders, no face
            g.setColor(new Color(30, 25, 20));
            g.fill(new Ellipse2D.Double(width * 0.3, height * 0.2, width * 0.4, height * 0.45));
            shoulders(g, width, height, width / 2.0);
        } else if (faces == 1) {
            head(g, width / 2.0, height * 0.42, width * 0.40, random);
            shoulders(g, width, height, width / 2.0);
        } else if (faces > 1) {
            // a group photo: small portraits side by side in the upper half, on the same plain background
            // (low enough that the shoulders stay out of the border strips the background check reads)
            int slot = width / faces;
            int each = slot * 5 / 6;
            for (int i = 0; i < faces; i++) {
                g.drawImage(portrait(each, each * 4 / 3, seed + i, background, 1), i * slot + (slot - each) / 2,
                        height * 28 / 100, null);
            }
        }
        g.dispose();
        return blur(image);
    }

    private static void head(Graphics2D g, double cx, double cy, double faceWidth, Random random) {
        double fw = faceWidth * (0.95 + random.nextDouble() * 0.1);
        double fh = fw * 1.3;
        Color skin = new Color(205 + random.nextInt(20), 160 + random.nextInt(20), 130 + random.nextInt(20));
        // hair behind and above the face
        g.setColor(new Color(30, 25, 20));
        g.fill(new Ellipse2D.Double(cx - fw * 0.56, cy - fh * 0.62, fw * 1.12, fh * 0.8));
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - fw / 2, cy - fh * 0.45, fw, fh));
        double eyeY = cy - fh * 0.05 + random.nextDouble() * fh * 0.04;
        double eyeDx = fw * (0.2 + random.nextDouble() * 0.04);
        double eyeW = fw * 0.18;
        double eyeH = fw * 0.08;
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * eyeDx;
            // brow
            g.setColor(new Color(40, 30, 25));
            g.setStroke(new BasicStroke((float) (fw * 0.035)));
            g.drawLine((int) (ex - eyeW * 0.6), (int) (eyeY - eyeH * 1.8), (int) (ex + eyeW * 0.6),
                    (int) (eyeY - eyeH * 1.9));
            // eye socket shadow, white, iris
            g.setColor(skin.darker());
            g.fill(new Ellipse2D.Double(ex - eyeW * 0.7, eyeY - eyeH, eyeW * 1.4, eyeH * 2));
            g.setColor(new Color(240, 240, 240));
            g.fill(new Ellipse2D.Double(ex - eyeW / 2, eyeY - eyeH / 2, eyeW, eyeH));
            g.setColor(new Color(35, 25, 20));
            g.fill(new Ellipse2D.Double(ex - eyeH * 0.5, eyeY - eyeH * 0.5, eyeH, eyeH));
        }
        // nose: a shadowed ridge and nostrils
        g.setColor(skin.darker());
        g.setStroke(new BasicStroke((float) (fw * 0.02)));
        g.drawLine((int) (cx + fw * 0.03), (int) (eyeY + eyeH), (int) (cx + fw * 0.05), (int) (cy + fh * 0.17));
        g.fill(new Ellipse2D.Double(cx - fw * 0.08, cy + fh * 0.15, fw * 0.16, fw * 0.06));
        // mouth
        g.setColor(new Color(150, 70, 70));
        double mouthW = fw * (0.3 + random.nextDouble() * 0.08);
        g.fill(new Ellipse2D.Double(cx - mouthW / 2, cy + fh * 0.27, mouthW, fw * 0.07));
    }

    private static void shoulders(Graphics2D g, int width, int height, double cx) {
        g.setColor(new Color(40, 50, 80));
        g.fill(new Ellipse2D.Double(cx - width * 0.48, height * 0.80, width * 0.96, height * 0.5));
    }

    private static BufferedImage blur(BufferedImage image) {
        float[] kernel = new float[9];
        java.util.Arrays.fill(kernel, 1f / 9);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
        // sensor noise: real photos do not compress to a few kilobytes
        Random noise = new Random(image.getWidth());
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = out.getRGB(x, y);
                int n = noise.nextInt(9) - 4;
                out.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n));
            }
        }
        return out;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A portrait as a phone stores it when held upright: the pixels turned a quarter (landscape) and an EXIF
     * Orientation tag saying how to turn them back (6: 90° clockwise, 8: 90° anticlockwise).
     */
    public static byte[] sideways(BufferedImage upright, int orientation) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // the inverse of the turn the tag asks for: 6 is stored anticlockwise, 8 clockwise
                if (orientation == 6) {
                    stored.setRGB(y, w - 1 - x, upright.getRGB(x, y));
                } else {
                    stored.setRGB(h - 1 - y, x, upright.getRGB(x, y));
                }
            }
        }
        return withOrientation(jpeg(stored), orientation);
    }

    /** The JPEG with a real EXIF segment (big-endian TIFF, one IFD0 entry) carrying only the Orientation tag. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        tiff.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] payload = tiff.array();
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
}
