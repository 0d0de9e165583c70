package pdx.sandbox_test

import data.pdx.sandbox

# 2026-03-01T00:00:00Z, the clock of every admission test.
_now := 1772323200000000000

_developer := {
	"authenticated": true,
	"user": "dev-1",
	"roles": ["developer"],
	"organization": "org-1",
	"department": null,
}

_license := {
	"id": "lic-1",
	"status": "ACTIVE",
	"organization": "org-1",
	"mode": "SANDBOX",
	"term_start": "2026-01-01",
	"term_end": "2027-12-31",
	"scope": [
		{"dataset_id": "ds-general", "columns": ["person_id", "district", "visits"]},
		{"dataset_id": "ds-important", "columns": ["person_id", "income"]},
		{"dataset_id": "ds-core", "columns": ["person_id", "location"]},
	],
	"quota": {"calls_per_month": 100},
}

_datasets := {
	"GENERAL": {"dataset_id": "ds-general", "grade": "GENERAL", "columns": ["district", "visits"]},
	"IMPORTANT": {"dataset_id": "ds-important", "grade": "IMPORTANT", "columns": ["income"]},
	"CORE": {"dataset_id": "ds-core", "grade": "CORE", "columns": ["location"]},
}

_admission_input(grades) := {
	"subject": _developer,
	"license": _license,
	"usage": {"calls_this_month": 10, "epsilon_spent_micros": 2500000, "delta_spent_picos": 300000},
	"job": {"id": "job-1", "datasets": [_datasets[grade] | some grade in grades], "epsilon": null},
}

_with(inp, patch) := object.union(inp, patch)

_admit(inp) := decision if {
	decision := sandbox.admission with input as inp with time.now_ns as _now
}

_codes(decision) := [reason.code | some reason in decision.reasons]

# --- admission: grade × license mode ------------------------------------------------------

test_admit_general_sandbox if {
	d := _admit(_admission_input(["GENERAL"]))
	d == {"allow": true, "outcome": "ADMIT", "reasons": []}
}

test_deny_general_delivery_license if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"mode": "DELIVERY"}}))
	d.allow == false
	d.outcome == "DENY"
	_codes(d) == ["mode_not_sandbox"]
}

test_admit_important_sandbox if {
	d := _admit(_admission_input(["IMPORTANT"]))
	d.outcome == "ADMIT"
}

test_deny_important_delivery_license if {
	d := _admit(_with(_admission_input(["IMPORTANT"]), {"license": {"mode": "DELIVERY"}}))
	_codes(d) == ["mode_not_sandbox"]
}

test_deny_core_dataset_sandbox if {
	d := _admit(_admission_input(["CORE"]))
	d.outcome == "DENY"
	d.reasons[0] == {
		"code": "core_never_processed",
		"message_zh": "核心数据不得在沙箱中处理或输出",
		"message_en": "Core data is never processed or released",
	}
	_codes(d) == ["core_never_processed", "mode_not_allowed_for_grade"]
}

test_deny_core_dataset_delivery_license if {
	d := _admit(_with(_admission_input(["CORE"]), {"license": {"mode": "DELIVERY"}}))
	_codes(d) == ["core_never_processed", "mode_not_allowed_for_grade", "mode_not_sandbox"]
}

test_deny_core_dataset_joined_with_general if {
	d := _admit(_admission_input(["GENERAL", "CORE"]))
	"core_never_processed" in _codes(d)
}

test_admission_is_the_package_decision if {
	sandbox.decision == sandbox.admission with input as _admission_input(["GENERAL"]) with time.now_ns as _now
	sandbox.decision.allow with input as _admission_input(["GENERAL"]) with time.now_ns as _now
}

# --- admission: license -------------------------------------------------------------------

test_deny_license_not_active if {
	every status in ["APPLIED", "IN_REVIEW", "APPROVED", "SUSPENDED", "REVOKED", "EXPIRED"] {
		d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"status": status}}))
		_codes(d) == ["license_not_active"]
	}
}

