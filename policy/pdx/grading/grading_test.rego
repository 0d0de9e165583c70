package pdx.grading_test

import data.pdx.grading

_column(name, tag) := {"name": name, "tag": tag}

_codes(proposal) := {reason.code | some reason in proposal.reasons}

test_sensitive_values_propose_important if {
	p := grading.proposal with input as {"category": "社会/教育", "row_count": 100, "columns": [
		_column("diagnosis", "SENSITIVE"),
		_column("district", "QUASI_IDENTIFIER"),
	]}
	p.grade == "IMPORTANT"
	"sensitive_columns" in _codes(p)
}

test_identifiers_at_scale_propose_important if {
	p := grading.proposal with input as {"category": "交通/公共交通", "row_count": 5000000, "columns": [
		_column("card_id", "IDENTIFIER"),
		_column("fare", "METRIC"),
	]}
	p.grade == "IMPORTANT"
	_codes(p) == {"large_scale_personal_data", "identifier_columns_present"}
}

test_identifiers_below_scale_stay_general_with_a_note if {
	p := grading.proposal with input as {"category": "交通/公共交通", "row_count": 3, "columns": [
		_column("card_id", "IDENTIFIER"),
		_column("fare", "METRIC"),
	]}
	p.grade == "GENERAL"
	_codes(p) == {"identifier_columns_present", "no_important_indicator"}
}

test_an_important_category_proposes_important if {
	p := grading.proposal with input as {"category": "社会/医疗保障", "row_count": 3, "columns": [_column("district", "ATTRIBUTE")]}
	p.grade == "IMPORTANT"
	"important_category" in _codes(p)
}

test_nothing_important_is_general if {
	p := grading.proposal with input as {"category": "生态/气象", "row_count": 10, "columns": [_column("station", "ATTRIBUTE"), _column("temp", "METRIC")]}
	p.grade == "GENERAL"
	_codes(p) == {"no_important_indicator"}
}

test_no_columns_fail_towards_important if {
	p := grading.proposal with input as {"category": "生态/气象"}
	p.grade == "IMPORTANT"
	"input_incomplete" in _codes(p)
}

test_every_reason_has_both_messages if {
	p := grading.proposal with input as {"category": "社会/医疗保障", "row_count": 5000000, "columns": [
		_column("person_id", "IDENTIFIER"),
		_column("diagnosis", "SENSITIVE"),
	]}
	every reason in p.reasons {
		reason.message_zh != reason.code
		reason.message_en != reason.code
	}
}
