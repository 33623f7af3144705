package org.baokao.photo.quality;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Frontal faces by OpenCV's Haar cascade, the model file shipped inside the {@code org.bytedeco:opencv} jar
 * (nothing is downloaded at run time). A classifier is not safe for concurrent use, so each check borrows one from
 * a small pool.
 */
public class OpenCvFaceDetector implements FaceDetector {

    static final String CASCADE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/"
            + "haarcascade_frontalface_default.xml";

    private final BlockingQueue<CascadeClassifier> pool;

    public OpenCvFaceDetector(int poolSize) {
        Path model = extractModel();
        pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            CascadeClassifier classifier = new CascadeClassifier(model.toString());
            if (classifier.empty()) {
                throw new IllegalStateException("the face cascade did not load from " + model);
            }
            pool.add(classifier);
        }
    }

    @Override
    public int countFaces(BufferedImage photo) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        byte[] grey = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            photo.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                grey[y * width + x] = (byte) ((299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff)
                        + 114 * (rgb & 0xff)) / 1000);
            }
        }
        CascadeClassifier classifier = borrow();
        // no histogram equalisation: on a mostly white portrait it stretches the face's tones and loses it
        try (Mat image = new Mat(height, width, opencv_core.CV_8UC1);
                RectVector found = new RectVector();
                // a passport-style face fills a good part of the frame; tiny detections are background noise
                Size minimum = new Size(width / 8, width / 8);
                Size maximum = new Size()) {
            image.data().put(grey);
            classifier.detectMultiScale(image, found, 1.1, 5, 0, minimum, maximum);
            return (int) found.size();
        } finally {
            pool.add(classifier);
        }
    }

    private CascadeClassifier borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a face detector", e);
        }
    }

    private static Path extractModel() {
        try (InputStream in = OpenCvFaceDetector.class.getResourceAsStream(CASCADE)) {
            if (in == null) {
                throw new IllegalStateException("face cascade " + CASCADE + " is not on the class path");
            }
            Path file = Files.createTempFile("baokao-face-cascade-", ".xml");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
