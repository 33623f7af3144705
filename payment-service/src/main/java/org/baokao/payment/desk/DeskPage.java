package org.baokao.payment.desk;

import java.util.List;

/** One page of a desk's list (OPS-3): the rows, how many match in all, which page and its size. */
public record DeskPage<T>(List<T> items, long total, int page, int size) {
}
