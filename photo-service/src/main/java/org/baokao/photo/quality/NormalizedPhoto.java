package org.baokao.photo.quality;

/**
 * A photo that passed the quality check: the normalized JPEG (fixed size, re-encoded, no EXIF or GPS: only pixels
 * survive the re-encoding) and what the check measured, for the candidate's screen and the logs.
 */
public record NormalizedPhoto(byte[] jpeg, String originalFormat, int originalWidth, int originalHeight,
        double brightness, double contrast) {
}
