package org.baokao.account.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/** Draws a captcha answer as a PNG a person reads easily and a naive OCR does not: rotated glyphs, noise lines. */
final class CaptchaImage {

    static final int WIDTH = 120;
    static final int HEIGHT = 40;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private CaptchaImage() {
    }

    /** A {@code data:image/png;base64,...} URL, ready for an {@code <img src>}. */
    static String dataUrl(String answer) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(243, 246, 250));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            noise(g, 6);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            int step = (WIDTH - 16) / answer.length();
            for (int i = 0; i < answer.length(); i++) {
                AffineTransform saved = g.getTransform();
                int x = 10 + i * step;
                int y = 29 + RANDOM.nextInt(-3, 4);
                g.rotate(Math.toRadians(RANDOM.nextInt(-25, 26)), x + 8, y - 9);
                g.setColor(new Color(RANDOM.nextInt(20, 110), RANDOM.nextInt(20, 110), RANDOM.nextInt(60, 160)));
                g.drawString(String.valueOf(answer.charAt(i)), x, y);
                g.setTransform(saved);
            }
            noise(g, 3);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static void noise(Graphics2D g, int lines) {
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < lines; i++) {
            g.setColor(new Color(RANDOM.nextInt(120, 220), RANDOM.nextInt(120, 220), RANDOM.nextInt(120, 220)));
            g.drawLine(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT));
        }
    }
}
