package org.baokao.photo.quality;

import java.awt.image.BufferedImage;

/** Mean and standard deviation of the luminance (ITU-R BT.601, 0..255) of an image region. */
record Luminance(double mean, double deviation) {

    static Luminance of(BufferedImage image) {
        return of(image, 0, 0, image.getWidth(), image.getHeight());
    }

    static Luminance of(BufferedImage image, int x0, int y0, int width, int height) {
        double sum = 0;
        double squares = 0;
        int[] row = new int[width];
        for (int y = y0; y < y0 + height; y++) {
            image.getRGB(x0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                double luma = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += luma;
                squares += luma * luma;
            }
        }
        long count = (long) width * height;
        double mean = sum / count;
        return new Luminance(mean, Math.sqrt(Math.max(0, squares / count - mean * mean)));
    }
}
