package org.baokao.enrollment.lists;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据导出 (OPS-3): ask for an export (202, then poll it for its progress), the operator's own history, and the file.
 * Roles bureau-admin, finance, city-operator (their city), university-reviewer (their university); see
 * {@link Exports}.
 */
@RestController
@RequestMapping("/api/enrollments/operations/exports")
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    record ExportView(UUID id, String exam, ListKind list, String listName, Grouping grouping, String groupingName,
            ExportFormat format, String status, String statusName, Integer rowsTotal, int rowsDone, int percent,
            String fileName, String failure, String reason, Instant createdAt, Instant finishedAt) {

        static ExportView of(Export export) {
            return new ExportView(export.id(), export.examCode(), export.kind(), export.kind().chineseName(),
                    export.grouping(), export.grouping().chineseName(), export.format(), export.status().name(),
                    export.status().chineseName(), export.rowsTotal(), export.rowsDone(), export.percent(),
                    export.fileName(), export.failure(), export.reason(), export.createdAt(), export.finishedAt());
        }
    }

    record ExportPage(List<ExportView> items, long total, int page, int size) {
    }

    @PostMapping
    ResponseEntity<ExportView> create(Operator operator, @RequestBody Exports.Request request) {
        Export export = exports.create(operator, request);
        return ResponseEntity.accepted().location(URI.create("/api/enrollments/operations/exports/" + export.id()))
                .body(ExportView.of(export));
    }

    @GetMapping
    ExportPage history(Operator operator, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw Refusal.invalid("PAGE_INVALID", "分页参数不正确：每页 1–100 条");
        }
        Exports.History history = exports.history(operator, page, size);
        return new ExportPage(history.items().stream().map(ExportView::of).toList(), history.total(), page, size);
    }

    @GetMapping("/{id}")
    ExportView get(Operator operator, @PathVariable UUID id) {
        return ExportView.of(exports.get(operator, id));
    }

    @GetMapping("/{id}/file")
    ResponseEntity<byte[]> file(Operator operator, @PathVariable UUID id) {
        ExportStore.File file = exports.file(operator, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }
}
