package io.pdx.contracts.product;

/**
 * Whether a product is on offer: LISTED (applications are taken, once the holding department consented), or WITHDRAWN
 * by its department or the bureau (下架: no new application; licenses already granted keep their term).
 */
public enum ProductStatus {
    LISTED, WITHDRAWN
}
