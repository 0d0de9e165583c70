package io.pdx.contracts.catalog;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's written answer to an objection: why it is upheld or dismissed (异议处理意见). */
public record ObjectionAnswer(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_ANSWER, description = "The written answer / 书面答复")
        String answer) {

    public static final int MAX_ANSWER = 2000;
}
