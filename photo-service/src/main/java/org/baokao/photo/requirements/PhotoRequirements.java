package org.baokao.photo.requirements;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The photo rules a deployment sets (PHO-2): the UI shows them before capture, the quality check enforces them.
 * The portrait ratio is fixed at 3:4 (width:height), within {@code ratioTolerance}. Brightness and contrast are
 * the mean and standard deviation of the luminance (0..255) of the normalized photo; the background is judged on
 * its border strips (top and both sides of the upper part, where a portrait shows only background).
 */
@ConfigurationProperties("baokao.photo")
public record PhotoRequirements(long minBytes, long maxBytes, int minWidth, int minHeight, int maxWidth,
        int maxHeight, double ratioTolerance, double minBrightness, double maxBrightness, double minContrast,
        double minBackgroundBrightness, double maxBackgroundDeviation) {
}
