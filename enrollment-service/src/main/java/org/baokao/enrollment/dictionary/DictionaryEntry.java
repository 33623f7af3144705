package org.baokao.enrollment.dictionary;

/** One value of a dictionary: the stable code forms send and the Chinese name they show. */
public record DictionaryEntry(String code, String name) {
}
