package org.baokao.enrollment.selfstudy;

import java.util.List;
import java.util.UUID;

/**
 * Whether a Shanghai 自考 candidate may choose courses and pay for them now (ENR-8, SST-4): course selection needs
 * complete personal information (the starred fields), a verified phone and the sitting's 问卷 answered; paying needs,
 * for a new candidate, the registration approved (a candidate under manual review chooses but does not pay yet).
 * The course pages and the course service read it; the facts behind it are kept by this package.
 */
public interface CourseReadiness {

    Readiness of(UUID candidateId, String bureau);

    /**
     * @param blockers        what stops course selection, in the order to fix them; empty when the candidate may
     *                        choose
     * @param paymentBlocker  what stops paying when choosing is possible (manual review not approved yet), else null
     * @param admissionNumber the candidate's 准考证号, null until one is imported or generated
     */
    record Readiness(List<Blocker> blockers, Blocker paymentBlocker, String admissionNumber) {

        public Readiness {
            blockers = List.copyOf(blockers);
        }

        public boolean mayChoose() {
            return blockers.isEmpty();
        }

        public boolean mayPay() {
            return blockers.isEmpty() && paymentBlocker == null;
        }
    }

    /**
     * One reason, as the API answers it: a stable {@code code} (PROFILE_INCOMPLETE, PHONE_NOT_VERIFIED,
     * QUESTIONNAIRE_REQUIRED, APPROVAL_REQUIRED), the Chinese {@code message}, and the web page that fixes it
     * ({@code link}, a route of the bureau's web app such as {@code /home}, {@code /questionnaire}, {@code /review}).
     */
    record Blocker(String code, String message, String link) {
    }
}
