package org.baokao.gateway.waitingroom;

import java.time.Duration;

import org.baokao.domain.DomainModel;

/**
 * How fast the line moved lately: tickets admitted over a span of time, as measured in the shared store (all
 * instances' admissions count). A span shorter than {@code minimumSpan} is stretched to it, so a first batch
 * admitted a moment ago does not promise an instant wait to everyone behind.
 */
@DomainModel
public record AdmissionRate(long admitted, Duration span) {

    public static final AdmissionRate UNKNOWN = new AdmissionRate(0, Duration.ZERO);

    public static AdmissionRate measured(long admitted, Duration span, Duration minimumSpan) {
        return new AdmissionRate(admitted, span.compareTo(minimumSpan) < 0 ? minimumSpan : span);
    }

    public boolean isKnown() {
        return admitted > 0 && !span.isZero();
    }

    public double perMinute() {
        return isKnown() ? admitted * 60_000.0 / span.toMillis() : 0;
    }
}
