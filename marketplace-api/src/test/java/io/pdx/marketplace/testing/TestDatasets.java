package io.pdx.marketplace.testing;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.marketplace.catalog.Dataset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Catalog entries a test makes for itself, written through the real PostgreSQL. */
public final class TestDatasets {

    private TestDatasets() {
    }

    /** A registered dataset (version 1 of its own lineage). */
    public static Dataset persist(String nameZh, Grade grade, String provider) {
        return persist(nameZh, grade, provider, RegistrationStatus.REGISTERED);
    }

    public static Dataset persist(String nameZh, Grade grade, String provider, RegistrationStatus status) {
        return persist(nameZh, grade, provider, status, dataset -> { });
    }

    /** A dataset like the others, changed by {@code customize} before it is written. */
    public static Dataset persist(String nameZh, Grade grade, String provider, RegistrationStatus status,
                                  Consumer<Dataset> customize) {
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
        FixtureStates.inState(dataset, status);
        dataset.updateFrequency = UpdateFrequency.MONTHLY;
        dataset.spatialCoverage = "350100";
        dataset.sharingType = SharingType.CONDITIONAL;
        dataset.sharingCondition = "测试条件 / test condition";
        dataset.openness = grade == Grade.GENERAL ? Openness.OPEN : Openness.AUTHORIZED_OPERATION;
        if (status == RegistrationStatus.REGISTERED || status == RegistrationStatus.SUPERSEDED) {
            dataset.certificateNo = "T-" + dataset.id; // fits varchar(40), unique
        }
        dataset.schema = new DatasetSchema(List.of(
                new ColumnSpec("person_id", "VARCHAR", ColumnTag.IDENTIFIER, "person"),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, "amount")));
        customize.accept(dataset);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(dataset::persist));
        } catch (Throwable failure) {
            throw new IllegalStateException("could not persist test dataset", failure);
        }
        return dataset;
    }
}
