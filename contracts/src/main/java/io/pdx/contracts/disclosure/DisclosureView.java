package io.pdx.contracts.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An annual disclosure (年度公开披露) as the API shows it: its figures, when it is due (31 March of the next year), when
 * it was prepared and published, and the SHA-256 of its JSON figures and of its PDF, which the audit chain records.
 */
public record DisclosureView(
        int year,
        DisclosureStatus status,
        @Schema(description = "Due by (31 March of the next year) / 披露期限") LocalDate due,
        @Schema(description = "Published after its due date / 逾期发布") boolean late,
        OffsetDateTime preparedAt,
        @Schema(nullable = true) OffsetDateTime publishedAt,
        @Schema(description = "SHA-256 of the figures as served (canonical JSON) / 数据摘要") String contentSha256,
        @Schema(description = "SHA-256 of the PDF / PDF 摘要") String pdfSha256,
        DisclosureContent content,
        @Schema(description = "What the caller may do with the disclosure now, e.g. publish") List<String> actions) {

    public DisclosureView {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public DisclosureView withActions(List<String> names) {
        return new DisclosureView(year, status, due, late, preparedAt, publishedAt, contentSha256, pdfSha256, content,
                names);
    }
}
