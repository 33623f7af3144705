package org.baokao.enrollment.confirmation;

import org.baokao.domain.DomainModel;

/**
 * The candidate's name and ID number as account-service shows them to the candidate ({@code GET /api/accounts/me}:
 * 张*, 3101**********1234): what the 确认单 prints, read for each download and never stored here (ACC-10).
 */
@DomainModel
record MaskedIdentity(String name, String idNumber) {
}
