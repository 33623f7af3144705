package org.baokao.enrollment.dictionary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flat dictionary (ENR-3): codes in their standard order with their Chinese names. The wizard checks what a
 * candidate sends with {@link #isValid}; the UI lists {@link #entries}.
 */
public final class CodeList {

    private final String id;
    private final String title;
    private final String standard;
    private final List<DictionaryEntry> entries;
    private final Map<String, DictionaryEntry> byCode;

    CodeList(String id, String title, String standard, List<DictionaryEntry> entries) {
        this.id = id;
        this.title = title;
        this.standard = standard;
        this.entries = List.copyOf(entries);
        Map<String, DictionaryEntry> map = new LinkedHashMap<>();
        for (DictionaryEntry entry : entries) {
            if (map.put(entry.code(), entry) != null) {
                throw new IllegalArgumentException(id + ": code " + entry.code() + " listed twice");
            }
        }
        this.byCode = Map.copyOf(map);
    }

    static CodeList of(String id, String title, String standard, String... codeNamePairs) {
        if (codeNamePairs.length % 2 != 0) {
            throw new IllegalArgumentException(id + ": codes and names must come in pairs");
        }
        List<DictionaryEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            entries.add(new DictionaryEntry(codeNamePairs[i], codeNamePairs[i + 1]));
        }
        return new CodeList(id, title, standard, entries);
    }

    /** The name in URLs, e.g. {@code ethnicities}. */
    public String id() {
        return id;
    }

    /** The Chinese title, e.g. 民族. */
    public String title() {
        return title;
    }

    /** The standard the codes follow, or a note on where they come from. */
    public String standard() {
        return standard;
    }

    public List<DictionaryEntry> entries() {
        return entries;
    }

    /** Whether {@code code} is one of this dictionary's codes (exact, case-sensitive; null is not). */
    public boolean isValid(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code)).map(DictionaryEntry::name);
    }
}
