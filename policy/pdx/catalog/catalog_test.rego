package pdx.catalog_test

import data.pdx.catalog

_anonymous := {"authenticated": false, "user": null, "roles": [], "organization": null, "department": null}

_subject(role) := {
	"authenticated": true,
	"user": sprintf("%s-user", [role]),
	"roles": [role],
	"organization": "org-1",
	"department": "dept-own",
}

_subject_of("anonymous") := _anonymous

_subject_of(role) := _subject(role) if role != "anonymous"

_dataset(grade) := {"id": "ds-1", "grade": grade, "provider": "dept-other", "status": "REGISTERED"}

_codes(decision) := [reason.code | some reason in decision.reasons]

# Every grade × role: true means the entry is visible.
_matrix := {
	"anonymous": {"GENERAL": true, "IMPORTANT": false, "CORE": false},
	"operator": {"GENERAL": true, "IMPORTANT": true, "CORE": false},
	"developer": {"GENERAL": true, "IMPORTANT": true, "CORE": false},
	"provider": {"GENERAL": true, "IMPORTANT": false, "CORE": false},
	"bureau-reviewer": {"GENERAL": true, "IMPORTANT": true, "CORE": true},
	"bureau-admin": {"GENERAL": true, "IMPORTANT": true, "CORE": true},
	"unknown-role": {"GENERAL": true, "IMPORTANT": false, "CORE": false},
}

test_every_grade_and_role if {
	every role, row in _matrix {
		every grade, visible in row {
			d := catalog.decision with input as {"subject": _subject_of(role), "dataset": _dataset(grade)}
			d.allow == visible
			d.outcome == {true: "ALLOW", false: "DENY"}[visible]
		}
	}
}

test_visible_grades_follow_the_matrix if {
	every role, row in _matrix {
		expected := sort([grade | some grade, visible in row; visible])
		catalog.visible_grades == expected with input as {"subject": _subject_of(role)}
	}
}

test_anonymous_sees_general_only if {
	catalog.visible_grades == ["GENERAL"] with input as {"subject": _anonymous}
	not catalog.own_department_visible with input as {"subject": _anonymous}
}

test_allow_general_dataset_for_anonymous if {
	d := catalog.decision with input as {"subject": _anonymous, "dataset": _dataset("GENERAL")}
	d == {"allow": true, "outcome": "ALLOW", "reasons": []}
}

test_deny_important_dataset_for_anonymous if {
	d := catalog.decision with input as {"subject": _anonymous, "dataset": _dataset("IMPORTANT")}
	d.allow == false
	d.outcome == "DENY"
	d.reasons == [{
		"code": "grade_not_visible",
		"message_zh": "该分级的数据目录对您不可见",
		"message_en": "Catalog entries of this grade are not visible to you",
	}]
}

test_deny_core_dataset_for_operator if {
	d := catalog.decision with input as {"subject": _subject("operator"), "dataset": _dataset("CORE")}
	_codes(d) == ["grade_not_visible"]
}

test_operator_sees_general_and_important if {
	catalog.visible_grades == ["GENERAL", "IMPORTANT"] with input as {"subject": _subject("operator")}
}

test_bureau_sees_all_grades_sorted if {
	catalog.visible_grades == ["CORE", "GENERAL", "IMPORTANT"] with input as {"subject": _subject("bureau-reviewer")}
}

test_several_roles_get_the_union if {
	subject := object.union(_subject("provider"), {"roles": ["provider", "operator"]})
	catalog.visible_grades == ["GENERAL", "IMPORTANT"] with input as {"subject": subject}
}

test_roles_of_an_unauthenticated_subject_count_for_nothing if {
	subject := object.union(_subject("bureau-admin"), {"authenticated": false})
	catalog.visible_grades == ["GENERAL"] with input as {"subject": subject}
}

test_provider_sees_own_department_core_dataset if {
	inp := {"subject": _subject("provider"), "dataset": {"id": "ds-1", "grade": "CORE", "provider": "dept-own", "status": "DRAFT"}}
	catalog.own_department_visible with input as inp
	catalog.decision.allow with input as inp
}

test_deny_provider_other_department_important_dataset if {
	d := catalog.decision with input as {"subject": _subject("provider"), "dataset": _dataset("IMPORTANT")}
	_codes(d) == ["grade_not_visible"]
}

test_provider_without_department_has_no_own_department if {
	subject := object.union(_subject("provider"), {"department": null})
	not catalog.own_department_visible with input as {"subject": subject}
	d := catalog.decision with input as {"subject": subject, "dataset": {"id": "ds-1", "grade": "CORE", "provider": null}}
	d.allow == false
}

test_operator_with_department_claim_has_no_own_department if {
	not catalog.own_department_visible with input as {"subject": _subject("operator")}
}

test_deny_unknown_grade if {
	d := catalog.decision with input as {"subject": _subject("bureau-admin"), "dataset": _dataset("SECRET")}
	_codes(d) == ["grade_not_visible"]
}

test_deny_without_dataset_as_input_incomplete if {
	d := catalog.decision with input as {"subject": _subject("operator"), "dataset": null}
	_codes(d) == ["input_incomplete"]
	e := catalog.decision with input as {"subject": _subject("operator")}
	_codes(e) == ["input_incomplete"]
}

test_config_override_makes_important_public if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/grades/IMPORTANT/catalog/public", "value": true}])
	catalog.visible_grades == ["GENERAL", "IMPORTANT"] with input as {"subject": _anonymous}
		with data.pdx.config as config
}

