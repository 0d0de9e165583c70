package io.pdx.marketplace.satisfaction;

import io.pdx.marketplace.calendar.PolicyCalendar;
import io.pdx.marketplace.calendar.WorkingDays;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * When a case opened at a moment is due: {@code pdx.config.satisfaction.answer_working_days} working days after the
 * day it was opened, in the policy's calendar ({@code pdx.config.calendar}: its time zone, holidays and make-up
 * working days), and the moment it becomes overdue (the start of the next day there).
 */
@ApplicationScoped
public class AnswerDeadlines {

    private final PolicyClient policy;

    public AnswerDeadlines(PolicyClient policy) {
        this.policy = policy;
    }

    /** The due day and the moment after which the case is overdue. */
    record Deadline(LocalDate answerDue, OffsetDateTime overdueAfter) {
    }

    Uni<Deadline> of(OffsetDateTime opened) {
        return policy.evaluate(SatisfactionRules.PATH, Map.of(), SatisfactionRules.class)
                .flatMap(rules -> policy.evaluate(PolicyCalendar.PATH, Map.of(), PolicyCalendar.class)
                        .map(calendar -> {
                            WorkingDays days = calendar.result().workingDays();
                            LocalDate openedOn = days.dayOf(opened.toInstant());
                            int count = rules.result().answerWorkingDays();
                            return new Deadline(days.after(openedOn, count), days.overdueAfter(openedOn, count));
                        }));
    }
}
