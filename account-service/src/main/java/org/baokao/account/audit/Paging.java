package org.baokao.account.audit;

import java.util.List;

import org.baokao.domain.Refusal;

/**
 * The console's paging (OPS-3): {@code page} 0-based, {@code size} 20 by default and at most 100; a list answers
 * {@code {items, total, page, size}}.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The paging asked for; a negative page or a size outside 1..100 is refused (400). */
    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw Refusal.invalid("PAGE_INVALID", "页码不能小于0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Refusal.invalid("PAGE_SIZE_INVALID", "每页条数须在1到" + MAX_SIZE + "之间");
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    /** One page of a list and the size of the whole list. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, total, page, size);
    }
}
