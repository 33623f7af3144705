package org.baokao.photo.quality;

import java.awt.image.BufferedImage;

/** Counts the frontal faces in a normalized photo (PHO-2: exactly one face). */
public interface FaceDetector {

    int countFaces(BufferedImage photo);
}