test_deny_license_expired if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": "2026-02-28"}}))
	_codes(d) == ["license_expired"]
}

test_admit_on_the_last_day_of_the_term if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": "2026-03-01"}}))
	d.outcome == "ADMIT"
}

test_license_term_end_as_timestamp if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": "2026-02-28T23:59:59Z"}}))
	_codes(d) == ["license_expired"]
	e := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": "2026-03-01T08:00:00Z"}}))
	e.outcome == "ADMIT"
}

test_deny_unparseable_license_term_end if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": "end of 2027"}}))
	_codes(d) == ["license_expired"]
}

test_admit_license_without_term_end if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_end": null}}))
	d.outcome == "ADMIT"
}

test_deny_license_of_another_organization if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"subject": {"organization": "org-2"}}))
	_codes(d) == ["license_not_owned"]
}

test_deny_dataset_not_in_license if {
	inp := _admission_input(["GENERAL"])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-other", "grade": "GENERAL", "columns": ["x"]}]})
	d := _admit(_with(inp, {"job": job}))
	_codes(d) == ["dataset_not_in_license"]
}

test_deny_column_not_licensed if {
	inp := _admission_input(["GENERAL"])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-general", "grade": "GENERAL", "columns": ["district", "salary"]}]})
	d := _admit(_with(inp, {"job": job}))
	_codes(d) == ["column_not_licensed"]
}

test_scope_entries_of_one_dataset_are_merged if {
	inp := _admission_input(["GENERAL"])
	scope := array.concat(_license.scope, [{"dataset_id": "ds-general", "columns": ["salary"]}])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-general", "grade": "GENERAL", "columns": ["district", "salary"]}]})
	d := _admit(_with(inp, {"license": {"scope": scope}, "job": job}))
	d.outcome == "ADMIT"
}

test_deny_quota_exhausted if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"usage": {"calls_this_month": 100}}))
	_codes(d) == ["quota_exhausted"]
}

test_default_quota_applies_without_license_quota if {
	inp := _with(_admission_input(["GENERAL"]), {"license": {"quota": {"calls_per_month": null}}, "usage": {"calls_this_month": 9999}})
	_admit(inp).outcome == "ADMIT"
	full := _with(inp, {"usage": {"calls_this_month": 10000}})
	_codes(_admit(full)) == ["quota_exhausted"]
}

test_deny_incomplete_admission_input if {
	d := _admit({"subject": _developer})
	"input_incomplete" in _codes(d)
	inp := _admission_input(["GENERAL"])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-general", "grade": "GENERAL"}]})
	_codes(_admit(_with(inp, {"job": job}))) == ["input_incomplete"]
}

test_deny_unknown_grade_as_core if {
	inp := _admission_input(["GENERAL"])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-general", "grade": "SECRET", "columns": ["district"]}]})
	d := _admit(_with(inp, {"job": job}))
	_codes(d) == ["core_never_processed", "grade_unknown", "mode_not_allowed_for_grade"]
}

test_deny_dataset_without_grade_as_core if {
	inp := _admission_input(["GENERAL"])
	job := object.union(inp.job, {"datasets": [{"dataset_id": "ds-general", "columns": ["district"]}]})
	d := _admit(_with(inp, {"job": job}))
	_codes(d) == ["core_never_processed", "grade_unknown", "mode_not_allowed_for_grade"]
}

# --- admission: ε -------------------------------------------------------------------------

test_admit_important_with_requested_epsilon if {
	inp := _with(_admission_input(["IMPORTANT"]), {"job": {"epsilon": 0.5}})
	_admit(inp).outcome == "ADMIT"
	sandbox.charge == {"epsilon_micros": 500000, "delta_picos": 100000} with input as inp
}

