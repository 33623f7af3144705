package org.baokao.enrollment.bureau;

import java.util.Arrays;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * The texts a bureau publishes (BUR-1), each versioned: a consent records the version the candidate saw. The slug is
 * the kind as the API names it ({@code /bureau/texts/candidate-notice}).
 */
@DomainModel
public enum TextKind {
    /** 考生须知: read before registering. */
    CANDIDATE_NOTICE("candidate-notice", "考生须知", true),
    /** 隐私政策: consented to at registration. */
    PRIVACY_POLICY("privacy-policy", "隐私政策", true),
    /** 服务协议: consented to at registration. */
    SERVICE_AGREEMENT("service-agreement", "服务协议", true),
    /** 考生诚信承诺书: Shanghai's new candidates agree to it (seed 004 §2); other bureaus have none. */
    INTEGRITY_PLEDGE("integrity-pledge", "考生诚信承诺书", false),
    /** 各市招生考试机构联系方式: linked from the login page (seed 000 §1.2); optional. */
    CITY_CONTACTS("city-contacts", "各市招生考试机构联系方式", false),
    /** 建档立卡家庭考生专升本计划: linked from the login page (seed 000 §1.2); optional. */
    POVERTY_RELIEF_PLAN("poverty-relief-plan", "建档立卡家庭考生专升本计划", false),
    /** 操作手册: linked from the login page (seed 000 §1.2); optional. */
    USER_MANUAL("user-manual", "操作手册", false);

    private final String slug;
    private final String title;
    private final boolean required;

    TextKind(String slug, String title, boolean required) {
        this.slug = slug;
        this.title = title;
        this.required = required;
    }

    public String slug() {
        return slug;
    }

    /** The title a text of this kind gets when the operator sends none. */
    public String title() {
        return title;
    }

    /** Whether every bureau must publish a text of this kind. */
    public boolean required() {
        return required;
    }

    public static Optional<TextKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
