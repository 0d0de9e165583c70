# METADATA
# title: Catalog visibility
# description: |
#   Which catalog entries a subject may see. Java asks for `visible_grades` and
#   `own_department_visible` to filter a listing, and for `decision` on one entry.
#   Visibility per grade and role lives in data.pdx.config.grades[_].catalog.
# custom:
#   input: io.pdx.contracts.policy.CatalogInput
#   output: io.pdx.contracts.policy.PolicyDecision
package pdx.catalog

import data.pdx.config
import data.pdx.reasons

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default decision := {"allow": false, "outcome": "DENY", "reasons": []}

default own_department_visible := false

# Roles count only for an authenticated subject; everyone is at least the public.
_roles := {role | input.subject.authenticated == true; some role in input.subject.roles}

_department := input.subject.department if {
	is_string(input.subject.department)
	input.subject.department != ""
}

_grade_visible(spec) if spec.catalog.public == true

_grade_visible(spec) if {
	some role in _roles
	role in spec.catalog.roles
}

# METADATA
# description: Sorted array of the grades the subject may list (union over its roles).
visible_grades := sort([grade | some grade, spec in config.grades; _grade_visible(spec)])

# METADATA
# description: |
#   True when the subject holds a role that sees its own department's datasets of any grade;
#   the Java side then also lists rows whose provider equals subject.department.
own_department_visible if {
	some role in _roles
	role in config.catalog.own_department_roles
	_department
}

default all_statuses_visible := false

# METADATA
# description: |
#   True when the subject sees entries in every registration state (drafts, submissions, returns);
#   everyone else sees registered entries only, besides a provider's own department.
all_statuses_visible if {
	some role in _roles
	role in config.catalog.all_status_roles
}

# METADATA
# description: |
#   The three answers a listing needs, in one document: the Java side asks for this rule alone
#   (evaluating the whole package would also evaluate `decision`, which a listing does not need).
view := {
	"visible_grades": visible_grades,
	"own_department_visible": own_department_visible,
	"all_statuses_visible": all_statuses_visible,
}

_status_visible if input.dataset.status == "REGISTERED"

_status_visible if all_statuses_visible

_dataset_visible if {
	input.dataset.grade in visible_grades
	_status_visible
}

_dataset_visible if {
	own_department_visible
	input.dataset.provider == _department
}

decision := {"allow": true, "outcome": "ALLOW", "reasons": []} if {
	_dataset_visible
} else := _deny({"grade_not_visible"}) if {
	_dataset_given
} else := _deny({"input_incomplete"})

_dataset_given if is_string(input.dataset.grade)

_deny(codes) := {"allow": false, "outcome": "DENY", "reasons": reasons.from_codes(codes)}

# Never open, whatever the policy data says of the grade (数据分类分级: 重要数据 and 核心数据 are not opened).
_never_open := {"IMPORTANT", "CORE"}

_open_grade if {
	not input.dataset.grade in _never_open
	config.grades[input.dataset.grade].open_data.allowed == true
}

_open_data_refusals contains "not_open_data" if input.dataset.openness != "OPEN"

_open_data_refusals contains "grade_never_open" if not _open_grade

_open_data_refusals contains "grade_not_visible" if not _dataset_visible

_open_data_refusals contains "grade_not_visible" if input.dataset.status != "REGISTERED"

# METADATA
# description: |
#   Whether anyone may download the rows of this catalog entry without a license (开放数据): it is
#   registered and visible to the subject, its openness is OPEN, and its grade is open by the policy
#   data; IMPORTANT and CORE entries never are. The Java side answers any refusal with a 404, as for
#   an entry it cannot see.
open_data := {"allow": true, "outcome": "ALLOW", "reasons": []} if {
	_dataset_given
	count(_open_data_refusals) == 0
} else := _deny(_open_data_refusals) if {
	_dataset_given
} else := _deny({"input_incomplete"})

# METADATA
# description: |
#   Whether a draft's openness is allowed for its grade: OPEN only where open_data may allow it.
#   Registration checks it too (DraftValidator); this is the policy's own statement of the rule.
openness_allowed if input.dataset.openness != "OPEN"

openness_allowed if {
	input.dataset.openness == "OPEN"
	_open_grade
}