test_important_charges_the_middle_of_the_range_by_default if {
	sandbox.charge.epsilon_micros == 550000 with input as _admission_input(["IMPORTANT"])
}

test_general_charges_nothing if {
	sandbox.charge == {"epsilon_micros": 0, "delta_picos": 0} with input as _with(_admission_input(["GENERAL"]), {"job": {"epsilon": 0.5}})
	_admit(_with(_admission_input(["GENERAL"]), {"job": {"epsilon": 5}})).outcome == "ADMIT"
}

test_deny_epsilon_above_the_range if {
	d := _admit(_with(_admission_input(["IMPORTANT"]), {"job": {"epsilon": 1.5}}))
	_codes(d) == ["epsilon_out_of_range"]
}

test_deny_epsilon_below_the_floor if {
	every epsilon in [0, 0.099999, 1e-300, -1] {
		_codes(_admit(_with(_admission_input(["IMPORTANT"]), {"job": {"epsilon": epsilon}}))) == ["epsilon_out_of_range"]
	}
}

test_admit_epsilon_at_both_ends_of_the_range if {
	every epsilon in [0.1, 1] {
		_admit(_with(_admission_input(["IMPORTANT"]), {"job": {"epsilon": epsilon}})).outcome == "ADMIT"
	}
}

test_deny_epsilon_budget_exhausted if {
	d := _admit(_with(_admission_input(["IMPORTANT"]), {"usage": {"epsilon_spent_micros": 9500000}}))
	_codes(d) == ["epsilon_budget_exhausted"]
	e := _admit(_with(_admission_input(["IMPORTANT"]), {"usage": {"epsilon_spent_micros": 9500000}, "job": {"epsilon": 0.5}}))
	e.outcome == "ADMIT"
}

test_deny_a_tiny_epsilon_once_the_budget_is_spent if {
	d := _admit(_with(_admission_input(["IMPORTANT"]), {"usage": {"epsilon_spent_micros": 10000000}, "job": {"epsilon": 0.1}}))
	_codes(d) == ["epsilon_budget_exhausted"]
}

test_a_reused_result_costs_nothing_even_with_the_budget_spent if {
	inp := _with(_admission_input(["IMPORTANT"]), {
		"usage": {"epsilon_spent_micros": 10000000, "delta_spent_picos": 10000000},
		"job": {"reuses_result": true},
	})
	_admit(inp).outcome == "ADMIT"
	sandbox.charge == {"epsilon_micros": 0, "delta_picos": 0} with input as inp
}

test_deny_delta_budget_exhausted if {
	d := _admit(_with(_admission_input(["IMPORTANT"]), {"usage": {"delta_spent_picos": 9950000}}))
	_codes(d) == ["delta_budget_exhausted"]
	e := _admit(_with(_admission_input(["IMPORTANT"]), {"usage": {"delta_spent_picos": 9900000}}))
	e.outcome == "ADMIT"
}

test_epsilon_budget_applies_to_a_job_joining_general_and_important if {
	d := _admit(_with(_admission_input(["GENERAL", "IMPORTANT"]), {"usage": {"epsilon_spent_micros": 10000000}}))
	_codes(d) == ["epsilon_budget_exhausted"]
}

test_deny_before_the_term_starts if {
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"term_start": "2026-03-02"}}))
	_codes(d) == ["license_not_started"]
	_admit(_with(_admission_input(["GENERAL"]), {"license": {"term_start": "2026-03-01"}})).outcome == "ADMIT"
}

# --- controls -----------------------------------------------------------------------------

test_controls_of_general_job if {
	c := sandbox.controls with input as _admission_input(["GENERAL"])
	c.grade == "GENERAL"
	c.k == 10
	c.row_cap == 1000000
	c.row_level_output == true
	c.noise == null
	c.epsilon_max == null
	c.budget == null
	"MIN" in c.aggregates
	c.column_uses.IDENTIFIER == ["JOIN", "ENTITY_COUNT"]
	"SELECT" in c.row_level_column_uses.METRIC
	c.row_level_column_uses.IDENTIFIER == []
	not "SELECT" in c.row_level_column_uses.QUASI_IDENTIFIER
	c.order_statistics_refused == ["QUASI_IDENTIFIER", "SENSITIVE"]
}

