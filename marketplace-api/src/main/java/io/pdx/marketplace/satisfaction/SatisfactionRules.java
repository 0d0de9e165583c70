package io.pdx.marketplace.satisfaction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The 好差评 rules from the policy data ({@code pdx.config.satisfaction}): within how many working days the bureau
 * answers a case (整改答复时限).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SatisfactionRules(int answer_working_days) {

    static final String PATH = "pdx/config/satisfaction";

    int answerWorkingDays() {
        if (answer_working_days < 1) {
            throw new IllegalStateException("pdx.config.satisfaction.answer_working_days must be at least 1");
        }
        return answer_working_days;
    }
}
