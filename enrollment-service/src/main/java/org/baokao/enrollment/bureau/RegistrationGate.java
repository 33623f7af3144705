package org.baokao.enrollment.bureau;

import org.baokao.domain.DomainModel;

/** Who may register an account at a bureau (ACC-3). */
@DomainModel
public enum RegistrationGate {
    /** Only ID numbers on the registration exam's roster (考生名单): Shandong 专升本. */
    ROSTER,
    /** Anyone, choosing an examining university and a major: Shanghai 自考 新考生注册. */
    OPEN
}
