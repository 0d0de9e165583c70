package io.pdx.marketplace.disclosure;

import io.pdx.contracts.disclosure.DisclosureContent;
import io.pdx.contracts.disclosure.DisclosureStatus;
import io.pdx.contracts.disclosure.DisclosureView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual disclosure of one year (年度公开披露): its figures as canonical JSON (kept byte for byte, so their SHA-256
 * can be checked against what is served), the PDF made from them and its SHA-256, who prepared it and when, and — once
 * published — who published it and when. A DRAFT is prepared again as often as needed; PUBLISHED is final.
 */
@Entity
@Table(name = "annual_disclosure")
public class AnnualDisclosure extends StatefulEntity<DisclosureStatus> {

    @Id
    public Integer year;

    @Enumerated(EnumType.STRING)
    private DisclosureStatus status = DisclosureStatus.DRAFT;

    /** The figures as served at {@code /disclosures/{year}/json}: canonical JSON, the bytes {@link #contentSha256} hashes. */
    public String content;

    @Column(name = "content_sha256")
    public String contentSha256;

    public byte[] pdf;

    @Column(name = "pdf_sha256")
    public String pdfSha256;

    @Column(name = "prepared_at")
    public OffsetDateTime preparedAt;

    @Column(name = "prepared_by")
    public String preparedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Version
    public long version;

    @Override
    public DisclosureStatus state() {
        return status;
    }

    @Override
    protected void enter(DisclosureStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<DisclosureStatus> transition, String actor, OffsetDateTime now) {
        if (transition.target() == DisclosureStatus.PUBLISHED) {
            publishedAt = now;
            publishedBy = actor;
        }
    }

    @Override
    protected String label() {
        return "Disclosure";
    }

    @Override
    public ProblemException notFound() {
        return new DisclosureNotFound(year);
    }

    @Override
    public List<DisclosureTransition> transitions() {
        return List.of(DisclosureTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return new AuthzInput.Resource("disclosure", String.valueOf(year), null, null, preparedBy, status.name());
    }

    @Override
    public String auditType() {
        return "disclosure";
    }

    @Override
    public Object auditId() {
        return year;
    }

    @Override
    public String auditOrganization() {
        return null;
    }

    /** The year, its state and the two digests: the audit chain pins what was prepared and published. */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", year);
        detail.put("status", status.name());
        detail.put("contentSha256", contentSha256);
        detail.put("pdfSha256", pdfSha256);
        return detail;
    }

    /** 31 March of the next year. */
    public static LocalDate due(int year) {
        return LocalDate.of(year + 1, 3, 31);
    }

    public DisclosureView toView(DisclosureContent figures) {
        boolean late = publishedAt != null
                && publishedAt.atZoneSameInstant(DisclosureFigures.BUREAU).toLocalDate().isAfter(due(year));
        return new DisclosureView(year, status, due(year), late, preparedAt, publishedAt, contentSha256, pdfSha256, figures,
                List.of());
    }
}
