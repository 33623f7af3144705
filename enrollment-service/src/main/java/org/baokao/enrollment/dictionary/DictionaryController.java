package org.baokao.enrollment.dictionary;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.domain.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dictionaries of the personal-information step (ENR-3), public: the wizard's drop-downs read them before
 * and while a candidate fills the form. They change only with a release, so browsers may cache them.
 */
@RestController
@RequestMapping("/api/enrollments/public/dictionaries")
class DictionaryController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    record CodeListView(String id, String title, String standard, List<DictionaryEntry> entries) {

        static CodeListView of(CodeList list) {
            return new CodeListView(list.id(), list.title(), list.standard(), list.entries());
        }
    }

    record RegionsView(String id, String title, String standard, List<Regions.Province> provinces) {
    }

    /** What there is: each dictionary's id, title and the path to read it. */
    @GetMapping
    ResponseEntity<List<Map<String, String>>> index() {
        List<Map<String, String>> index = new java.util.ArrayList<>();
        for (CodeList list : Dictionaries.CODE_LISTS) {
            index.add(entry(list.id(), list.title()));
        }
        index.add(entry("regions", "户籍所在省（直辖市）及市"));
        return ResponseEntity.ok().cacheControl(CACHE).body(index);
    }

    @GetMapping("/regions")
    ResponseEntity<RegionsView> regions() {
        return ResponseEntity.ok().cacheControl(CACHE).body(new RegionsView("regions", "户籍所在省（直辖市）及市",
                "GB/T 2260", Dictionaries.REGIONS.provinces()));
    }

    @GetMapping("/{id}")
    ResponseEntity<CodeListView> codeList(@PathVariable String id) {
        CodeList list = Dictionaries.codeList(id)
                .orElseThrow(() -> Refusal.notFound("DICTIONARY_NOT_FOUND", "没有该字典"));
        return ResponseEntity.ok().cacheControl(CACHE).body(CodeListView.of(list));
    }

    private static Map<String, String> entry(String id, String title) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("title", title);
        entry.put("path", "/api/enrollments/public/dictionaries/" + id);
        return entry;
    }
}
