package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.RatingView;
import io.pdx.contracts.satisfaction.SatisfactionLevel;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A rating (评价) of one service event by the person served: once per person and event (constraint {@code rating_once}). */
@Entity
@Table(name = "rating")
public class Rating extends TimestampedEntity {

    /** The unique constraint behind "one rating per person and event". */
    static final String ONCE = "rating_once";

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_kind")
    public ServiceEventKind eventKind;
    @Column(name = "event_id")
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    public SatisfactionLevel level;
    public String comment;
    @Column(name = "rated_by")
    public String ratedBy;
    public String organization;
    public String department;
    @Column(name = "case_id")
    public UUID caseId;

    RatingView toView() {
        return new RatingView(id, eventKind, eventId, level, comment, ratedBy, createdAt, caseId);
    }

    /** The event rated, the level and the case it opened; never the comment. */
    Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventKind", eventKind.name());
        detail.put("eventId", eventId.toString());
        detail.put("level", level.name());
        if (caseId != null) {
            detail.put("caseId", caseId.toString());
        }
        return detail;
    }
}
