package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.licensing.LicenseTransition;
import io.pdx.marketplace.lifecycle.TransitionWalk.Move;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.organization.OrganizationTransition;
import io.pdx.marketplace.testing.FixtureStates;
import io.pdx.marketplace.sandbox.JobTransition;
import io.pdx.marketplace.sandbox.SandboxJob;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.pdx.contracts.catalog.ObjectionStatus;
import io.pdx.marketplace.catalog.registration.ObjectionTransition;
import io.pdx.marketplace.product.Product;
import io.pdx.marketplace.product.ProductTransition;
import io.pdx.marketplace.disclosure.AnnualDisclosure;
import io.pdx.marketplace.ledger.InvoiceLine;
import io.pdx.marketplace.ledger.InvoiceTransition;
import io.pdx.contracts.ledger.InvoiceStatus;
import io.pdx.marketplace.disclosure.DisclosureTransition;
import io.pdx.contracts.disclosure.DisclosureStatus;
import io.pdx.contracts.product.ProductStatus;
import io.pdx.marketplace.catalog.registration.RegistrationObjection;
import io.pdx.contracts.satisfaction.CaseStatus;
import io.pdx.marketplace.satisfaction.CaseTransition;
import io.pdx.marketplace.satisfaction.SatisfactionCase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.pdx.marketplace.lifecycle.TransitionWalk.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every named transition of every aggregate against every state — the fast tier, no stack. */
class TransitionTablesTest {

    @Nested
    class Licenses {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(LicenseTransition.values(), LicenseState.values(), EXPECTED, Licenses::inState,
                    (from, to) -> TransitionTable.next(LicenseTransition.class, from).contains(to));
        }

