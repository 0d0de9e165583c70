package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.ComplaintRequest;
import io.pdx.contracts.satisfaction.RatingRequest;
import io.pdx.contracts.satisfaction.SatisfactionLevel;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.problem.FieldCheck;

import java.util.UUID;

/**
 * A rating or a complaint read against its schema (every error a 400 naming its field), as the values it names. A
 * blank or absent comment is no comment.
 */
record SatisfactionRequests(ServiceEventKind kind, UUID eventId, SatisfactionLevel level, String text) {

    static SatisfactionRequests rating(RatingRequest request) {
        FieldCheck check = new FieldCheck();
        ServiceEventKind kind = check.oneOf("eventKind", request == null ? null : request.eventKind(), ServiceEventKind.class, true);
        String eventId = request == null ? null : request.eventId();
        check.pattern("eventId", eventId, true, RatingRequest.UUID_PATTERN, "must be a UUID");
        SatisfactionLevel level = check.oneOf("level", request == null ? null : request.level(), SatisfactionLevel.class, true);
        check.text("comment", request == null ? null : request.comment(), false, false, RatingRequest.MAX_COMMENT);
        if (!check.valid()) {
            throw new SatisfactionProblems.InvalidRequest("rating", check);
        }
        return new SatisfactionRequests(kind, UUID.fromString(eventId), level,
                request.comment() == null ? null : request.comment().trim());
    }

    static SatisfactionRequests complaint(ComplaintRequest request) {
        FieldCheck check = new FieldCheck();
        ServiceEventKind kind = check.oneOf("eventKind", request == null ? null : request.eventKind(), ServiceEventKind.class, true);
        String eventId = request == null ? null : request.eventId();
        check.pattern("eventId", eventId, true, RatingRequest.UUID_PATTERN, "must be a UUID");
        check.text("text", request == null ? null : request.text(), true, false, ComplaintRequest.MAX_TEXT);
        if (!check.valid()) {
            throw new SatisfactionProblems.InvalidRequest("complaint", check);
        }
        return new SatisfactionRequests(kind, UUID.fromString(eventId), null, request.text().trim());
    }
}
