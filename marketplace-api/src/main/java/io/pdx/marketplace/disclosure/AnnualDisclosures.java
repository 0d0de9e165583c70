package io.pdx.marketplace.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.disclosure.DisclosureContent;
import io.pdx.contracts.disclosure.DisclosureStatus;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * Prepares and publishes the annual disclosures: the figures of the year ({@link DisclosureFigures}) kept as canonical
 * JSON, the PDF drawn from them off the event loop, both digests in the audit chain ({@code disclosure.prepare}, and
 * {@code disclosure.publish} through the transition kernel). A draft is prepared again as often as the bureau wants; a
 * published disclosure is final, and only a year that is over is published.
 */
@ApplicationScoped
public class AnnualDisclosures {

    static final int FIRST_YEAR = 2000;

    private final DisclosureFigures figures;
    private final AuditLog audit;
    private final TransitionKernel transitions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path fontFile;

    public AnnualDisclosures(DisclosureFigures figures, AuditLog audit, TransitionKernel transitions, ObjectMapper json,
                             Clock clock, @ConfigProperty(name = "pdx.disclosure.font-file") Path fontFile) {
        this.figures = figures;
        this.audit = audit;
        this.transitions = transitions;
        this.json = json;
        this.clock = clock;
        this.fontFile = fontFile;
    }

    /** This year in Asia/Shanghai, by the platform's clock. */
    int currentYear() {
        return LocalDate.now(clock.withZone(DisclosureFigures.BUREAU)).getYear();
    }

    /** The figures of {@code year} drawn again into a DRAFT (created or replaced): 409 when it is published. */
    Uni<AnnualDisclosure> prepare(int year, String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Context caller = Vertx.currentContext();
        return figures.of(year).flatMap(content -> {
            String canonical = canonical(content);
            Uni<byte[]> pdf = Uni.createFrom().item(() -> DisclosurePdf.render(DisclosureDocument.of(content, now), fontFile, now))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            // back on the caller's Vert.x context: Hibernate Reactive's session lives there
            return (caller == null ? pdf : pdf.emitOn(command -> caller.runOnContext(ignored -> command.run())))
                    .flatMap(drawn -> Panache.withTransaction(() -> AnnualDisclosure.<AnnualDisclosure>findById(year, LockModeType.PESSIMISTIC_WRITE)
                            .flatMap(found -> {
                                if (found != null && found.state() == DisclosureStatus.PUBLISHED) {
                                    throw new DisclosurePublished(year);
                                }
                                AnnualDisclosure disclosure = found == null ? new AnnualDisclosure() : found;
                                disclosure.year = year;
                                disclosure.content = canonical;
                                disclosure.contentSha256 = sha256(canonical.getBytes(StandardCharsets.UTF_8));
                                disclosure.pdf = drawn;
                                disclosure.pdfSha256 = sha256(drawn);
                                disclosure.preparedAt = now;
                                disclosure.preparedBy = actor;
                                Uni<AnnualDisclosure> saved = found == null ? disclosure.persist() : Uni.createFrom().item(disclosure);
                                return saved.call(Panache::flush)
                                        .call(kept -> audit.record(actor, AuditAction.DISCLOSURE_PREPARE, "disclosure", year, null, null,
                                                Map.of("year", year, "contentSha256", kept.contentSha256, "pdfSha256", kept.pdfSha256,
                                                        "revenueFen", content.revenueFen())));
                            })));
        });
    }

    /** DRAFT → PUBLISHED by the kernel (OPA asked, audited with both digests); 409 while the year is not over. */
    Uni<AnnualDisclosure> publish(int year, Subject subject) {
        return transitions.run(DisclosureTransition.PUBLISH, subject,
                () -> AnnualDisclosure.<AnnualDisclosure>findById(year, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> new DisclosureNotFound(year)),
                Change.<AnnualDisclosure>none().checkedBy(disclosure -> {
                    if (disclosure.year >= currentYear()) {
                        throw new YearNotOver(disclosure.year);
                    }
                }));
    }

    DisclosureContent content(AnnualDisclosure disclosure) {
        try {
            return json.readValue(disclosure.content, DisclosureContent.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("the disclosure of " + disclosure.year + " is unreadable", unreadable);
        }
    }

    private String canonical(DisclosureContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A published disclosure is final: 409. */
    static final class DisclosurePublished extends ProblemException {
        DisclosurePublished(int year) {
            super(409, "disclosure-published", "Disclosure published / 年度披露已发布",
                    "The disclosure of " + year + " is published and is never changed.");
        }
    }

    /** Only a year that is over is published: 409. */
    static final class YearNotOver extends ProblemException {
        YearNotOver(int year) {
            super(409, "year-not-over", "Year not over / 年度尚未结束",
                    "The disclosure of " + year + " is published once the year is over; prepare it as a draft until then.");
        }
    }
}
