package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.satisfaction.CaseOrigin;
import io.pdx.contracts.satisfaction.SatisfactionLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Opens a case (工单) in the current transaction, for a poor rating or a complaint: OPEN, due the policy's number of
 * working days after the day it was opened.
 */
@ApplicationScoped
public class CaseOpening {

    private final AnswerDeadlines deadlines;

    public CaseOpening(AnswerDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    Uni<SatisfactionCase> open(ServiceEvent event, CaseOrigin origin, SatisfactionLevel level, String text, Subject subject,
                               OffsetDateTime now) {
        return deadlines.of(now).flatMap(deadline -> {
            SatisfactionCase opened = new SatisfactionCase();
            opened.id = UUID.randomUUID();
            opened.origin = origin;
            opened.eventKind = event.kind();
            opened.eventId = event.id();
            opened.level = level;
            opened.text = text;
            opened.openedBy = subject.user();
            opened.organization = event.organization();
            opened.department = event.department();
            opened.answerDue = deadline.answerDue();
            opened.overdueAfter = deadline.overdueAfter();
            opened.createdAt = now;
            return opened.<SatisfactionCase>persist();
        });
    }
}
