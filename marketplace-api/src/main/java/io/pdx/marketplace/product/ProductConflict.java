package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** A listing that conflicts with the state of the dataset: 409. Nothing is written. */
public final class ProductConflict extends ProblemException {

    private ProductConflict(String slug, String title, String detail, List<FieldError> errors) {
        super(409, slug, title, detail, errors);
    }

    static ProductConflict notRegistered(Object status) {
        return new ProductConflict("dataset-not-registered", "Dataset not registered / 数据集未完成登记",
                "Only a registered dataset can be listed as a product; this one is " + status + ".",
                List.of(new FieldError("datasetId", "the dataset is not registered")));
    }

    static ProductConflict neverListed(Grade grade) {
        return new ProductConflict("never-listed", "Never listed / 核心数据不予上架",
                "Core datasets are never listed: grade " + grade + " allows no mode of use.",
                List.of(new FieldError("datasetId", "datasets of grade " + grade + " are never listed")));
    }

    static ProductConflict nameTaken() {
        return new ProductConflict("duplicate-name", "Name already used / 名称已被使用",
                "The dataset already has a product of that name.",
                List.of(new FieldError("nameZh", "already used by another product of this dataset")));
    }

    static ProductConflict consentGiven() {
        return new ProductConflict("consent-given", "Consent already recorded / 已记录数源单位同意",
                "The holding department's consent to this product is already recorded; a consent is given once.", List.of());
    }

    static ProductConflict notListed(Object status) {
        return new ProductConflict("product-not-listed", "Product not listed / 数据产品未上架",
                "Only a listed product's price can change; this one is " + status + ".", List.of());
    }

    static ProductConflict free() {
        return new ProductConflict("product-free", "Free product / 免费数据产品",
                "A FREE product has no price to change: list a priced product instead.", List.of());
    }
}
