package io.pdx.contracts.satisfaction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A case (工单) opened by a poor rating or a complaint, as the person who opened it and the bureau see it. */
public record CaseView(
        UUID id,
        CaseOrigin origin,
        ServiceEventKind eventKind,
        UUID eventId,
        @Schema(description = "The rating's level; absent for a complaint") SatisfactionLevel level,
        @Schema(description = "The rating's comment or the complaint / 评价或投诉内容") String text,
        String openedBy,
        OffsetDateTime openedAt,
        @Schema(description = "The last working day (Asia/Shanghai) by which the bureau answers / 答复期限")
        LocalDate answerDue,
        @Schema(required = true, description = "OPEN and past answerDue, or answered after it / 超期") boolean overdue,
        CaseStatus status,
        @Schema(description = "The bureau's written answer / 书面答复") String answer,
        String answeredBy,
        OffsetDateTime answeredAt,
        @Schema(required = true, description = "What the caller may do with the case now, e.g. answer") List<String> actions) {

    public CaseView {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The same view offering {@code offered}. */
    public CaseView withActions(List<String> offered) {
        return new CaseView(id, origin, eventKind, eventId, level, text, openedBy, openedAt, answerDue, overdue, status,
                answer, answeredBy, answeredAt, offered);
    }
}
