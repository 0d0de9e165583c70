package io.pdx.contracts.efficiency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The deadline of one kind of decision, as the policy data holds it ({@code data.pdx.efficiency.document}).
 *
 * @param amount how many hours or working days; a matter counted in working days is due on the {@code amount}-th
 *               working day after the day it began (Asia/Shanghai) and late from the start of the next day
 * @param source the policy data key the amount is read from
 */
@Schema(description = "A kind of decision's deadline, from the policy data / 办理时限")
public record DecisionDeadline(
        @Schema(required = true) DecisionKind kind,
        @Schema(required = true, example = "授权申请审核") String labelZh,
        @Schema(required = true, example = "License application decision") String labelEn,
        @Schema(required = true) DeadlineUnit unit,
        @Schema(required = true, minimum = "1", example = "120") int amount,
        @Schema(required = true, example = "pdx.config.license.review_sla_hours") String source,
        @Schema(required = true, description = "The legal or configured basis / 依据") String basisZh,
        @Schema(required = true, description = "The legal or configured basis, in English") String basisEn) {
}
