package io.pdx.contracts.product;

import java.util.List;

/** One page of products; {@code total} counts only the products the caller may see. */
public record ProductPage(List<ProductView> items, long total, int page, int size) {
}