test_config_override_own_department_roles if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/catalog/own_department_roles", "value": ["operator"]}])
	catalog.own_department_visible with input as {"subject": _subject("operator")} with data.pdx.config as config
	not catalog.own_department_visible with input as {"subject": _subject("provider")} with data.pdx.config as config
}

test_message_falls_back_to_code if {
	config := object.remove(data.pdx.config, ["messages"])
	d := catalog.decision with input as {"subject": _anonymous, "dataset": _dataset("CORE")}
		with data.pdx.config as config
	d.reasons == [{"code": "grade_not_visible", "message_zh": "grade_not_visible", "message_en": "grade_not_visible"}]
}

test_every_reason_code_has_messages if {
	every code in ["grade_not_visible", "input_incomplete"] {
		data.pdx.config.messages[code].zh != ""
		data.pdx.config.messages[code].en != ""
	}
}

# The example document of contracts/src/test/resources/policy-examples/catalog.json, verbatim.
_example := {
	"subject": {
		"authenticated": true,
		"user": "zhang.wei",
		"roles": ["operator"],
		"organization": "org-91350100M000100Y43",
		"department": null,
	},
	"dataset": {
		"id": "ds-enterprise-registry",
		"grade": "IMPORTANT",
		"provider": "dept-scjgj",
		"status": "REGISTERED",
	},
}

test_contract_example_is_allowed if {
	catalog.decision == {"allow": true, "outcome": "ALLOW", "reasons": []} with input as _example
	catalog.visible_grades == ["GENERAL", "IMPORTANT"] with input as _example
	not catalog.own_department_visible with input as _example
}

test_deny_operator_a_submitted_dataset if {
	inp := {"subject": _subject("operator"), "dataset": object.union(_dataset("GENERAL"), {"status": "SUBMITTED"})}
	d := catalog.decision with input as inp
	not d.allow
	not catalog.all_statuses_visible with input as inp
}

test_deny_anonymous_a_draft_dataset if {
	d := catalog.decision with input as {"subject": _anonymous, "dataset": object.union(_dataset("GENERAL"), {"status": "DRAFT"})}
	not d.allow
}

test_allow_reviewer_a_submitted_core_dataset if {
	inp := {"subject": _subject("bureau-reviewer"), "dataset": object.union(_dataset("CORE"), {"status": "SUBMITTED"})}
	d := catalog.decision with input as inp
	d.allow
	catalog.all_statuses_visible with input as inp
}

test_view_of_a_provider_combines_the_three_answers if {
	catalog.view == {
		"visible_grades": ["GENERAL"],
		"own_department_visible": true,
		"all_statuses_visible": false,
	} with input as {"subject": _subject("provider")}
}

_open_dataset(grade, openness) := object.union(_dataset(grade), {"openness": openness})

test_open_data_allowed_for_open_general_data_anonymously if {
	d := catalog.open_data with input as {"subject": _anonymous, "dataset": _open_dataset("GENERAL", "OPEN")}
	d == {"allow": true, "outcome": "ALLOW", "reasons": []}
}

test_open_data_denied_when_not_open if {
	every openness in ["AUTHORIZED_OPERATION", "NOT_OPEN"] {
		d := catalog.open_data with input as {"subject": _anonymous, "dataset": _open_dataset("GENERAL", openness)}
		not d.allow
		_codes(d) == ["not_open_data"]
	}
}

test_open_data_never_for_important_or_core_data if {
	every grade in ["IMPORTANT", "CORE"] {
		every role in ["anonymous", "operator", "bureau-admin"] {
			d := catalog.open_data with input as {"subject": _subject_of(role), "dataset": _open_dataset(grade, "OPEN")}
			not d.allow
			"grade_never_open" in _codes(d)
		}
	}
}

test_open_data_never_for_important_data_even_when_the_data_allows_it if {
	d := catalog.open_data with input as {"subject": _subject_of("bureau-admin"), "dataset": _open_dataset("IMPORTANT", "OPEN")}
		with data.pdx.config.grades.IMPORTANT.open_data.allowed as true
	not d.allow
	_codes(d) == ["grade_never_open"]
}

test_open_data_follows_the_grade_data if {
	d := catalog.open_data with input as {"subject": _anonymous, "dataset": _open_dataset("GENERAL", "OPEN")}
		with data.pdx.config.grades.GENERAL.open_data.allowed as false
	_codes(d) == ["grade_never_open"]
}

test_open_data_denied_before_registration if {
	dataset := object.union(_open_dataset("GENERAL", "OPEN"), {"status": "SUBMITTED"})
	d := catalog.open_data with input as {"subject": _subject_of("bureau-admin"), "dataset": dataset}
	_codes(d) == ["grade_not_visible"]
}

test_open_data_without_a_dataset_is_incomplete if {
	d := catalog.open_data with input as {"subject": _anonymous}
	_codes(d) == ["input_incomplete"]
}

test_openness_open_only_for_general_data if {
	catalog.openness_allowed with input as {"dataset": {"grade": "GENERAL", "openness": "OPEN"}}
	not catalog.openness_allowed with input as {"dataset": {"grade": "IMPORTANT", "openness": "OPEN"}}
	not catalog.openness_allowed with input as {"dataset": {"grade": "CORE", "openness": "OPEN"}}
	catalog.openness_allowed with input as {"dataset": {"grade": "CORE", "openness": "NOT_OPEN"}}
}
