package org.baokao.notification.template;

import org.baokao.domain.operator.Operator;
import org.baokao.notification.template.TemplateDesk.Listing;
import org.baokao.notification.template.TemplateDesk.Preview;
import org.baokao.notification.template.TemplateDesk.TemplateView;
import org.baokao.notification.template.TemplateDesk.VersionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 消息模板 (OPS-3): {@code kind} is {@code sms} or {@code mail}. Under the operations path, so only operators get
 * here; {@link TemplateDesk} checks the desk's roles (administrators edit, auditors read).
 */
@RestController
@RequestMapping("/api/notifications/operations/templates/{kind}")
class TemplateController {

    private static final int MAX_SIZE = 100;

    private final TemplateDesk desk;

    TemplateController(TemplateDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    Listing<TemplateView> list(Operator operator, @PathVariable String kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.list(operator, TemplateKind.of(kind), Math.max(page, 0), Math.clamp(size, 1, MAX_SIZE));
    }

    @GetMapping("/{code}")
    TemplateView one(Operator operator, @PathVariable String kind, @PathVariable String code) {
        return desk.one(operator, TemplateKind.of(kind), code);
    }

    @GetMapping("/{code}/versions")
    Listing<VersionView> versions(Operator operator, @PathVariable String kind, @PathVariable String code,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.history(operator, TemplateKind.of(kind), code, Math.max(page, 0), Math.clamp(size, 1, MAX_SIZE));
    }

    @PostMapping("/{code}/preview")
    Preview preview(Operator operator, @PathVariable String kind, @PathVariable String code,
            @RequestBody Draft draft) {
        return desk.preview(operator, TemplateKind.of(kind), code, draft.text());
    }

    /** Saves a new version; {@code baseVersion} is the version shown when editing began (0 when none). */
    @PostMapping("/{code}/versions")
    TemplateView save(Operator operator, @PathVariable String kind, @PathVariable String code,
            @RequestBody Draft draft) {
        return desk.save(operator, TemplateKind.of(kind), code, draft.text(), draft.note(), draft.baseVersion());
    }

    record Draft(String subject, String content, String note, Integer baseVersion) {

        TemplateText text() {
            return new TemplateText(subject, content);
        }
    }
}
