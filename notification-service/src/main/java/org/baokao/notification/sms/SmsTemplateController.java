package org.baokao.notification.sms;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators review the SMS wording candidates will receive (NOT-1). */
@RestController
class SmsTemplateController {

    private final SmsTemplates templates;

    SmsTemplateController(SmsTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/notifications/templates")
    @PreAuthorize("hasRole('operator')")
    List<SmsTemplates.TemplateView> templates() {
        return templates.all();
    }
}
