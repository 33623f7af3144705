package org.baokao.photo.quality;

import org.baokao.domain.Refusal;

/**
 * What the first bytes of a file say it is, read without decoding a single pixel: the format by its signature
 * (never by file name or declared type), and for PNG the bit depth and colour type from the IHDR chunk, for JPEG
 * the number of colour components from the frame header. Decompression bombs and CMYK or 16-bit images are
 * refused from here, before any pixel memory is allocated.
 */
record ImageHeader(String format, int components, int bitDepth) {

    static final String JPEG = "JPEG";
    static final String PNG = "PNG";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static ImageHeader read(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return jpeg(bytes);
        }
        if (bytes.length > 33 && startsWith(bytes, PNG_SIGNATURE)) {
            return png(bytes);
        }
        throw new PhotoRejectedException(Refusal.Kind.UNSUPPORTED_FORMAT, "PHOTO_FORMAT_UNSUPPORTED",
                "仅支持JPEG或PNG格式的照片，该文件不是有效的JPEG或PNG图片（修改扩展名无效）");
    }

    private static ImageHeader png(byte[] bytes) {
        // IHDR is always the first chunk: length(4) type(4) width(4) height(4) depth(1) colour type(1)
        int bitDepth = bytes[24] & 0xff;
        int colourType = bytes[25] & 0xff;
        int components = switch (colourType) {
            case 0 -> 1;          // grey
            case 2 -> 3;          // RGB
            case 3 -> 3;          // palette
            case 4 -> 2;          // grey + alpha
            case 6 -> 4;          // RGBA
            default -> -1;
        };
        return new ImageHeader(PNG, components, bitDepth);
    }

    /** Walks the JPEG markers up to the frame header (SOFn) to learn the component count. */
    private static ImageHeader jpeg(byte[] bytes) {
        int i = 2;
        while (i + 9 < bytes.length) {
            if ((bytes[i] & 0xff) != 0xff) {
                break;
            }
            int marker = bytes[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            int length = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
            boolean frameHeader = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (frameHeader) {
                int precision = bytes[i + 4] & 0xff;
                int components = bytes[i + 9] & 0xff;
                return new ImageHeader(JPEG, components, precision);
            }
            i += 2 + length;
        }
        throw new PhotoRejectedException("PHOTO_CORRUPT", "照片文件已损坏或不完整，无法读取，请重新拍摄或选择照片");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
