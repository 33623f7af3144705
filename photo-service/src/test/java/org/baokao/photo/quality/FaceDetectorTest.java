package org.baokao.photo.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/** PHO-2: the packaged OpenCV cascade finds exactly the faces drawn, and none on a blank wall. */
class FaceDetectorTest {

    private final OpenCvFaceDetector detector = new OpenCvFaceDetector(1);

    @Test
    void findsOneFaceInAPortrait() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(detector.countFaces(TestPhotos.portrait(480, 640, seed, Color.WHITE, 1))).as("seed " + seed)
                    .isEqualTo(1);
        }
    }

    @Test
    void findsNoFaceOnABlankWall() {
        assertThat(detector.countFaces(TestPhotos.portrait(480, 640, 1, Color.WHITE, 0))).isZero();
    }

    @Test
    void findsTwoFacesInAGroupPhoto() {
        assertThat(detector.countFaces(TestPhotos.portrait(960, 1280, 3, Color.WHITE, 2))).isEqualTo(2);
    }
}