test_controls_of_important_job if {
	c := sandbox.controls with input as _admission_input(["IMPORTANT"])
	c.grade == "IMPORTANT"
	c.k == 50
	c.k_noised == true
	c.noise == "DISCRETE_LAPLACE"
	c.epsilon_min == 0.1
	c.epsilon_max == 1
	c.delta_per_query == 1e-7
	c.max_rows_per_entity == 10
	c.max_groups_per_entity == 3
	c.budget.period == "YEAR"
	c.joins == ["INNER"]
	c.row_cap == 10000
	c.row_level_output == false
	c.join_keys_in_output == false
	every tag, uses in c.row_level_column_uses {
		uses == []
		tag != ""
	}
}

test_controls_take_the_highest_grade if {
	sandbox.highest_grade == "IMPORTANT" with input as _admission_input(["GENERAL", "IMPORTANT"])
	sandbox.controls.grade == "IMPORTANT" with input as _admission_input(["IMPORTANT", "GENERAL"])
	sandbox.controls.grade == "CORE" with input as _admission_input(["GENERAL", "CORE", "IMPORTANT"])
}

test_controls_of_core_allow_nothing if {
	c := sandbox.controls with input as _admission_input(["CORE"])
	c.allowed == false
	c.row_cap == 0
	c.aggregates == []
	c.release == "DENY"
}

test_controls_undefined_without_datasets if {
	not sandbox.controls with input as {"job": {"datasets": []}}
}

test_config_override_k_and_row_cap if {
	config := json.patch(data.pdx.config, [
		{"op": "replace", "path": "/grades/GENERAL/sandbox/k", "value": 20},
		{"op": "replace", "path": "/grades/GENERAL/sandbox/row_cap", "value": 500},
	])
	c := sandbox.controls with input as _admission_input(["GENERAL"]) with data.pdx.config as config
	c.k == 20
	c.row_cap == 500
}

test_config_override_epsilon_budget if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/grades/IMPORTANT/sandbox/budget/epsilon", "value": 20}])
	inp := _with(_admission_input(["IMPORTANT"]), {"usage": {"epsilon_spent_micros": 15000000}})
	d := _admit(inp) with data.pdx.config as config
	d.outcome == "ADMIT"
}

test_config_override_admitted_statuses if {
	config := json.patch(data.pdx.config, [{"op": "add", "path": "/sandbox/license_statuses_admitted/-", "value": "SUSPENDED"}])
	d := _admit(_with(_admission_input(["GENERAL"]), {"license": {"status": "SUSPENDED"}})) with data.pdx.config as config
	d.outcome == "ADMIT"
}

# --- release ------------------------------------------------------------------------------

_group_key := {"name": "district", "tag": "QUASI_IDENTIFIER", "use": "GROUP_BY", "aggregate": null}

_count := {"name": "n", "tag": null, "use": "AGGREGATE", "aggregate": "COUNT"}

_release_input(grades) := {
	"subject": _developer,
	"job": {
		"id": "job-1",
		"datasets": [{"dataset_id": _datasets[grade].dataset_id, "grade": grade} | some grade in grades],
		"template_id": null,
	},
	"result": {"row_count": 12, "noise_applied": true, "columns": [_group_key, _count]},
}

_release(inp) := decision if {
	decision := sandbox.release with input as inp
}

_with_columns(inp, columns) := object.union(inp, {"result": {"columns": columns}})

test_release_general_automatically if {
	d := _release(_release_input(["GENERAL"]))
	d == {"allow": true, "outcome": "AUTO", "reasons": []}
}

