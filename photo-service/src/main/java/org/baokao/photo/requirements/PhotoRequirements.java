package org.baokao.photo.requirements;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The photo rules a deployment sets (PHO-2): the UI shows them before capture, the quality check enforces them.
 * The portrait ratio is fixed at 3:4 (width:height), within {@code ratioTolerance}.
 */
@ConfigurationProperties("baokao.photo")
public record PhotoRequirements(long minBytes, long maxBytes, int minWidth, int minHeight, int maxWidth,
        int maxHeight, double ratioTolerance) {
}
