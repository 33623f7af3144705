package org.baokao.photo.quality;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.baokao.domain.Refusal;
import org.baokao.photo.requirements.PhotoRequirements;

/**
 * The photo quality check (PHO-2), in the order that costs least first: byte size, format by content, header
 * dimensions (before any pixel is allocated, so a decompression bomb costs nothing), colour model, 3:4 ratio;
 * then a bounded decode (sub-sampled when large), brightness, contrast, a plain light background and exactly one
 * face. Each failure throws one {@link PhotoRejectedException} with a specific Chinese reason. A photo whose EXIF
 * Orientation says it was taken sideways is turned first ({@link ExifOrientation}). An accepted photo is
 * cropped to exactly 3:4, scaled to {@value #WIDTH}x{@value #HEIGHT} and re-encoded, which drops EXIF and GPS.
 */
public class PhotoQualityCheck {

    static final int WIDTH = 480;
    static final int HEIGHT = 640;
    private static final float JPEG_QUALITY = 0.9f;

    private final PhotoRequirements rules;
    private final FaceDetector faces;

    private static final int PROOF_MIN_SIDE = 300;

    public PhotoQualityCheck(PhotoRequirements rules, FaceDetector faces) {
        this.rules = rules;
        this.faces = faces;
    }

    public NormalizedPhoto check(byte[] bytes) {
        checkByteSize(bytes.length);
        ImageHeader header = ImageHeader.read(bytes);
        checkColourModel(header);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(header.format(), input);
            try {
                // a phone's portrait is often stored landscape with an EXIF Orientation saying how to turn it
                ExifOrientation orientation = ExifOrientation.of(bytes);
                int storedWidth = reader.getWidth(0);
                int storedHeight = reader.getHeight(0);
                int width = orientation.swapsSides() ? storedHeight : storedWidth;
                int height = orientation.swapsSides() ? storedWidth : storedHeight;
                checkDimensions(width, height);
                checkRatio(width, height);
                BufferedImage decoded = orientation.upright(decode(reader, width, height));
                if (header.format().equals(ImageHeader.JPEG)) {
                    checkJpegComplete(bytes);
                }
                BufferedImage normalized = scaledCrop(decoded, WIDTH, HEIGHT);
                Luminance luminance = Luminance.of(normalized);
                checkExposure(luminance);
                checkBackground(normalized);
                // faces are looked for at up to twice the stored size: small faces in a group photo vanish at 480
                int detectWidth = Math.min(2 * WIDTH, Math.max(WIDTH, decoded.getWidth()));
                checkOneFace(scaledCrop(decoded, detectWidth, detectWidth * 4 / 3));
                return new NormalizedPhoto(encodeJpeg(normalized), header.format(), width, height,
                        luminance.mean(), luminance.deviation());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            // a truncated or malformed file makes the decoders throw all sorts (IIOException, EOF, index errors)
            throw corrupt();
        }
    }

