package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.testing.FixtureStates;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIMS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIM_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.ORG_A;
import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.dataset;
import static io.pdx.marketplace.sandbox.SandboxFixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A clean room's charges, all or none: a job that reads two IMPORTANT datasets (medical claims and real-estate
 * registrations, each with its own budget per organization and year) is admitted only when both budgets have its ε left,
 * and then charged in both — parallel submissions against a nearly spent budget included. Against the real OPA,
 * PostgreSQL and runner (whose analysis gives the controls). The admission is driven directly: the statement guard
 * does not yet admit a statement that joins two noised datasets (no contribution bound over two privacy units), so
 * each job's statement reads the first dataset only while its admission covers both, as a two-dataset job's would.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class CleanRoomBudgetTest {

    static final String ESTATES = "real_estate_registrations";
    static final List<String> ESTATE_COLUMNS = List.of("certificate_no", "owner_id_card", "district_code", "parcel_use",
            "floor_area_m2", "transaction_price_wan", "registration_date");
    static final Subject DEVELOPER = new Subject(true, "developer-a", List.of("developer"), ORG_A, null);

    @Inject
    Admission admission;
    @Inject
    SandboxRunner runner;
    @Inject
    PrivacySpending spending;

    record Room(Dataset claims, Dataset estates, UUID claimsLicense, UUID estatesLicense) {
    }

    static Room room() {
        Dataset claims = dataset(CLAIMS);
        Dataset estates = dataset(ESTATES);
        return new Room(claims, estates,
                UUID.fromString(activeLicense(product(claims, List.of("SANDBOX"), "FREE", 0), CLAIM_COLUMNS, "SANDBOX", "PUBLIC_WELFARE")),
                UUID.fromString(activeLicense(product(estates, List.of("SANDBOX"), "FREE", 0), ESTATE_COLUMNS, "SANDBOX", "PUBLIC_WELFARE")));
    }

    @Test
    void parallelJobsOverTwoImportantDatasets_chargeBothOrNeither() throws Throwable {
        Room room = room();
        spendBefore(room.claims(), room.claimsLicense(), 9_700_000); // 0.3 of the year's ε = 10 left on the claims
        int submissions = 4;
        List<Callable<Object>> jobs = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            int age = 20 + i;
            jobs.add(() -> admit(room, room.claimsLicense(), room.estatesLicense(), age, 0.2));
        }
        List<Object> outcomes = parallel(jobs);
        long admitted = outcomes.stream().filter(SandboxJob.class::isInstance).count();
        assertEquals(1, admitted, "0.3 left fits one ε of 0.2: " + outcomes);
        for (Object outcome : outcomes) {
            if (!(outcome instanceof SandboxJob)) {
                JobProblems.AdmissionDenied refused = assertInstanceOf(JobProblems.AdmissionDenied.class, outcome);
                assertTrue(refused.toProblem(null).detail().contains("epsilon_budget_exhausted"), refused.toProblem(null).detail());
            }
        }
        assertEquals(0, new BigDecimal("9.9").compareTo(spent(room, room.claims())), "the claims: one charge of 0.2");
        assertEquals(0, new BigDecimal("0.2").compareTo(spent(room, room.estates())),
                "the real-estate registrations: charged with the one admitted job, never with a refused one");
    }

    @Test
    void aJoinedDatasetWithoutBudgetLeft_refusesTheJob_andTheFirstIsNotCharged() throws Throwable {
        Room room = room();
        spendBefore(room.estates(), room.estatesLicense(), 9_900_000);
        Object outcome = admit(room, room.claimsLicense(), room.estatesLicense(), 30, 0.5);
        JobProblems.AdmissionDenied refused = assertInstanceOf(JobProblems.AdmissionDenied.class, outcome);
        assertTrue(refused.toProblem(null).detail().contains(room.estatesLicense().toString()), refused.toProblem(null).detail());
        assertTrue(refused.toProblem(null).detail().contains(room.estates().nameZh), refused.toProblem(null).detail());
        assertEquals(0, spent(room, room.claims()).signum(), "nothing charged on the claims");
        assertEquals(0, new BigDecimal("9.9").compareTo(spent(room, room.estates())));
        // and the other way round: with budget on both, both are charged
        Object admitted = admit(room, room.estatesLicense(), room.claimsLicense(), 31, 0.1);
        assertInstanceOf(SandboxJob.class, admitted, String.valueOf(admitted));
        assertEquals(0, new BigDecimal("10").compareTo(spent(room, room.estates())));
        assertEquals(0, new BigDecimal("0.1").compareTo(spent(room, room.claims())));
    }

    /** The admitted job, or what refused it. */
    private Object admit(Room room, UUID first, UUID joined, int age, double epsilon) {
        String statement = first.equals(room.claimsLicense())
                ? "SELECT gender, count(*) AS n FROM " + CLAIMS + " WHERE age >= " + age + " GROUP BY gender"
                : "SELECT parcel_use, count(*) AS n FROM " + ESTATES + " WHERE floor_area_m2 >= " + age + " GROUP BY parcel_use";
        JobRequest request = new JobRequest(first, statement, null, null, epsilon, List.of(joined));
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Preparation.read(DEVELOPER, request.licenseIds())
                    .flatMap(Preparation::orFailure)
                    .flatMap(prepared -> runner.analyse(new AnalysisRequest(statement, List.of(prepared.data())))
                            .map(analysis -> overBoth(analysis, prepared))
                            .flatMap(analysis -> admission.admit(DEVELOPER, request, statement, prepared, analysis))));
        } catch (Throwable refused) {
            return refused;
        }
    }

    /** The analysis of the first dataset's statement, as the analysis of a job reading both datasets would say it. */
    private static Analysis overBoth(Analysis analysis, Preparation.Prepared prepared) {
        Map<String, List<String>> columns = new HashMap<>(analysis.columnsByAlias());
        for (Preparation.Read read : prepared.joined()) {
            columns.put(read.data().alias(), List.of());
        }
        return new Analysis(analysis.sql(), analysis.sqlSha256(), columns, analysis.output(), analysis.aggregate(),
                analysis.controls(), analysis.slotMillis());
    }

    /** What organization A spent this year on the dataset (read through its license in the room). */
    private BigDecimal spent(Room room, Dataset dataset) throws Throwable {
        UUID license = dataset == room.claims() ? room.claimsLicense() : room.estatesLicense();
        String sql = dataset.dataFile.startsWith(CLAIMS) ? "SELECT gender, count(*) AS n FROM " + CLAIMS + " GROUP BY gender"
                : "SELECT parcel_use, count(*) AS n FROM " + ESTATES + " GROUP BY parcel_use";
        PrivacyBudget budget = VertxContextSupport.subscribeAndAwait(() -> Preparation.read(DEVELOPER, List.of(license))
                .flatMap(Preparation::orFailure)
                .flatMap(prepared -> runner.analyse(new AnalysisRequest(sql, List.of(prepared.data()))))
                .flatMap(analysis -> Panache.withSession(() -> spending.budget(ORG_A, dataset.id, analysis.controls()))));
        return budget.epsilonSpent();
    }

    /** A job that failed after it read the dataset: its charge stays spent. */
    private void spendBefore(Dataset dataset, UUID license, long epsilonMicros) throws Throwable {
        SandboxJob job = new SandboxJob();
        job.id = UUID.randomUUID();
        job.licenseId = license;
        job.datasetId = dataset.id;
        job.organization = ORG_A;
        job.submittedBy = "developer-a";
        job.submittedSql = "SELECT 1";
        job.sql = "SELECT 1";
        job.sqlSha256 = "0".repeat(64);
        job.grade = dataset.grade;
        job.epsilonMicros = epsilonMicros;
        job.controls = VertxContextSupport.subscribeAndAwait(() -> Preparation.read(DEVELOPER, List.of(license))
                .flatMap(Preparation::orFailure)
                .flatMap(prepared -> runner.analyse(new AnalysisRequest(dataset.dataFile.startsWith(CLAIMS)
                        ? "SELECT count(*) AS n FROM " + CLAIMS : "SELECT count(*) AS n FROM " + ESTATES, List.of(prepared.data()))))
                .map(Analysis::controls));
        FixtureStates.inState(job, JobState.FAILED);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(job::persist));
    }

    private static List<Object> parallel(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = pool.invokeAll(tasks, 120, TimeUnit.SECONDS);
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                if (future.isCancelled()) {
                    fail("a submission did not finish within 120 s");
                }
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
