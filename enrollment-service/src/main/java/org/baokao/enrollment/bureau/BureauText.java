package org.baokao.enrollment.bureau;

import org.baokao.domain.DomainModel;

/**
 * One version of one of a bureau's texts (BUR-1). A version, once published, never changes: a different text is a
 * different version. {@code text} is plain text, paragraphs separated by a blank line.
 */
@DomainModel
public record BureauText(TextKind kind, String version, String title, String text) {

    /** Whether {@code other} says the same under the same title (what a version fixes). */
    public boolean sameContentAs(BureauText other) {
        return title.equals(other.title) && text.equals(other.text);
    }
}