    /**
     * The checks that make sense for a proof image of manual review (PHO-5: ID card sides, a photo holding the ID
     * card): size, real JPEG/PNG by content, 8-bit, pixel bounds from the header before decoding (bombs), a complete
     * decodable file. No ratio, exposure, background or face rules: those are for the portrait. Answers the content
     * type.
     */
    public String checkProof(byte[] bytes) {
        checkByteSize(bytes.length);
        ImageHeader header = ImageHeader.read(bytes);
        if (header.bitDepth() != 8) {
            throw new PhotoRejectedException("PHOTO_BIT_DEPTH_UNSUPPORTED",
                    "不支持" + header.bitDepth() + "位色深的图片，请使用普通8位彩色照片");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(header.format(), input);
            try {
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > rules.maxWidth() || height > rules.maxHeight()) {
                    checkDimensions(width, height);
                }
                if (Math.min(width, height) < PROOF_MIN_SIDE) {
                    throw new PhotoRejectedException("PROOF_TOO_SMALL", "证明材料图片过小（" + width + "×" + height
                            + "），最短边不得小于" + PROOF_MIN_SIDE + "像素，请拍摄清晰完整的图片");
                }
                decode(reader, width, height);
                if (header.format().equals(ImageHeader.JPEG)) {
                    checkJpegComplete(bytes);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            throw corrupt();
        }
        return header.format().equals(ImageHeader.PNG) ? "image/png" : "image/jpeg";
    }

    private void checkByteSize(long size) {
        if (size > rules.maxBytes()) {
            throw new PhotoRejectedException(Refusal.Kind.TOO_LARGE, "PHOTO_TOO_LARGE",
                    "照片文件过大，不得超过" + kb(rules.maxBytes()));
        }
        if (size < rules.minBytes()) {
            throw new PhotoRejectedException("PHOTO_FILE_TOO_SMALL", "照片文件过小，不得小于" + kb(rules.minBytes())
                    + "，请使用清晰的原图");
        }
    }

    private static void checkColourModel(ImageHeader header) {
        if (header.bitDepth() != 8) {
            throw new PhotoRejectedException("PHOTO_BIT_DEPTH_UNSUPPORTED",
                    "不支持" + header.bitDepth() + "位色深的图片，请使用普通8位彩色照片");
        }
        if (header.components() == 4 && header.format().equals(ImageHeader.JPEG)) {
            throw new PhotoRejectedException("PHOTO_CMYK_UNSUPPORTED", "不支持CMYK（印刷）色彩模式的照片，请使用RGB彩色照片");
        }
        if (header.components() < 3) {
            throw new PhotoRejectedException("PHOTO_NOT_COLOUR", "照片须为彩色照片，不接受黑白或灰度照片");
        }
    }

    private void checkDimensions(int width, int height) {
        if (width > rules.maxWidth() || height > rules.maxHeight()) {
            throw new PhotoRejectedException("PHOTO_DIMENSIONS_TOO_LARGE", "照片像素尺寸过大（" + width + "×" + height
                    + "），不得超过" + rules.maxWidth() + "×" + rules.maxHeight());
        }
        if (width < rules.minWidth() || height < rules.minHeight()) {
            throw new PhotoRejectedException("PHOTO_DIMENSIONS_TOO_SMALL", "照片像素尺寸过小（" + width + "×" + height
                    + "），不得小于" + rules.minWidth() + "×" + rules.minHeight());
        }
    }

    private void checkRatio(int width, int height) {
        double ratio = (double) width / height;
        if (Math.abs(ratio - 0.75) / 0.75 > rules.ratioTolerance()) {
            throw new PhotoRejectedException("PHOTO_RATIO", "照片须为竖版3:4比例（宽:高），当前为" + width + "×" + height
                    + "，请裁剪后重新上传");
        }
    }

    private void checkExposure(Luminance luminance) {
        if (luminance.mean() < rules.minBrightness()) {
            throw new PhotoRejectedException("PHOTO_TOO_DARK", "照片过暗，请在光线充足、均匀的环境下重新拍摄");
        }
        if (luminance.mean() > rules.maxBrightness()) {
            throw new PhotoRejectedException("PHOTO_TOO_BRIGHT", "照片过亮（曝光过度），请避免强光直射后重新拍摄");
        }
        if (luminance.deviation() < rules.minContrast()) {
            throw new PhotoRejectedException("PHOTO_LOW_CONTRAST", "照片对比度过低、五官不清晰，请重新拍摄");
        }
    }

    /** The top strip and both side strips of the upper 60 %: in a portrait only background shows there. */
    private void checkBackground(BufferedImage photo) {
        int strip = WIDTH / 12;
        Luminance top = Luminance.of(photo, 0, 0, WIDTH, strip);
        Luminance left = Luminance.of(photo, 0, strip, strip, HEIGHT * 6 / 10 - strip);
        Luminance right = Luminance.of(photo, WIDTH - strip, strip, strip, HEIGHT * 6 / 10 - strip);
        double darkest = Math.min(top.mean(), Math.min(left.mean(), right.mean()));
        double brightest = Math.max(top.mean(), Math.max(left.mean(), right.mean()));
        if (darkest < rules.minBackgroundBrightness()) {
            throw new PhotoRejectedException("PHOTO_BACKGROUND_NOT_LIGHT", "照片背景须为白色或浅色，请在浅色墙面前重新拍摄");
        }
        double spread = Math.max(top.deviation(), Math.max(left.deviation(), right.deviation()));
        if (spread > rules.maxBackgroundDeviation() || brightest - darkest > rules.maxBackgroundDeviation()) {
            throw new PhotoRejectedException("PHOTO_BACKGROUND_NOT_PLAIN", "照片背景须为纯色，不得有杂物、图案或明显阴影");
        }
    }

    private void checkOneFace(BufferedImage photo) {
        int count = faces.countFaces(photo);
        if (count == 0) {
            throw new PhotoRejectedException("PHOTO_NO_FACE", "未检测到人脸，请正对镜头、露出完整五官后重新拍摄");
        }
        if (count > 1) {
            throw new PhotoRejectedException("PHOTO_MULTIPLE_FACES", "照片中检测到" + count + "张人脸，只能有本人一人");
        }
    }

    private static ImageReader readerFor(String format, ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        reader.setInput(input, true, true);
        return reader;
    }

    /**
     * Decodes sub-sampled so the decoded raster stays near twice the normalized size whatever the original's size:
     * memory per check is bounded by the configuration, not by the file. A decoder warning (a truncated JPEG
     * decodes to grey filler with only a warning) counts as a corrupt file.
     */
    private static BufferedImage decode(ImageReader reader, int width, int height) throws IOException {
        int step = Math.max(1, Math.min(width / (2 * WIDTH), height / (2 * HEIGHT)));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        AtomicReference<String> warning = new AtomicReference<>();
        reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
        BufferedImage image = reader.read(0, param);
        if (warning.get() != null) {
            throw corrupt();
        }
        return image;
    }

    /** A JPEG must end with its end-of-image marker (trailing padding aside): else it was cut off. */
    private static void checkJpegComplete(byte[] bytes) {
        int end = bytes.length - 1;
        while (end > 1 && bytes[end] == 0) {
            end--;
        }
        boolean complete = (bytes[end - 1] & 0xff) == 0xff && (bytes[end] & 0xff) == 0xd9;
        if (!complete) {
            throw corrupt();
        }
    }

    /** Crops the centre to exactly 3:4 and scales to the given size, in RGB. */
    private static BufferedImage scaledCrop(BufferedImage source, int targetWidth, int targetHeight) {
        int width = source.getWidth();
        int height = source.getHeight();
        int cropWidth = Math.min(width, height * 3 / 4);
        int cropHeight = Math.min(height, width * 4 / 3);
        int x = (width - cropWidth) / 2;
        int y = (height - cropHeight) / 2;
        BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, targetWidth, targetHeight);
            g.drawImage(source, 0, 0, targetWidth, targetHeight, x, y, x + cropWidth, y + cropHeight, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Writes only pixels: no metadata is passed to the writer, so no EXIF, GPS or comments survive. */
    static byte[] encodeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static PhotoRejectedException corrupt() {
        return new PhotoRejectedException("PHOTO_CORRUPT", "照片文件已损坏或不完整，无法读取，请重新拍摄或选择照片");
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + "MB" : bytes / 1024 + "KB";
    }
}
