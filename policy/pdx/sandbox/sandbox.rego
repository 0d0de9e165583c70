# METADATA
# title: Sandbox jobs
# description: |
#   Three answers for a sandbox job (数据可用不可见):
#   - `admission`: may the job run (license active and in term, owned, SANDBOX mode, datasets and
#     columns in the license scope, call quota and ε budget left). Outcome ADMIT or DENY.
#   - `controls`: the output controls for the job, taken from the grade matrix of the highest
#     grade among its datasets (就高从严), plus `charge`, the ε and δ charged before the run, in
#     integer micro- (ε) and pico-units (δ).
#   - `release`: may a result leave the sandbox. Outcome AUTO, REVIEW or DENY; `allow` only for AUTO.
#   Admission and controls read SandboxAdmissionInput; release reads SandboxReleaseInput.
# custom:
#   input: io.pdx.contracts.policy.SandboxAdmissionInput, io.pdx.contracts.policy.SandboxReleaseInput
#   output: io.pdx.contracts.policy.PolicyDecision, io.pdx.contracts.policy.ControlsResult
package pdx.sandbox

import data.pdx.config
import data.pdx.reasons

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default admission := {"allow": false, "outcome": "DENY", "reasons": []}

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default release := {"allow": false, "outcome": "DENY", "reasons": []}

# METADATA
# description: The package's structured decision is the admission of the job.
# entrypoint: true
default decision := {"allow": false, "outcome": "DENY", "reasons": []}

decision := admission

# --- grades of the job --------------------------------------------------------------------

# Reads a leaf, not the grade's whole entry: reading a large part of data is what makes a decision slow.
_grade_known(grade) if config.grades[grade].rank

# An unknown grade is treated as the configured strictest grade (就高从严).
_effective_grade(grade) := grade if {
	_grade_known(grade)
} else := config.unknown_grade_as

_dataset_grade(dataset) := object.get(dataset, "grade", null)

job_grades contains _effective_grade(_dataset_grade(dataset)) if some dataset in input.job.datasets

# A clean room: the datasets read under the organization's other licenses (each admitted by its own decision) count for
# the grade of the controls (就高从严), never for this license's scope.
job_grades contains _effective_grade(_dataset_grade(dataset)) if some dataset in object.get(input.job, "joined", [])

# METADATA
# description: The highest grade among the job's datasets, by rank in the grade matrix.
highest_grade := grade if {
	some grade in job_grades
	every other in job_grades {
		config.grades[other].rank <= config.grades[grade].rank
	}
}

_grade_unknown if {
	some dataset in input.job.datasets
	not _grade_known(_dataset_grade(dataset))
}

_grade_unknown if {
	some dataset in object.get(input.job, "joined", [])
	not _grade_known(_dataset_grade(dataset))
}

_core_involved if {
	some grade in job_grades
	not config.grades[grade].sandbox.allowed == true
}

# METADATA
# description: |
#   Output controls of the highest grade's sandbox entry in the grade matrix, with the settings
#   every grade shares (the tags whose order statistics are refused, the guard's cost model).
controls := object.union(
	config.grades[highest_grade].sandbox,
	{
		"grade": highest_grade,
		"order_statistics_refused": config.sandbox.order_statistics_refused,
		"cost": config.sandbox.cost,
	},
)

# One setting of the highest grade's sandbox entry; the rules read these leaves rather than
# `controls`, so that a decision does not copy the whole entry.
_control(name) := config.grades[highest_grade].sandbox[name]

_noised if is_string(_control("noise"))

_micros(x) := round(x * 1000000)

_picos(x) := round(x * 1000000000000)

# ε asked for, or the middle of the grade's range.
_requested_epsilon := input.job.epsilon if {
	is_number(input.job.epsilon)
} else := (_control("epsilon_min") + _control("epsilon_max")) / 2

_epsilon_micros := _micros(_requested_epsilon)

_epsilon_in_range if {
	_epsilon_micros >= _micros(_control("epsilon_min"))
	_epsilon_micros <= _micros(_control("epsilon_max"))
}

# METADATA
# description: |
#   What the run costs before it starts: ε in micro-units (10⁻⁶) and δ in pico-units (10⁻¹²),
#   charged to the organization's budget on the dataset; nothing where the grade adds no noise.
#   A statement asked again that is answered from its earlier result (reuses_result) costs nothing. In a clean room
#   each license's decision charges its own datasets' budget, and only where their own grade adds noise: a GENERAL
#   dataset joined with an IMPORTANT one is released under noise but has no budget to charge.
charge := {"epsilon_micros": _epsilon_micros, "delta_picos": _picos(_control("delta_per_query"))} if {
	_noised
	_own_grade_noised
	not input.job.reuses_result == true
} else := {"epsilon_micros": 0, "delta_picos": 0}

_own_grade_noised if {
	some dataset in input.job.datasets
	is_string(config.grades[_effective_grade(_dataset_grade(dataset))].sandbox.noise)
}

# --- admission ----------------------------------------------------------------------------

_admission_complete if {
	is_string(input.license.id)
	is_string(input.license.organization)
	count(input.job.datasets) > 0
	every dataset in input.job.datasets {
		is_string(dataset.dataset_id)
		is_array(dataset.columns)
	}
	is_number(input.usage.calls_this_month)
	is_number(input.usage.epsilon_spent_micros)
	is_number(input.usage.delta_spent_picos)
}

_license_status_admitted if input.license.status in config.sandbox.license_statuses_admitted

