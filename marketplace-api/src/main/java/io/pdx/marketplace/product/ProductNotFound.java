package io.pdx.marketplace.product;

import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** No product with that id — or one whose dataset the caller may not see: both 404, so existence does not leak. */
public final class ProductNotFound extends ProblemException {

    public ProductNotFound(UUID id) {
        super(404, "product-not-found", "Product not found / 数据产品不存在",
                "No product " + id + " is visible to you.");
    }
}
