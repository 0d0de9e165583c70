package io.pdx.contracts.satisfaction;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bureau's written answer to a case: what was found and rectified (整改答复). */
public record CaseAnswer(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_ANSWER, description = "The written answer / 书面答复") String answer) {

    public static final int MAX_ANSWER = 2000;
}