test_release_general_without_noise if {
	d := _release(_with(_release_input(["GENERAL"]), {"result": {"noise_applied": false}}))
	d.outcome == "AUTO"
}

test_release_general_row_level_attributes_and_metrics if {
	columns := [
		{"name": "district", "tag": "ATTRIBUTE", "use": "SELECT", "aggregate": null},
		{"name": "visits", "tag": "METRIC", "use": "SELECT", "aggregate": null},
	]
	d := _release(_with_columns(_release_input(["GENERAL"]), columns))
	d.outcome == "AUTO"
}

test_review_important_result if {
	d := _release(_release_input(["IMPORTANT"]))
	d.allow == false
	d.outcome == "REVIEW"
	_codes(d) == ["release_requires_review"]
}

test_review_general_joined_with_important if {
	d := _release(_release_input(["GENERAL", "IMPORTANT"]))
	d.outcome == "REVIEW"
}

test_release_important_pre_approved_template if {
	d := _release(_with(_release_input(["IMPORTANT"]), {"job": {"template_id": "tpl-enterprises-by-district"}}))
	d == {"allow": true, "outcome": "AUTO", "reasons": []}
}

test_review_important_unknown_template if {
	d := _release(_with(_release_input(["IMPORTANT"]), {"job": {"template_id": "tpl-made-up"}}))
	_codes(d) == ["release_requires_review"]
}

test_deny_core_dataset_release if {
	d := _release(_release_input(["CORE"]))
	d.outcome == "DENY"
	"core_never_processed" in _codes(d)
	e := _release(_with(_release_input(["IMPORTANT", "CORE"]), {"job": {"template_id": "tpl-enterprises-by-district"}}))
	e.outcome == "DENY"
	"core_never_processed" in _codes(e)
}

test_deny_release_over_row_cap if {
	d := _release(_with(_release_input(["GENERAL"]), {"result": {"row_count": 1000001}}))
	_codes(d) == ["row_cap_exceeded"]
	e := _release(_with(_release_input(["IMPORTANT"]), {"result": {"row_count": 10001}}))
	e.outcome == "DENY"
	_codes(e) == ["row_cap_exceeded"]
	f := _release(_with(_release_input(["IMPORTANT"]), {"result": {"row_count": 10000}}))
	f.outcome == "REVIEW"
}

test_deny_identifier_in_output if {
	columns := [{"name": "person_id", "tag": "IDENTIFIER", "use": "SELECT", "aggregate": null}, _count]
	d := _release(_with_columns(_release_input(["GENERAL"]), columns))
	_codes(d) == ["column_use_not_allowed"]
}

test_deny_row_level_output_of_important if {
	columns := [{"name": "income", "tag": "METRIC", "use": "SELECT", "aggregate": null}]
	d := _release(_with_columns(_release_input(["IMPORTANT"]), columns))
	_codes(d) == ["column_use_not_allowed"]
}

test_deny_untagged_row_level_column if {
	columns := [{"name": "x", "tag": null, "use": "SELECT", "aggregate": null}]
	d := _release(_with_columns(_release_input(["GENERAL"]), columns))
	_codes(d) == ["column_use_not_allowed"]
}

test_deny_unknown_tag_in_output if {
	columns := [{"name": "x", "tag": "SECRET", "use": "AGGREGATE", "aggregate": "COUNT"}]
	d := _release(_with_columns(_release_input(["GENERAL"]), columns))
	_codes(d) == ["column_use_not_allowed"]
}

test_deny_aggregate_not_allowed_for_important if {
	columns := [_group_key, {"name": "top", "tag": "METRIC", "use": "AGGREGATE", "aggregate": "MAX"}]
	d := _release(_with_columns(_release_input(["IMPORTANT"]), columns))
	_codes(d) == ["aggregate_not_allowed"]
	e := _release(_with_columns(_release_input(["GENERAL"]), columns))
	e.outcome == "AUTO"
}