        /** The license life cycle as the issue states it, written out here rather than read from the enums. */
        static final Map<LicenseTransition, Move<LicenseState>> EXPECTED = Map.ofEntries(
                Map.entry(LicenseTransition.AUTO_APPROVE, to(LicenseState.APPROVED, LicenseState.APPLIED)),
                Map.entry(LicenseTransition.SEND_TO_REVIEW, to(LicenseState.IN_REVIEW, LicenseState.APPLIED)),
                Map.entry(LicenseTransition.DENY, to(LicenseState.DENIED, LicenseState.APPLIED)),
                Map.entry(LicenseTransition.RECORD_APPROVAL, to(LicenseState.IN_REVIEW, LicenseState.IN_REVIEW)),
                Map.entry(LicenseTransition.APPROVE, to(LicenseState.APPROVED, LicenseState.IN_REVIEW)),
                Map.entry(LicenseTransition.REJECT, to(LicenseState.REJECTED, LicenseState.IN_REVIEW)),
                Map.entry(LicenseTransition.ACCEPT, to(LicenseState.ACTIVE, LicenseState.APPROVED)),
                Map.entry(LicenseTransition.SUSPEND, to(LicenseState.SUSPENDED, LicenseState.ACTIVE)),
                Map.entry(LicenseTransition.RESUME, to(LicenseState.ACTIVE, LicenseState.SUSPENDED)),
                Map.entry(LicenseTransition.REVOKE, to(LicenseState.REVOKED, LicenseState.ACTIVE, LicenseState.SUSPENDED)),
                Map.entry(LicenseTransition.EXPIRE, to(LicenseState.EXPIRED, LicenseState.ACTIVE, LicenseState.SUSPENDED)));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(LicenseTransition.values(), transition -> Set.of(LicenseTransition.AUTO_APPROVE,
                    LicenseTransition.SEND_TO_REVIEW, LicenseTransition.DENY, LicenseTransition.EXPIRE).contains(transition));
        }

        /** The bypass: an operator "accepting" a SUSPENDED license again would reactivate it; resuming is the bureau's. */
        @Test
        void accept_ofASuspendedLicense_isA409_notAResumption() {
            License suspended = inState(LicenseState.SUSPENDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> TransitionWalk.apply(suspended, LicenseTransition.ACCEPT, "operator-a")).status());
            assertEquals(LicenseState.SUSPENDED, suspended.state());
        }

        @Test
        void accept_stampsWhoAcceptedAndWhen() {
            License approved = inState(LicenseState.APPROVED);
            TransitionWalk.apply(approved, LicenseTransition.ACCEPT, "operator-a");
            assertEquals("operator-a", approved.acceptedBy);
            assertEquals(LicenseState.ACTIVE, approved.state());
        }

        static License inState(LicenseState state) {
            License license = new License();
            license.id = UUID.randomUUID();
            FixtureStates.inState(license, state);
            return license;
        }
    }

    @Nested
    class Objections {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(ObjectionTransition.values(), ObjectionStatus.values(), EXPECTED,
                    Objections::inState, (from, to) -> TransitionTable.next(ObjectionTransition.class, from).contains(to));
        }

        static final Map<ObjectionTransition, Move<ObjectionStatus>> EXPECTED = Map.of(
                ObjectionTransition.UPHOLD, to(ObjectionStatus.UPHOLD_PROPOSED, ObjectionStatus.OPEN),
                ObjectionTransition.CONFIRM, to(ObjectionStatus.UPHELD, ObjectionStatus.UPHOLD_PROPOSED),
                ObjectionTransition.DISMISS, to(ObjectionStatus.DISMISSED, ObjectionStatus.OPEN, ObjectionStatus.UPHOLD_PROPOSED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(ObjectionTransition.values(), transition -> false);
        }

        /** Proposing records the proposer, whom OPA then reads as the creator (so that another reviewer confirms). */
        @Test
        void uphold_recordsTheProposer_asWhomFourEyesCompareWith() {
            RegistrationObjection objection = inState(ObjectionStatus.OPEN);
            TransitionWalk.apply(objection, ObjectionTransition.UPHOLD, "reviewer-1");
            assertEquals("reviewer-1", objection.proposedBy);
            assertEquals("reviewer-1", objection.asResource().created_by());
        }

        static RegistrationObjection inState(ObjectionStatus status) {
            RegistrationObjection objection = new RegistrationObjection();
            objection.id = UUID.randomUUID();
            objection.datasetId = UUID.randomUUID();
            objection.lodgedBy = "operator-a";
            FixtureStates.inState(objection, status);
            return objection;
        }
    }

    @Nested
    class Products {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(ProductTransition.values(), ProductStatus.values(), EXPECTED,
                    Products::inState, (from, to) -> TransitionTable.next(ProductTransition.class, from).contains(to));
        }

        static final Map<ProductTransition, Move<ProductStatus>> EXPECTED = Map.of(
                ProductTransition.WITHDRAW, to(ProductStatus.WITHDRAWN, ProductStatus.LISTED),
                ProductTransition.DELIST, to(ProductStatus.WITHDRAWN, ProductStatus.LISTED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(ProductTransition.values(), transition -> transition == ProductTransition.DELIST);
        }

        /** Withdrawing stamps when and by whom; OPA reads the holding department as the product's. */
        @Test
        void withdraw_stampsWhenAndWho() {
            Product product = inState(ProductStatus.LISTED);
            product.department = "dept-transport";
            TransitionWalk.apply(product, ProductTransition.WITHDRAW, "provider-transport");
            assertEquals("provider-transport", product.withdrawnBy);
            assertNotNull(product.withdrawnAt);
            assertEquals("dept-transport", product.asResource().department());
            assertEquals("WITHDRAWN", product.asResource().state());
        }

        static Product inState(ProductStatus status) {
            Product product = new Product();
            product.id = UUID.randomUUID();
            product.datasetId = UUID.randomUUID();
            product.createdBy = "provider-transport";
            FixtureStates.inState(product, status);
            return product;
        }
    }

    @Nested
    class Invoices {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(InvoiceTransition.values(), InvoiceStatus.values(), EXPECTED,
                    Invoices::inState, (from, to) -> TransitionTable.next(InvoiceTransition.class, from).contains(to));
        }

        /** The invoice life cycle as the issue states it: issued, overdue, paid or reversed; a free use has none. */
        static final Map<InvoiceTransition, Move<InvoiceStatus>> EXPECTED = Map.of(
                InvoiceTransition.PAY, to(InvoiceStatus.PAID, InvoiceStatus.ISSUED, InvoiceStatus.OVERDUE),
                InvoiceTransition.REVERSE, to(InvoiceStatus.REVERSED, InvoiceStatus.ISSUED, InvoiceStatus.OVERDUE),
                InvoiceTransition.FALL_DUE, to(InvoiceStatus.OVERDUE, InvoiceStatus.ISSUED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(InvoiceTransition.values(), transition -> transition == InvoiceTransition.FALL_DUE);
        }

        /** Paying stamps when and by whom; PAID, REVERSED and NO_CHARGE are final. */
        @Test
        void pay_stampsWhenAndWho_andTheEndsAreFinal() {
            InvoiceLine line = inState(InvoiceStatus.OVERDUE);
            TransitionWalk.apply(line, InvoiceTransition.PAY, "bureau-admin");
            assertEquals("bureau-admin", line.paidBy);
            assertNotNull(line.paidAt);
            assertEquals("91350100M000100Y43", line.asResource().organization());
            for (InvoiceStatus end : List.of(InvoiceStatus.PAID, InvoiceStatus.REVERSED, InvoiceStatus.NO_CHARGE)) {
                assertTrue(TransitionTable.terminal(InvoiceTransition.class, end), end + " is final");
            }
        }

        static InvoiceLine inState(InvoiceStatus status) {
            InvoiceLine line = new InvoiceLine();
            line.id = UUID.randomUUID();
            line.organization = "91350100M000100Y43";
            line.amountFen = 12_345;
            FixtureStates.inState(line, status);
            return line;
        }
    }

    @Nested
    class Disclosures {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(DisclosureTransition.values(), DisclosureStatus.values(), EXPECTED,
                    Disclosures::inState, (from, to) -> TransitionTable.next(DisclosureTransition.class, from).contains(to));
        }

        static final Map<DisclosureTransition, Move<DisclosureStatus>> EXPECTED = Map.of(
                DisclosureTransition.PUBLISH, to(DisclosureStatus.PUBLISHED, DisclosureStatus.DRAFT));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(DisclosureTransition.values(), transition -> false);
        }

        /** Publishing stamps when and by whom, and the audit detail carries both digests; PUBLISHED is final. */
        @Test
        void publish_stampsWhenAndWho_andIsFinal() {
            AnnualDisclosure disclosure = inState(DisclosureStatus.DRAFT);
            TransitionWalk.apply(disclosure, DisclosureTransition.PUBLISH, "bureau-admin");
            assertEquals("bureau-admin", disclosure.publishedBy);
            assertNotNull(disclosure.publishedAt);
            assertEquals("c".repeat(64), disclosure.auditDetail().get("pdfSha256"));
            assertTrue(TransitionTable.terminal(DisclosureTransition.class, DisclosureStatus.PUBLISHED));
        }

        static AnnualDisclosure inState(DisclosureStatus status) {
            AnnualDisclosure disclosure = new AnnualDisclosure();
            disclosure.year = 2025;
            disclosure.preparedBy = "bureau-admin";
            disclosure.contentSha256 = "a".repeat(64);
            disclosure.pdfSha256 = "c".repeat(64);
            FixtureStates.inState(disclosure, status);
            return disclosure;
        }
    }

    @Nested
    class Cases {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(CaseTransition.values(), CaseStatus.values(), EXPECTED,
                    Cases::inState, (from, to) -> TransitionTable.next(CaseTransition.class, from).contains(to));
        }

        static final Map<CaseTransition, Move<CaseStatus>> EXPECTED = Map.of(
                CaseTransition.ANSWER, to(CaseStatus.ANSWERED, CaseStatus.OPEN));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(CaseTransition.values(), transition -> false);
        }

        /** Answering stamps who and when; OPA reads the case as of the organization of the person who opened it. */
        @Test
        void answer_stampsWhenAndWho() {
            SatisfactionCase opened = inState(CaseStatus.OPEN);
            opened.organization = "91110000600037341L";
            TransitionWalk.apply(opened, CaseTransition.ANSWER, "reviewer-1");
            assertEquals("reviewer-1", opened.answeredBy);
            assertNotNull(opened.answeredAt);
            assertEquals("91110000600037341L", opened.asResource().organization());
            assertEquals("operator-b", opened.asResource().created_by());
            assertEquals("ANSWERED", opened.asResource().state());
        }

        static SatisfactionCase inState(CaseStatus status) {
            SatisfactionCase opened = new SatisfactionCase();
            opened.id = UUID.randomUUID();
            opened.eventId = UUID.randomUUID();
            opened.openedBy = "operator-b";
            FixtureStates.inState(opened, status);
            return opened;
        }
    }

    @Nested
    class Organizations {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(OrganizationTransition.values(), OrganizationStatus.values(), EXPECTED,
                    Organizations::inState, (from, to) -> TransitionTable.next(OrganizationTransition.class, from).contains(to));
        }

        static final Map<OrganizationTransition, Move<OrganizationStatus>> EXPECTED = Map.of(
                OrganizationTransition.VERIFY, to(OrganizationStatus.VERIFIED, OrganizationStatus.UNVERIFIED),
                OrganizationTransition.SUSPEND, to(OrganizationStatus.SUSPENDED, OrganizationStatus.VERIFIED),
                OrganizationTransition.REINSTATE, to(OrganizationStatus.VERIFIED, OrganizationStatus.SUSPENDED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(OrganizationTransition.values(), transition -> false);
        }

        /** The bypass: a reviewer "verifying" a SUSPENDED organization would reinstate it; that is the administrator's. */
        @Test
        void verify_ofASuspendedOrganization_isA409_notAReinstatement() {
            Organization suspended = inState(OrganizationStatus.SUSPENDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> TransitionWalk.apply(suspended, OrganizationTransition.VERIFY, "reviewer-1"))
                    .status());
        }

        static Organization inState(OrganizationStatus status) {
            Organization organization = new Organization();
            organization.uscc = "91350100M000100Y43";
            FixtureStates.inState(organization, status);
            return organization;
        }
    }

    @Nested
    class Registrations {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(RegistrationTransition.values(), RegistrationStatus.values(), EXPECTED,
                    Registrations::inState, (from, to) -> TransitionTable.next(RegistrationTransition.class, from).contains(to));
        }

        static final Map<RegistrationTransition, Move<RegistrationStatus>> EXPECTED = Map.of(
                RegistrationTransition.SUBMIT, to(RegistrationStatus.SUBMITTED, RegistrationStatus.DRAFT, RegistrationStatus.RETURNED),
                RegistrationTransition.ACCEPT, to(RegistrationStatus.PUBLICITY, RegistrationStatus.SUBMITTED),
                RegistrationTransition.RETURN, to(RegistrationStatus.RETURNED, RegistrationStatus.SUBMITTED),
                RegistrationTransition.REGISTER, to(RegistrationStatus.REGISTERED, RegistrationStatus.PUBLICITY),
                RegistrationTransition.CONCLUDE, to(RegistrationStatus.REGISTERED, RegistrationStatus.PUBLICITY),
                RegistrationTransition.REOPEN, to(RegistrationStatus.SUBMITTED, RegistrationStatus.PUBLICITY),
                RegistrationTransition.SUPERSEDE, to(RegistrationStatus.SUPERSEDED, RegistrationStatus.REGISTERED),
                RegistrationTransition.CANCEL, to(RegistrationStatus.CANCELLED, RegistrationStatus.REGISTERED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(RegistrationTransition.values(), transition -> Set.of(RegistrationTransition.CONCLUDE,
                    RegistrationTransition.REOPEN, RegistrationTransition.SUPERSEDE, RegistrationTransition.CANCEL).contains(transition));
        }

        @Test
        void submit_stampsTheSubmitter() {
            Dataset draft = inState(RegistrationStatus.DRAFT);
            TransitionWalk.apply(draft, RegistrationTransition.SUBMIT, "provider-transport");
            assertEquals("provider-transport", draft.submittedBy);
        }

        static Dataset inState(RegistrationStatus status) {
            Dataset dataset = new Dataset();
            dataset.id = UUID.randomUUID();
            FixtureStates.inState(dataset, status);
            dataset.grade = io.pdx.contracts.Grade.GENERAL;
            dataset.provider = "dept-transport";
            return dataset;
        }
    }

    @Nested
    class Jobs {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(JobTransition.values(), JobState.values(), EXPECTED, Jobs::inState, (from, to) -> TransitionTable.next(JobTransition.class, from).contains(to));
        }

        /** docs/SANDBOX.md's diagram, and a job still QUEUED may fail as contracts' JobStateTest has it. */
        static final Map<JobTransition, Move<JobState>> EXPECTED = Map.of(
                JobTransition.ADMIT, to(JobState.ADMITTED, JobState.QUEUED),
                JobTransition.START, to(JobState.RUNNING, JobState.ADMITTED),
                JobTransition.SUCCEED, to(JobState.SUCCEEDED, JobState.RUNNING),
                JobTransition.FAIL, to(JobState.FAILED, JobState.QUEUED, JobState.ADMITTED, JobState.RUNNING),
                JobTransition.AUTO_RELEASE, to(JobState.RELEASED, JobState.SUCCEEDED),
                JobTransition.AWAIT_REVIEW, to(JobState.AWAITING_RELEASE, JobState.SUCCEEDED),
                JobTransition.POLICY_REJECT, to(JobState.REJECTED, JobState.SUCCEEDED),
                JobTransition.RELEASE, to(JobState.RELEASED, JobState.AWAITING_RELEASE),
                JobTransition.REJECT, to(JobState.REJECTED, JobState.AWAITING_RELEASE),
                JobTransition.CANCEL, to(JobState.CANCELLED, JobState.QUEUED, JobState.ADMITTED));

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(JobTransition.values(), transition -> transition.operation() == null
                    && !Set.of(JobTransition.RELEASE, JobTransition.REJECT, JobTransition.CANCEL).contains(transition));
        }

        /** The bypass: a result whose release decision is still pending (SUCCEEDED) cannot be released by hand. */
        @Test
        void release_ofAJobStillDecidingItsRelease_isA409() {
            SandboxJob succeeded = inState(JobState.SUCCEEDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> TransitionWalk.apply(succeeded, JobTransition.RELEASE, "reviewer-1"))
                    .status());
        }

        @Test
        void failing_leavesTheChargeUnlessRefunded() {
            SandboxJob running = inState(JobState.RUNNING);
            running.epsilonMicros = 550_000;
            TransitionWalk.apply(running, JobTransition.FAIL, "pdx-sandbox");
            assertEquals(550_000, running.epsilonMicros, "a run that may have read data keeps its charge");
            running.refund();
            assertEquals(0, running.epsilonMicros);
        }

        static SandboxJob inState(JobState state) {
            SandboxJob job = new SandboxJob();
            job.id = UUID.randomUUID();
            FixtureStates.inState(job, state);
            return job;
        }
    }
}
