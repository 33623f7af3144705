package org.baokao.photo.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.baokao.photo.requirements.PhotoRequirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PHO-2: each rule rejects with its own code and Chinese reason; an accepted photo is normalized without EXIF. */
class PhotoQualityCheckTest {

    static final PhotoRequirements RULES = new PhotoRequirements(10240, 10485760, 295, 413, 6000, 8000, 0.05, 70,
            225, 25, 170, 30);
    private static final OpenCvFaceDetector FACES = new OpenCvFaceDetector(1);

    private final PhotoQualityCheck check = new PhotoQualityCheck(RULES, FACES);

    @Test
    void acceptsAPortraitAndNormalizesItToA480x640JpegWithoutExif() throws Exception {
        byte[] upload = TestPhotos.withExif(TestPhotos.portraitJpeg(1224, 1), "GPS 31.2304N 121.4737E");

        NormalizedPhoto photo = check.check(upload);

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(stored.getWidth()).isEqualTo(480);
        assertThat(stored.getHeight()).isEqualTo(640);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "GPS");
        assertThat(new String(photo.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
        assertThat(photo.originalFormat()).isEqualTo("JPEG");
    }

    @Test
    void acceptsPng() {
        assertThat(check.check(TestPhotos.png(TestPhotos.portrait(600, 800, 2, new Color(240, 240, 240), 1)))
                .originalFormat()).isEqualTo("PNG");
    }

    @Test
    void rejectsA50MegabyteUploadBeforeReadingIt() {
        rejected(new byte[50 * 1024 * 1024], "PHOTO_TOO_LARGE", "不得超过10MB");
    }

    @Test
    void rejectsZipAndPdfRenamedJpg() {
        byte[] zip = padded(new byte[] {'P', 'K', 3, 4});
        byte[] pdf = padded("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        rejected(zip, "PHOTO_FORMAT_UNSUPPORTED", "仅支持JPEG或PNG");
        rejected(pdf, "PHOTO_FORMAT_UNSUPPORTED", "仅支持JPEG或PNG");
    }

    @Test
    void rejectsATruncatedJpeg() {
        byte[] whole = TestPhotos.portraitJpeg(900, 3);
        rejected(Arrays.copyOf(whole, whole.length * 2 / 3), "PHOTO_CORRUPT", "损坏或不完整");
    }

    @Test
    void rejectsTheDecompressionBombFromItsHeaderWithBoundedMemory() {
        byte[] bomb = TestPhotos.pngBomb(12000, 16000);
        assertThat(bomb.length).isLessThan(10 * 1024 * 1024);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        rejected(bomb, "PHOTO_DIMENSIONS_TOO_LARGE", "12000×16000");

        // 192 million pixels would be over 570 MB decoded; the check reads the header only
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(8L * 1024 * 1024);
    }

    @Test
    void rejectsCmykJpegAnd16BitPng() {
        rejected(padded(TestPhotos.cmykJpeg(600, 800)), "PHOTO_CMYK_UNSUPPORTED", "CMYK");
        rejected(padded(TestPhotos.png16(600, 800)), "PHOTO_BIT_DEPTH_UNSUPPORTED", "16位");
    }

    @Test
    void rejectsWrongRatioAndPixelBounds() {
        rejected(TestPhotos.jpeg(TestPhotos.portrait(800, 800, 1, Color.WHITE, 1)), "PHOTO_RATIO", "3:4");
        rejected(padded(TestPhotos.jpeg(TestPhotos.portrait(240, 320, 1, Color.WHITE, 1))), "PHOTO_DIMENSIONS_TOO_SMALL",
                "295×413");
    }

    @Test
    void rejectsDarkBrightAndFlatPhotos() {
        BufferedImage portrait = TestPhotos.portrait(600, 800, 4, new Color(235, 235, 232), 1);
        rejected(TestPhotos.jpeg(TestPhotos.towards(portrait, 0, 0.7)), "PHOTO_TOO_DARK", "过暗");
        rejected(TestPhotos.jpeg(TestPhotos.towards(portrait, 255, 0.8)), "PHOTO_TOO_BRIGHT", "过亮");
        rejected(TestPhotos.jpeg(TestPhotos.towards(portrait, 150, 0.85)), "PHOTO_LOW_CONTRAST", "对比度");
    }

    @Test
    void rejectsADarkOrBusyBackground() {
        rejected(TestPhotos.jpeg(TestPhotos.portrait(600, 800, 5, new Color(110, 120, 130), 1)),
                "PHOTO_BACKGROUND_NOT_LIGHT", "白色或浅色");
        BufferedImage busy = TestPhotos.portrait(600, 800, 5, new Color(235, 235, 232), 1);
        Graphics2D g = busy.createGraphics();
        g.setColor(new Color(90, 60, 40));
        for (int x = 0; x < 600; x += 40) {
            g.fillRect(x, 0, 14, 60);
        }
        g.dispose();
        rejected(TestPhotos.jpeg(busy), "PHOTO_BACKGROUND_NOT_PLAIN", "纯色");
    }

    @Test
    void rejectsNoFaceAndTwoFaces() {
        rejected(TestPhotos.jpeg(TestPhotos.portrait(600, 800, 6, new Color(235, 235, 232), 0)), "PHOTO_NO_FACE",
                "未检测到人脸");
        rejected(TestPhotos.groupJpeg(), "PHOTO_MULTIPLE_FACES", "只能有本人一人");
    }

    @ParameterizedTest(name = "EXIF Orientation {0}")
    @ValueSource(ints = {6, 8})
    void turnsAPortraitTakenSidewaysByItsExifOrientationBeforeTheChecks(int orientation) throws Exception {
        BufferedImage upright = TestPhotos.portrait(600, 800, 11, new Color(240, 240, 240), 1);
        byte[] upload = TestPhotos.sideways(upright, orientation);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(upload));
        assertThat(stored.getWidth()).as("the phone's pixels are landscape").isEqualTo(800);
        assertThat(stored.getHeight()).isEqualTo(600);

        NormalizedPhoto photo = check.check(upload);

        BufferedImage turned = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(turned.getWidth()).isEqualTo(480);
        assertThat(turned.getHeight()).isEqualTo(640);
        // turned the right way: the same picture as the upright upload, not one upside down
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(check.check(TestPhotos.jpeg(upright)).jpeg()));
        assertThat(meanDifference(turned, expected)).isLessThan(6.0);
        assertThat(meanDifference(turned, ExifOrientation.ROTATED_180.upright(expected))).isGreaterThan(20.0);
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private void rejected(byte[] upload, String code, String reason) {
        assertThatThrownBy(() -> check.check(upload)).isInstanceOfSatisfying(PhotoRejectedException.class,
                rejected -> {
                    assertThat(rejected.code()).isEqualTo(code);
                    assertThat(rejected.getMessage()).contains(reason);
                });
    }

    /** Pads a small file past the minimum byte size so the rule under test is the one that answers. */
    static byte[] padded(byte[] content) {
        return content.length >= 20 * 1024 ? content : Arrays.copyOf(content, 20 * 1024);
    }
}
