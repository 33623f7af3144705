package org.baokao.tabular;

import org.baokao.domain.DomainModel;

/**
 * Why a row of an uploaded file was refused: the line, the column (its Chinese header; {@code null} for the row as a
 * whole), a stable code and a Chinese reason. Never carries the refused value itself.
 */
@DomainModel
public record RowError(int line, String field, String code, String reason) {
}
