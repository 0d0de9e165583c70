package io.pdx.contracts.efficiency;

/**
 * The kinds of decision whose time the efficiency evaluation (效能评估) measures against a deadline, each from the
 * moment it began to the moment it was decided:
 * <ul>
 *     <li>{@code LICENSE}: a license application, applied → approved, denied or rejected (秒批 when the policy approved at once);</li>
 *     <li>{@code REGISTRATION_REVIEW}: a registration's formal review (形式审核), submitted (or reopened) → accepted into publicity or returned;</li>
 *     <li>{@code REGISTRATION}: a registration as a whole, submitted → registered;</li>
 *     <li>{@code RESULT_RELEASE}: a sandbox result, run finished → released or rejected (at once by the policy, or by a reviewer);</li>
 *     <li>{@code SATISFACTION_CASE}: a 好差评 case, opened → answered;</li>
 *     <li>{@code OBJECTION}: an objection (异议) to a registration in publicity, lodged → dismissed or upheld.</li>
 * </ul>
 */
public enum DecisionKind {
    LICENSE, REGISTRATION_REVIEW, REGISTRATION, RESULT_RELEASE, SATISFACTION_CASE, OBJECTION
}