test_deny_important_result_without_noise if {
	d := _release(_with(_release_input(["IMPORTANT"]), {"result": {"noise_applied": false}}))
	_codes(d) == ["noise_not_applied"]
}

test_deny_incomplete_release_input if {
	d := _release({"subject": _developer})
	d.outcome == "DENY"
	"input_incomplete" in _codes(d)
	e := _release(object.union(_release_input(["GENERAL"]), {"result": {"row_count": null}}))
	_codes(e) == ["input_incomplete"]
}

test_deny_release_of_unknown_grade if {
	inp := _release_input(["GENERAL"])
	d := _release(object.union(inp, {"job": {"datasets": [{"dataset_id": "ds-x", "grade": "SECRET"}]}}))
	"grade_unknown" in _codes(d)
	"core_never_processed" in _codes(d)
}

test_config_override_template_auto_release if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/grades/IMPORTANT/sandbox/template_auto_release", "value": false}])
	d := _release(_with(_release_input(["IMPORTANT"]), {"job": {"template_id": "tpl-enterprises-by-district"}})) with data.pdx.config as config
	d.outcome == "REVIEW"
}

test_config_override_pre_approved_templates if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/sandbox/pre_approved_templates", "value": ["tpl-new"]}])
	d := _release(_with(_release_input(["IMPORTANT"]), {"job": {"template_id": "tpl-new"}})) with data.pdx.config as config
	d.outcome == "AUTO"
}

test_config_override_general_release_review if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/grades/GENERAL/sandbox/release", "value": "REVIEW"}])
	d := _release(_release_input(["GENERAL"])) with data.pdx.config as config
	_codes(d) == ["release_requires_review"]
}

test_every_reason_code_has_messages if {
	codes := [
		"aggregate_not_allowed", "column_not_licensed", "column_use_not_allowed", "core_never_processed",
		"dataset_not_in_license", "epsilon_budget_exhausted", "epsilon_invalid", "epsilon_out_of_range",
		"delta_budget_exhausted", "license_not_started",
		"grade_unknown", "input_incomplete", "license_expired", "license_not_active", "license_not_owned",
		"mode_not_allowed_for_grade", "mode_not_sandbox", "noise_not_applied", "quota_exhausted",
		"release_requires_review", "row_cap_exceeded",
	]
	every code in codes {
		data.pdx.config.messages[code].zh != ""
		data.pdx.config.messages[code].en != ""
	}
}

# The example documents of contracts/src/test/resources/policy-examples/sandbox-admission.json
# and sandbox-release.json, verbatim.
_example_admission := {
	"subject": {
		"authenticated": true,
		"user": "li.na",
		"roles": ["developer"],
		"organization": "org-91350100M000100Y43",
		"department": null,
	},
	"license": {
		"id": "lic-2025-000042",
		"status": "ACTIVE",
		"organization": "org-91350100M000100Y43",
		"mode": "SANDBOX",
		"term_start": "2025-07-01",
		"term_end": "2028-06-30",
		"scope": [
			{"dataset_id": "ds-enterprise-registry", "columns": ["uscc", "district", "industry", "registered_capital"]},
			{"dataset_id": "ds-tax-arrears", "columns": ["uscc", "arrears_amount"]},
		],
		"quota": {"calls_per_month": 1000},
	},
	"usage": {
		"calls_this_month": 12,
		"epsilon_spent_micros": 2500000,
		"delta_spent_picos": 300000,
	},
	"job": {
		"id": "job-7f3a",
		"datasets": [
			{"dataset_id": "ds-enterprise-registry", "grade": "GENERAL", "columns": ["uscc", "district"]},
			{"dataset_id": "ds-tax-arrears", "grade": "IMPORTANT", "columns": ["uscc", "arrears_amount"]},
		],
		"epsilon": 0.5,
		"reuses_result": false,
		"joined": [{"dataset_id": "ds-court-judgments", "grade": "GENERAL", "columns": ["uscc"]}],
	},
}

