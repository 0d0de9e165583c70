package pdx.efficiency_test

import data.pdx.efficiency

_by_kind := {d.kind: d | some d in efficiency.deadlines}

test_every_configured_kind_has_a_deadline if {
	count(efficiency.deadlines) == count(data.pdx.config.efficiency.deadlines)
	object.keys(_by_kind) == {"LICENSE", "REGISTRATION_REVIEW", "REGISTRATION", "RESULT_RELEASE", "SATISFACTION_CASE", "OBJECTION"}
	every d in efficiency.deadlines {
		d.unit in efficiency.units
		d.amount >= 1
		d.labelZh != ""
		d.labelEn != ""
		d.basisZh != ""
		d.basisEn != ""
	}
}

test_numbers_held_elsewhere_are_reused_not_repeated if {
	_by_kind.LICENSE.amount == data.pdx.config.license.review_sla_hours
	_by_kind.LICENSE.unit == "HOURS"
	_by_kind.LICENSE.source == "pdx.config.license.review_sla_hours"
	_by_kind.SATISFACTION_CASE.amount == data.pdx.config.satisfaction.answer_working_days
	_by_kind.SATISFACTION_CASE.source == "pdx.config.satisfaction.answer_working_days"
	_by_kind.REGISTRATION_REVIEW.source == "pdx.config.efficiency.deadlines"
	every d in data.pdx.config.efficiency.deadlines {
		count({k | some k in ["amount", "amount_from"]; d[k]}) == 1 # one or the other, never both
	}
}

test_a_changed_sla_changes_the_deadline if {
	ds := efficiency.deadlines with data.pdx.config.license.review_sla_hours as 48
	some d in ds
	d.kind == "LICENSE"
	d.amount == 48
}

test_a_deadline_without_a_usable_amount_is_left_out if {
	config := {
		"missing": {"n": 0},
		"efficiency": {"deadlines": [
			{"kind": "A", "label_zh": "a", "label_en": "a", "unit": "HOURS", "amount_from": "missing.nothing", "basis_zh": "b", "basis_en": "b"},
			{"kind": "B", "label_zh": "b", "label_en": "b", "unit": "WORKING_DAYS", "amount_from": "missing.n", "basis_zh": "b", "basis_en": "b"},
			{"kind": "C", "label_zh": "c", "label_en": "c", "unit": "DAYS", "amount": 3, "basis_zh": "b", "basis_en": "b"},
			{"kind": "D", "label_zh": "d", "label_en": "d", "unit": "HOURS", "amount": 1.5, "basis_zh": "b", "basis_en": "b"},
			{"kind": "E", "label_zh": "e", "label_en": "e", "unit": "HOURS", "amount": 2, "basis_zh": "b", "basis_en": "b"},
		]},
	}
	ds := efficiency.deadlines with data.pdx.config as config
	[d.kind | some d in ds] == ["E"]
}

test_document_holds_the_deadlines if {
	efficiency.document.deadlines == efficiency.deadlines
}
