# METADATA
# title: Grade proposal
# description: |
#   The grade proposed for a dataset's draft (GB/T 43697-2024 数据分类分级规则), with the
#   reasons: IMPORTANT when a column holds sensitive values (a diagnosis, an amount tied to a
#   person), when identifiers reach the scale of data.pdx.config.grading.large_scale_rows
#   records, or when its category is one of data.pdx.config.grading.important_categories;
#   GENERAL otherwise, noting the identifiers it holds (k-anonymity and the sandbox then
#   apply). CORE is never proposed: the bureau decides it. The provider confirms or changes the
#   proposal; the reviewer's formal review checks it. An input without columns is proposed
#   IMPORTANT (fail towards the stricter grade).
# custom:
#   input: io.pdx.contracts.policy.GradingInput
#   output: io.pdx.contracts.policy.GradeProposal
package pdx.grading

import data.pdx.config
import data.pdx.reasons

_columns_given if {
	is_array(input.columns)
	count(input.columns) > 0
}

_tags := {column.tag | some column in input.columns}

_rows := input.row_count if is_number(input.row_count)

else := 0

_important contains "input_incomplete" if not _columns_given

_important contains "sensitive_columns" if "SENSITIVE" in _tags

_important contains "large_scale_personal_data" if {
	"IDENTIFIER" in _tags
	_rows >= config.grading.large_scale_rows
}

_important contains "important_category" if {
	is_string(input.category)
	some category in config.grading.important_categories
	input.category == category
}

_notes contains "identifier_columns_present" if "IDENTIFIER" in _tags

_notes contains "no_important_indicator" if count(_important) == 0

# METADATA
# description: The proposed grade and why, each reason with its zh and en message.
# entrypoint: true
proposal := {"grade": "IMPORTANT", "reasons": reasons.from_codes(_important | _notes)} if {
	count(_important) > 0
} else := {"grade": "GENERAL", "reasons": reasons.from_codes(_notes)}