_example_release := {
	"subject": {
		"authenticated": true,
		"user": "li.na",
		"roles": ["developer"],
		"organization": "org-91350100M000100Y43",
		"department": null,
	},
	"job": {
		"id": "job-7f3a",
		"datasets": [
			{"dataset_id": "ds-enterprise-registry", "grade": "GENERAL"},
			{"dataset_id": "ds-tax-arrears", "grade": "IMPORTANT"},
		],
		"template_id": "tpl-enterprises-by-district",
	},
	"result": {
		"row_count": 13,
		"noise_applied": true,
		"columns": [
			{"name": "district", "tag": "QUASI_IDENTIFIER", "use": "GROUP_BY", "aggregate": null},
			{"name": "enterprises", "tag": null, "use": "AGGREGATE", "aggregate": "COUNT"},
			{"name": "total_arrears", "tag": "METRIC", "use": "AGGREGATE", "aggregate": "SUM"},
		],
	},
}

test_contract_example_admission_is_admitted if {
	_admit(_example_admission) == {"allow": true, "outcome": "ADMIT", "reasons": []}
	sandbox.charge == {"epsilon_micros": 500000, "delta_picos": 100000} with input as _example_admission
	c := sandbox.controls with input as _example_admission
	c.grade == "IMPORTANT"
	c.k == 50
}

test_contract_example_release_is_automatic if {
	_release(_example_release) == {"allow": true, "outcome": "AUTO", "reasons": []}
}

# --- clean rooms: datasets joined under the organization's other licenses -----------------

_joined(grades) := [{"dataset_id": sprintf("ds-other-%s", [grade]), "grade": grade, "columns": []} | some grade in grades]

test_a_joined_important_dataset_makes_the_controls_noised if {
	inp := _with(_admission_input(["GENERAL"]), {"job": object.union(_admission_input(["GENERAL"]).job, {"joined": _joined(["IMPORTANT"])})})
	sandbox.controls.grade == "IMPORTANT" with input as inp
	is_string(sandbox.controls.noise) with input as inp
}

test_a_general_dataset_joined_with_an_important_one_is_charged_nothing if {
	inp := _with(_admission_input(["GENERAL"]), {"job": object.union(_admission_input(["GENERAL"]).job, {"joined": _joined(["IMPORTANT"]), "epsilon": 0.5})})
	sandbox.charge == {"epsilon_micros": 0, "delta_picos": 0} with input as inp
	_admit(inp).allow
}

test_an_important_dataset_joined_with_a_general_one_is_charged_its_epsilon if {
	inp := _with(_admission_input(["IMPORTANT"]), {"job": object.union(_admission_input(["IMPORTANT"]).job, {"joined": _joined(["GENERAL"]), "epsilon": 0.5})})
	sandbox.charge.epsilon_micros == 500000 with input as inp
}

test_a_joined_core_dataset_is_never_processed if {
	inp := _with(_admission_input(["GENERAL"]), {"job": object.union(_admission_input(["GENERAL"]).job, {"joined": _joined(["CORE"])})})
	"core_never_processed" in _codes(_admit(inp))
}

test_a_joined_dataset_is_not_checked_against_this_licenses_scope if {
	inp := _with(_admission_input(["GENERAL"]), {"job": object.union(_admission_input(["GENERAL"]).job, {"joined": _joined(["GENERAL"])})})
	_admit(inp).allow
}

test_a_joined_dataset_of_unknown_grade_is_treated_as_the_strictest if {
	inp := _with(_admission_input(["GENERAL"]), {"job": object.union(_admission_input(["GENERAL"]).job, {"joined": [{"dataset_id": "x", "grade": "SECRET", "columns": []}]})})
	"grade_unknown" in _codes(_admit(inp))
}
