package org.baokao.account.roster;

import org.baokao.domain.DomainModel;

/**
 * Why a roster row was refused: the line, the column (its Chinese header; {@code null} for the row as a whole),
 * a stable code and a Chinese reason. Never carries the refused value itself.
 */
@DomainModel
record RowError(int line, String field, String code, String reason) {
}
