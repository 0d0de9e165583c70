package io.pdx.marketplace.testing;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.marketplace.catalog.Dataset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.util.List;
import java.util.UUID;

/** Catalog entries a test makes for itself, written through the real PostgreSQL. */
public final class TestDatasets {

    private TestDatasets() {
    }

    public static Dataset persist(String nameZh, Grade grade, String provider) {
        Dataset dataset = new Dataset();
        dataset.id = UUID.randomUUID();
        dataset.nameZh = nameZh + "-" + dataset.id.toString().substring(0, 8);
        dataset.nameEn = "Test dataset " + grade;
        dataset.description = "测试数据集 / test dataset";
        dataset.category = "交通/公共交通";
        dataset.grade = grade;
        dataset.provider = provider;
        dataset.providerName = "测试部门 " + provider;
        dataset.rowCount = 42;
        dataset.schema = new DatasetSchema(List.of(
                new ColumnSpec("person_id", "VARCHAR", ColumnTag.IDENTIFIER, "person"),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, "amount")));
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(dataset::persist));
        } catch (Throwable failure) {
            throw new IllegalStateException("could not persist test dataset", failure);
        }
        return dataset;
    }
}
