package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.LicensedData;
import io.pdx.marketplace.sandbox.tables.OwnTable;
import io.pdx.marketplace.sandbox.tables.TableProblems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The licenses a job is submitted under, read while OPA decides whether the caller may submit at all: the job's
 * license and, in a clean room, the further licenses whose datasets it joins — each dataset as the sandbox reads it —
 * or what prevented reading them (a license that is not the caller's organization's: 404 naming it; a dataset without
 * data in the sandbox: 409; two licenses of one dataset: 422; a failure to read). Nothing of it is used, or shown,
 * unless the caller is allowed.
 */
sealed interface Preparation {

    /** The job's licensed dataset and the ones it joins, as the sandbox reads them. */
    record Prepared(Read first, List<Read> joined, List<OwnTable> tables) implements Preparation {

        public Prepared {
            joined = List.copyOf(joined);
            tables = List.copyOf(tables);
        }

        Prepared(Read first, List<Read> joined) {
            this(first, joined, List.of());
        }

        License license() {
            return first.license();
        }

        Dataset dataset() {
            return first.dataset();
        }

        SandboxDataset data() {
            return first.data();
        }

        /** Every dataset the job reads, its own first. */
        List<Read> reads() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), joined.stream()).toList();
        }

        /** Every dataset as the sandbox reads it, its own first, then the organization's own tables. */
        List<SandboxDataset> allData() {
            return java.util.stream.Stream.concat(reads().stream().map(Read::data), tables.stream().map(OwnTable::asDataset))
                    .toList();
        }
    }

    /** One license with its dataset, as the sandbox reads it. */
    record Read(License license, Dataset dataset, SandboxDataset data) {
    }

    /** What prevented the preparation; the submission fails with it once the caller was allowed. */
    record Refused(Throwable reason) implements Preparation {
    }

    /** The caller's licenses ({@code licenseIds}: the job's, then the joined ones) and their datasets; never a failure. */
    static Uni<Preparation> read(Subject subject, List<UUID> licenseIds) {
        return read(subject, licenseIds, List.of());
    }

    /** With the organization's own tables {@code tableIds} (each CONFIRMED; another organization's is a 404). */
    static Uni<Preparation> read(Subject subject, List<UUID> licenseIds, List<UUID> tableIds) {
        return Panache.withSession(() -> Multi.createFrom().iterable(licenseIds)
                        .onItem().transformToUniAndConcatenate(id -> read(subject, id))
                        .collect().asList()
                        .flatMap(reads -> Multi.createFrom().iterable(tableIds)
                                .onItem().transformToUniAndConcatenate(id -> table(subject, id))
                                .collect().asList()
                                .map(tables -> distinct(new Prepared(reads.get(0), reads.subList(1, reads.size()), tables)))))
                .<Preparation>map(prepared -> prepared)
                .onFailure().recoverWithItem(Refused::new);
    }

    private static Uni<OwnTable> table(Subject subject, UUID id) {
        return OwnTable.<OwnTable>findById(id)
                .invoke(table -> {
                    if (table == null || !table.organization.equals(subject.organization())
                            || table.state() == io.pdx.contracts.tables.TableState.DELETED) {
                        throw new TableProblems.TableNotFound(id);
                    }
                    if (table.state() != io.pdx.contracts.tables.TableState.CONFIRMED) {
                        throw new TableProblems.TableNotConfirmed(id);
                    }
                });
    }

    private static Uni<Read> read(Subject subject, UUID licenseId) {
        return License.<License>findById(licenseId)
                .onItem().ifNull().failWith(() -> new JobProblems.LicenseNotFound(licenseId))
                .invoke(license -> {
                    if (!license.organization.equals(subject.organization())) {
                        throw new JobProblems.LicenseNotFound(licenseId);
                    }
                })
                .flatMap(license -> Dataset.<Dataset>findById(license.datasetId)
                        .map(dataset -> new Read(license, dataset, LicensedData.of(license, dataset))));
    }

    /** The lineage a dataset version's budget belongs to (a version registered before lineages existed is its own). */
    static UUID lineage(Dataset dataset) {
        return dataset.lineageId == null ? dataset.id : dataset.lineageId;
    }

    /**
     * Two licenses of one dataset — or of two versions of it, or of one table — cannot be joined: a self-join by
     * another name, over the same entities and the same budget.
     */
    private static Prepared distinct(Prepared prepared) {
        Set<String> aliases = new HashSet<>();
        distinct(prepared.reads(), aliases);
        for (OwnTable table : prepared.tables()) {
            if (!aliases.add(table.alias)) {
                throw new JobProblems.InvalidJob(new FieldCheck().rule("tableIds",
                        "table " + table.id + " is named " + table.alias + ", as another table the job reads: rename it"));
            }
        }
        return prepared;
    }

    private static List<Read> distinct(List<Read> reads, Set<String> aliases) {
        Set<UUID> lineages = new HashSet<>();
        for (Read read : reads) {
            if (!lineages.add(lineage(read.dataset())) || !aliases.add(read.data().alias())) {
                throw new JobProblems.InvalidJob(new FieldCheck().rule("joinLicenseIds",
                        "license " + read.license().id + " covers dataset " + read.dataset().id
                                + ", which the job already reads: a dataset is not joined with itself"));
            }
        }
        return reads;
    }

    /** The prepared licenses, or a failure with what prevented them. */
    default Uni<Prepared> orFailure() {
        if (this instanceof Prepared prepared) {
            return Uni.createFrom().item(prepared);
        }
        return Uni.createFrom().failure(((Refused) this).reason());
    }
}
