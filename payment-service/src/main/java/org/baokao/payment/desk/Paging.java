package org.baokao.payment.desk;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/** A desk list's page (0-based) and size (default 20, at most 100), as every console list takes them (OPS-3). */
@DomainModel
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The page asked for; refuses a negative page or a size outside 1–100 (400 {@code INVALID_PAGE}). */
    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw Refusal.invalid("INVALID_PAGE", "页码须从0开始，每页条数须在1到" + MAX_SIZE + "之间");
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
