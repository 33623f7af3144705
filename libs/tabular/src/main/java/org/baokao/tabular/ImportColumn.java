package org.baokao.tabular;

/**
 * A column of an import file, found by its Chinese header in any order. Implemented by each import's enum of
 * columns: {@link #name()} starts the codes of its row errors ({@code MAJOR_CODE_REQUIRED}), {@link #header()} is
 * the header and the {@code field} of a row error.
 */
public interface ImportColumn {

    String name();

    String header();

    /** A required column missing from the header refuses the file; an optional one reads as empty cells. */
    default boolean required() {
        return true;
    }
}
