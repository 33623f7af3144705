package org.baokao.enrollment.bureau;

import java.time.Instant;

/** A text version a bureau has published, and when it was first published. */
public record PublishedText(BureauText text, Instant publishedAt) {
}