_scope_columns[dataset_id] := {column |
	some entry in input.license.scope
	entry.dataset_id == dataset_id
	some column in entry.columns
} if {
	some scoped in input.license.scope
	dataset_id := scoped.dataset_id
}

_in_scope(dataset) if _scope_columns[dataset.dataset_id]

_column_licensed(dataset, column) if column in _scope_columns[dataset.dataset_id]

_calls_per_month := input.license.quota.calls_per_month if {
	is_number(input.license.quota.calls_per_month)
} else := config.sandbox.default_calls_per_month

admission_deny_reasons contains "input_incomplete" if not _admission_complete

admission_deny_reasons contains "grade_unknown" if _grade_unknown

admission_deny_reasons contains "license_not_active" if not _license_status_admitted

admission_deny_reasons contains "license_expired" if {
	is_string(input.license.term_end)
	not _license_in_term
}

admission_deny_reasons contains "license_not_started" if {
	is_string(input.license.term_start)
	not _license_started
}

admission_deny_reasons contains "license_not_owned" if not input.license.organization == input.subject.organization

admission_deny_reasons contains "mode_not_sandbox" if not input.license.mode == "SANDBOX"

admission_deny_reasons contains "mode_not_allowed_for_grade" if {
	some grade in job_grades
	not _sandbox_mode_allowed(grade)
}

_sandbox_mode_allowed(grade) if "SANDBOX" in config.grades[grade].license.modes

admission_deny_reasons contains "core_never_processed" if _core_involved

admission_deny_reasons contains "dataset_not_in_license" if {
	some dataset in input.job.datasets
	not _in_scope(dataset)
}

admission_deny_reasons contains "column_not_licensed" if {
	some dataset in input.job.datasets
	_in_scope(dataset)
	some column in dataset.columns
	not _column_licensed(dataset, column)
}

admission_deny_reasons contains "quota_exhausted" if input.usage.calls_this_month >= _calls_per_month

admission_deny_reasons contains "epsilon_out_of_range" if {
	_noised
	not _epsilon_in_range
}

admission_deny_reasons contains "epsilon_budget_exhausted" if {
	_noised
	_epsilon_in_range
	input.usage.epsilon_spent_micros + charge.epsilon_micros > _micros(_control("budget").epsilon)
}

admission_deny_reasons contains "delta_budget_exhausted" if {
	_noised
	input.usage.delta_spent_picos + charge.delta_picos > _picos(_control("budget").delta)
}

admission := {"allow": true, "outcome": "ADMIT", "reasons": []} if {
	count(admission_deny_reasons) == 0
} else := {"allow": false, "outcome": "DENY", "reasons": reasons.from_codes(admission_deny_reasons)}

# A term given as a date runs from the start of its first day to the end of its last day in the configured time zone.
_license_in_term if time.now_ns() < _end_exclusive_ns(input.license.term_end)

_license_started if time.now_ns() >= time.parse_rfc3339_ns(sprintf("%sT00:00:00%s", [input.license.term_start, config.time_zone_offset]))

_end_exclusive_ns(text) := time.parse_rfc3339_ns(text) if {
	contains(text, "T")
} else := time.add_date(time.parse_rfc3339_ns(sprintf("%sT00:00:00%s", [text, config.time_zone_offset])), 0, 0, 1)

# --- release ------------------------------------------------------------------------------

_release_complete if {
	count(input.job.datasets) > 0
	is_number(input.result.row_count)
	is_array(input.result.columns)
}

# A row-level output (use SELECT) follows the row-level uses of its tag, every other use the aggregate uses.
_use_allowed(column) if {
	is_string(column.tag)
	column.use == "SELECT"
	column.use in _control("row_level_column_uses")[column.tag]
}

_use_allowed(column) if {
	is_string(column.tag)
	column.use != "SELECT"
	column.use in _control("column_uses")[column.tag]
}

_use_allowed(column) if {
	not is_string(column.tag)
	column.use in config.sandbox.untagged_output_uses
}

_template_pre_approved if {
	_control("template_auto_release") == true
	input.job.template_id in config.sandbox.pre_approved_templates
}

release_deny_reasons contains "input_incomplete" if not _release_complete

release_deny_reasons contains "grade_unknown" if _grade_unknown

release_deny_reasons contains "core_never_processed" if _core_involved

release_deny_reasons contains "row_cap_exceeded" if input.result.row_count > _control("row_cap")

release_deny_reasons contains "column_use_not_allowed" if {
	some column in input.result.columns
	not _use_allowed(column)
}

release_deny_reasons contains "aggregate_not_allowed" if {
	some column in input.result.columns
	is_string(column.aggregate)
	not _aggregate_allowed(column.aggregate)
}

_aggregate_allowed(aggregate) if aggregate in _control("aggregates")

release_deny_reasons contains "noise_not_applied" if {
	_noised
	not input.result.noise_applied == true
}

release_review_reasons contains "release_requires_review" if {
	not _control("release") == "AUTO"
	not _template_pre_approved
}

# METADATA
# description: AUTO, REVIEW or DENY.
release_outcome := "DENY" if {
	count(release_deny_reasons) > 0
} else := "REVIEW" if {
	count(release_review_reasons) > 0
} else := "AUTO"

_release_codes := release_deny_reasons if {
	release_outcome == "DENY"
} else := release_review_reasons

release := {
	"allow": release_outcome == "AUTO",
	"outcome": release_outcome,
	"reasons": reasons.from_codes(_release_codes),
}

# --- reasons ------------------------------------------------------------------------------
