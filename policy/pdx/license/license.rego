# METADATA
# title: License applications
# description: |
#   The decision on a license application (授权申请): AUTO_APPROVE (秒批), REVIEW or DENY,
#   with machine-readable reasons. `allow` is true only for AUTO_APPROVE. Grade matrix,
#   low-risk purposes, review tags and the maximum term come from data.pdx.config.
#   Precedence: any deny reason → DENY; else any review reason → REVIEW; else AUTO_APPROVE.
#   A term that has already ended is denied (never 秒批); a re-application for a product on which
#   the bureau suspended or revoked one of the organization's licenses (input.earlier_licenses,
#   states in data.pdx.config.license.review_after_states) goes to human review.
#   The reasons listed are those of the outcome; all are in deny_reasons and review_reasons.
# custom:
#   input: io.pdx.contracts.policy.LicenseInput
#   output: io.pdx.contracts.policy.PolicyDecision
package pdx.license

import data.pdx.config
import data.pdx.reasons

_app := input.application

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default decision := {"allow": false, "outcome": "DENY", "reasons": []}

decision := {
	"allow": outcome == "AUTO_APPROVE",
	"outcome": outcome,
	"reasons": reasons.from_codes(_outcome_codes),
}

# METADATA
# description: How many different reviewers must approve an application that goes to review.
reviewers_required := _license_rules.reviewers_required

# METADATA
# description: AUTO_APPROVE, REVIEW or DENY.
outcome := "DENY" if {
	count(deny_reasons) > 0
} else := "REVIEW" if {
	count(review_reasons) > 0
} else := "AUTO_APPROVE"

_outcome_codes := deny_reasons if {
	outcome == "DENY"
} else := review_reasons

# An unknown or missing grade is treated as the configured strictest grade (就高从严).
grade := input.product.grade if {
	_grade_known
} else := config.unknown_grade_as

# Reads a leaf, not the grade's whole entry: reading a large part of data is what makes a decision slow.
_grade_known if config.grades[input.product.grade].rank

_license_rules := config.grades[grade].license

_requested_tags contains column.tag if {
	some name in _app.columns
	some column in input.product.columns
	column.name == name
}

_product_modes := input.product.modes if {
	is_array(input.product.modes)
} else := _license_rules.modes

_complete if {
	is_string(input.organization.id)
	is_string(input.product.id)
	is_string(_app.mode)
	is_string(_app.purpose_category)
	trim_space(_app.purpose_text) != ""
	count(_app.columns) > 0
}

# --- deny ---------------------------------------------------------------------------------

deny_reasons contains "input_incomplete" if not _complete

deny_reasons contains "grade_unknown" if not _grade_known

deny_reasons contains "core_never_licensed" if _license_rules.approval == "DENY"

deny_reasons contains "mode_not_allowed_for_grade" if not _mode_allowed_for_grade

deny_reasons contains "mode_not_offered" if {
	_mode_allowed_for_grade
	not _mode_offered
}

_mode_allowed_for_grade if _app.mode in _license_rules.modes

_mode_offered if _app.mode in _product_modes

# A withdrawn product (下架) takes no new application; anything but LISTED is refused (deny by default).
deny_reasons contains "product_not_listed" if not input.product.status == "LISTED"

# The holding department's consent to the listing (数源单位同意), limited to named operators where it asked for it.
deny_reasons contains "holder_consent_missing" if not input.product.consent.given == true

deny_reasons contains "holder_consent_not_for_operator" if {
	input.product.consent.given == true
	count(object.get(input.product.consent, "organizations", [])) > 0
	not input.organization.id in input.product.consent.organizations
}

deny_reasons contains "org_unverified" if not input.organization.verified == true

deny_reasons contains "applicant_not_member" if not input.subject.organization == input.organization.id

deny_reasons contains "purpose_category_unknown" if not _purpose_known

_purpose_known if _app.purpose_category in config.license.purpose_categories

deny_reasons contains "unknown_column_requested" if {
	some name in _app.columns
	every column in input.product.columns {
		column.name != name
	}
}

deny_reasons contains "term_invalid" if not _term_valid

deny_reasons contains "term_too_long" if {
	_term_valid
	_end_ns > time.add_date(_start_ns, 0, config.license.max_term_months, 0)
}

deny_reasons contains "term_ended" if {
	_term_valid
	time.now_ns() >= _end_exclusive_ns
}

# --- review -------------------------------------------------------------------------------

review_reasons contains "earlier_license_suspended_or_revoked" if {
	some earlier in input.earlier_licenses
	earlier.state in config.license.review_after_states
}

review_reasons contains "grade_requires_review" if not _license_rules.approval == "AUTO_IF_LOW_RISK"

review_reasons contains "purpose_not_low_risk" if not _purpose_low_risk

_purpose_low_risk if _app.purpose_category in config.license.low_risk_purposes

review_reasons contains "identifier_columns_requested" if {
	some tag in _requested_tags
	tag in config.license.review_tags
}

# --- term ---------------------------------------------------------------------------------

_start_ns := _date_ns(_app.term_start)

_end_ns := _date_ns(_app.term_end)

_term_valid if _end_ns > _start_ns

# A term given as a date ends at the end of its last day in the configured time zone.
_end_exclusive_ns := _end_ns if {
	contains(_app.term_end, "T")
} else := time.add_date(_end_ns, 0, 0, 1)

# METADATA
# description: |
#   Nanoseconds of an RFC 3339 timestamp, or of the start of an ISO date (yyyy-MM-dd) in the
#   configured time zone. Undefined when the text does not parse.
_date_ns(text) := time.parse_rfc3339_ns(text) if {
	contains(text, "T")
} else := time.parse_rfc3339_ns(sprintf("%sT00:00:00%s", [text, config.time_zone_offset])) if {
	is_string(text)
}

# --- reasons ------------------------------------------------------------------------------
