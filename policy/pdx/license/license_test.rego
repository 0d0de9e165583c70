package pdx.license_test

import data.pdx.license

_columns := [
	{"name": "person_id", "tag": "IDENTIFIER"},
	{"name": "age", "tag": "QUASI_IDENTIFIER"},
	{"name": "diagnosis", "tag": "SENSITIVE"},
	{"name": "district", "tag": "ATTRIBUTE"},
	{"name": "visits", "tag": "METRIC"},
]

_base := {
	"subject": {
		"authenticated": true,
		"user": "op-1",
		"roles": ["operator"],
		"organization": "org-1",
		"department": null,
	},
	"organization": {"id": "org-1", "verified": true},
	"product": {
		"id": "prod-1",
		"dataset_id": "ds-1",
		"grade": "GENERAL",
		"modes": ["DELIVERY", "SANDBOX"],
		"columns": _columns,
		"consent": {"given": true, "organizations": []},
		"status": "LISTED",
	},
	"application": {
		"purpose_category": "PUBLIC_GOVERNANCE",
		"purpose_text": "按区县统计就诊人次，用于公共卫生资源配置",
		"columns": ["district", "visits"],
		"mode": "DELIVERY",
		"term_start": "2025-01-01",
		"term_end": "2027-12-31",
		"expected_volume": 100000,
	},
}

_with(patch) := object.union(_base, patch)

_grade_mode(grade, mode) := _with({"product": {"grade": grade}, "application": {"mode": mode}})

_codes(decision) := [reason.code | some reason in decision.reasons]

_decide(inp) := decision if {
	decision := license.decision with input as inp
}

# --- grade × mode -------------------------------------------------------------------------

test_auto_approve_general_delivery if {
	d := _decide(_grade_mode("GENERAL", "DELIVERY"))
	d == {"allow": true, "outcome": "AUTO_APPROVE", "reasons": []}
}

test_auto_approve_general_sandbox if {
	d := _decide(_grade_mode("GENERAL", "SANDBOX"))
	d == {"allow": true, "outcome": "AUTO_APPROVE", "reasons": []}
}

test_deny_important_delivery if {
	d := _decide(_grade_mode("IMPORTANT", "DELIVERY"))
	d.allow == false
	d.outcome == "DENY"
	_codes(d) == ["mode_not_allowed_for_grade"]
}

test_review_important_sandbox if {
	d := _decide(_grade_mode("IMPORTANT", "SANDBOX"))
	d.allow == false
	d.outcome == "REVIEW"
	_codes(d) == ["grade_requires_review"]
}

test_review_important_sandbox_lists_every_review_reason if {
	inp := object.union(_grade_mode("IMPORTANT", "SANDBOX"), {"application": {
		"purpose_category": "INDUSTRY_DEVELOPMENT",
		"columns": ["person_id", "visits"],
	}})
	d := _decide(inp)
	d.outcome == "REVIEW"
	_codes(d) == ["grade_requires_review", "identifier_columns_requested", "purpose_not_low_risk"]
}

test_deny_core_dataset_delivery if {
	d := _decide(_grade_mode("CORE", "DELIVERY"))
	d.outcome == "DENY"
	_codes(d) == ["core_never_licensed", "mode_not_allowed_for_grade"]
}

test_deny_core_dataset_sandbox if {
	d := _decide(_grade_mode("CORE", "SANDBOX"))
	d.outcome == "DENY"
	d.reasons[0] == {
		"code": "core_never_licensed",
		"message_zh": "核心数据不予授权",
		"message_en": "Core data is never licensed",
	}
	_codes(d) == ["core_never_licensed", "mode_not_allowed_for_grade"]
}

test_deny_unknown_mode_for_every_grade if {
	every grade in ["GENERAL", "IMPORTANT", "CORE"] {
		d := _decide(_grade_mode(grade, "DOWNLOAD"))
		d.outcome == "DENY"
		"mode_not_allowed_for_grade" in _codes(d)
	}
}

# --- GENERAL: 秒批 or review --------------------------------------------------------------

test_auto_approve_public_welfare if {
	d := _decide(_with({"application": {"purpose_category": "PUBLIC_WELFARE"}}))
	d.outcome == "AUTO_APPROVE"
}

test_review_general_industry_purpose if {
	d := _decide(_with({"application": {"purpose_category": "INDUSTRY_DEVELOPMENT"}}))
	d.outcome == "REVIEW"
	d.allow == false
	_codes(d) == ["purpose_not_low_risk"]
}

test_review_general_sector_purpose if {
	d := _decide(_with({"application": {"purpose_category": "SECTOR_DEVELOPMENT"}}))
	_codes(d) == ["purpose_not_low_risk"]
}

test_review_identifier_columns_requested if {
	d := _decide(_with({"application": {"columns": ["person_id", "district"]}}))
	d.outcome == "REVIEW"
	_codes(d) == ["identifier_columns_requested"]
}

test_auto_approve_quasi_identifier_and_sensitive_columns if {
	d := _decide(_with({"application": {"columns": ["age", "diagnosis", "district", "visits"]}}))
	d.outcome == "AUTO_APPROVE"
}

# --- deny reasons -------------------------------------------------------------------------

test_deny_unverified_org if {
	d := _decide(_with({"organization": {"verified": false}}))
	d.outcome == "DENY"
	_codes(d) == ["org_unverified"]
}

test_deny_org_without_verified_flag if {
	d := _decide(_with({"organization": {"id": "org-1", "verified": null}}))
	_codes(d) == ["org_unverified"]
}

test_deny_applicant_of_another_organization if {
	d := _decide(_with({"subject": {"organization": "org-2"}}))
	_codes(d) == ["applicant_not_member"]
}

test_deny_term_too_long if {
	d := _decide(_with({"application": {"term_end": "2030-01-02"}}))
	d.outcome == "DENY"
	_codes(d) == ["term_too_long"]
}

test_allow_term_of_exactly_the_maximum if {
	d := _decide(_with({"application": {"term_end": "2030-01-01"}}))
	d.outcome == "AUTO_APPROVE"
}

test_allow_term_as_timestamps if {
	d := _decide(_with({"application": {"term_start": "2025-01-01T00:00:00+08:00", "term_end": "2029-12-31T23:59:59+08:00"}}))
	d.outcome == "AUTO_APPROVE"
}

# 2026-03-01T12:00:00+08:00
_now := time.parse_rfc3339_ns("2026-03-01T12:00:00+08:00")

test_deny_term_that_has_already_ended if {
	inp := _with({"application": {"term_start": "2025-01-01", "term_end": "2026-02-28"}})
	d := license.decision with input as inp with time.now_ns as _now
	d.allow == false
	d.outcome == "DENY"
	_codes(d) == ["term_ended"]
}

test_deny_term_that_ended_even_for_a_review_grade if {
	inp := object.union(_grade_mode("IMPORTANT", "SANDBOX"), {"application": {"term_start": "2025-01-01", "term_end": "2026-02-28"}})
	d := license.decision with input as inp with time.now_ns as _now
	d.outcome == "DENY"
	_codes(d) == ["term_ended"]
}

test_term_ending_today_is_still_in_force if {
	inp := _with({"application": {"term_start": "2025-01-01", "term_end": "2026-03-01"}})
	d := license.decision with input as inp with time.now_ns as _now
	d.outcome == "AUTO_APPROVE"
}

test_term_ended_as_timestamp if {
	inp := _with({"application": {"term_start": "2025-01-01T00:00:00+08:00", "term_end": "2026-03-01T11:59:59+08:00"}})
	d := license.decision with input as inp with time.now_ns as _now
	_codes(d) == ["term_ended"]
}

test_review_reapplication_after_a_suspended_or_revoked_license if {
	every state in ["SUSPENDED", "REVOKED"] {
		inp := _with({"earlier_licenses": [{"id": "lic-0", "state": "EXPIRED"}, {"id": "lic-1", "state": state}]})
		d := _decide(inp)
		d.allow == false
		d.outcome == "REVIEW"
		_codes(d) == ["earlier_license_suspended_or_revoked"]
	}
}

test_reapplication_after_expired_or_active_licenses_is_still_auto_approved if {
	inp := _with({"earlier_licenses": [{"id": "lic-0", "state": "EXPIRED"}, {"id": "lic-1", "state": "ACTIVE"}]})
	_decide(inp).outcome == "AUTO_APPROVE"
}

test_deny_term_ending_before_it_starts if {
	d := _decide(_with({"application": {"term_end": "2024-12-31"}}))
	_codes(d) == ["term_invalid"]
}

test_deny_unparseable_term if {
	d := _decide(_with({"application": {"term_end": "2027-13-45"}}))
	_codes(d) == ["term_invalid"]
	e := _decide(_with({"application": {"term_start": null}}))
	_codes(e) == ["term_invalid"]
}

test_deny_unknown_purpose_category if {
	d := _decide(_with({"application": {"purpose_category": "MARKETING"}}))
	d.outcome == "DENY"
	_codes(d) == ["purpose_category_unknown"]
}

test_deny_unknown_column_requested if {
	d := _decide(_with({"application": {"columns": ["district", "salary"]}}))
	_codes(d) == ["unknown_column_requested"]
}

test_deny_mode_not_offered_by_product if {
	d := _decide(_with({"product": {"modes": ["SANDBOX"]}}))
	_codes(d) == ["mode_not_offered"]
}

test_product_without_modes_offers_the_grade_modes if {
	inp := json.patch(_base, [{"op": "remove", "path": "/product/modes"}])
	not inp.product.modes
	d := _decide(inp)
	d.outcome == "AUTO_APPROVE"
	e := _decide(object.union(inp, {"product": {"grade": "IMPORTANT"}, "application": {"mode": "SANDBOX"}}))
	e.outcome == "REVIEW"
}

test_deny_unknown_grade_as_core if {
	d := _decide(_with({"product": {"grade": "SECRET"}}))
	d.outcome == "DENY"
	_codes(d) == ["core_never_licensed", "grade_unknown", "mode_not_allowed_for_grade"]
	license.grade == "CORE" with input as _with({"product": {"grade": "SECRET"}})
}

test_deny_incomplete_application if {
	d := _decide(_with({"application": {"purpose_text": "  "}}))
	_codes(d) == ["input_incomplete"]
	e := _decide(_with({"application": {"columns": []}}))
	_codes(e) == ["input_incomplete"]
}

test_deny_empty_input if {
	d := _decide({})
	d.outcome == "DENY"
	d.allow == false
	"input_incomplete" in _codes(d)
	"grade_unknown" in _codes(d)
}

test_deny_lists_only_deny_reasons if {
	d := _decide(_with({
		"organization": {"verified": false},
		"application": {"purpose_category": "INDUSTRY_DEVELOPMENT", "columns": ["person_id"]},
	}))
	_codes(d) == ["org_unverified"]
	license.review_reasons == {"identifier_columns_requested", "purpose_not_low_risk"} with input as _with({
		"organization": {"verified": false},
		"application": {"purpose_category": "INDUSTRY_DEVELOPMENT", "columns": ["person_id"]},
	})
}

# --- configuration overrides --------------------------------------------------------------

test_config_override_max_term if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/license/max_term_months", "value": 24}])
	d := _decide(_base) with data.pdx.config as config
	_codes(d) == ["term_too_long"]
}

test_config_override_low_risk_purposes if {
	config := json.patch(data.pdx.config, [{"op": "add", "path": "/license/low_risk_purposes/-", "value": "SECTOR_DEVELOPMENT"}])
	d := _decide(_with({"application": {"purpose_category": "SECTOR_DEVELOPMENT"}})) with data.pdx.config as config
	d.outcome == "AUTO_APPROVE"
}

test_config_override_review_tags if {
	config := json.patch(data.pdx.config, [{"op": "add", "path": "/license/review_tags/-", "value": "SENSITIVE"}])
	d := _decide(_with({"application": {"columns": ["diagnosis"]}})) with data.pdx.config as config
	_codes(d) == ["identifier_columns_requested"]
}

test_config_override_important_auto_approval if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/grades/IMPORTANT/license/approval", "value": "AUTO_IF_LOW_RISK"}])
	d := _decide(_grade_mode("IMPORTANT", "SANDBOX")) with data.pdx.config as config
	d.outcome == "AUTO_APPROVE"
}

test_config_override_delivery_for_important if {
	config := json.patch(data.pdx.config, [{"op": "add", "path": "/grades/IMPORTANT/license/modes/-", "value": "DELIVERY"}])
	d := _decide(_grade_mode("IMPORTANT", "DELIVERY")) with data.pdx.config as config
	_codes(d) == ["grade_requires_review"]
}

test_every_reason_code_has_messages if {
	codes := [
		"applicant_not_member", "core_never_licensed", "grade_requires_review", "grade_unknown",
		"identifier_columns_requested", "input_incomplete", "mode_not_allowed_for_grade",
		"mode_not_offered", "org_unverified", "purpose_category_unknown", "purpose_not_low_risk",
		"term_invalid", "term_too_long", "unknown_column_requested",
	]
	every code in codes {
		data.pdx.config.messages[code].zh != ""
		data.pdx.config.messages[code].en != ""
	}
}

# The example document of contracts/src/test/resources/policy-examples/license.json, verbatim.
_example := {
	"subject": {
		"authenticated": true,
		"user": "zhang.wei",
		"roles": ["operator"],
		"organization": "org-91350100M000100Y43",
		"department": null,
	},
	"organization": {
		"id": "org-91350100M000100Y43",
		"verified": true,
	},
	"product": {
		"id": "prod-enterprise-registry",
		"dataset_id": "ds-enterprise-registry",
		"grade": "GENERAL",
		"modes": ["DELIVERY", "SANDBOX"],
		"columns": [
			{"name": "uscc", "tag": "IDENTIFIER"},
			{"name": "district", "tag": "QUASI_IDENTIFIER"},
			{"name": "industry", "tag": "ATTRIBUTE"},
			{"name": "registered_capital", "tag": "METRIC"},
		],
		"consent": {"given": true, "organizations": []},
		"status": "LISTED",
	},
	"application": {
		"purpose_category": "PUBLIC_GOVERNANCE",
		"purpose_text": "按区县统计企业登记情况，用于营商环境监测",
		"columns": ["district", "industry", "registered_capital"],
		"mode": "DELIVERY",
		"term_start": "2025-07-01",
		"term_end": "2028-06-30",
		"expected_volume": 500000,
	},
}

test_contract_example_is_auto_approved if {
	_decide(_example) == {"allow": true, "outcome": "AUTO_APPROVE", "reasons": []}
}

test_reviewers_required_follows_the_grade_matrix if {
	license.reviewers_required == 1 with input as {"product": {"grade": "GENERAL"}}
	license.reviewers_required == 2 with input as {"product": {"grade": "IMPORTANT"}}
	license.reviewers_required == 2 with input as {"product": {"grade": "NO_SUCH_GRADE"}}
}

test_deny_without_the_holders_consent if {
	d := _decide(object.union(_base, {"product": object.union(_base.product, {"consent": {"given": false}})}))
	d.outcome == "DENY"
	"holder_consent_missing" in {r.code | some r in d.reasons}
	no_consent := json.remove(_base, ["product/consent"])
	"holder_consent_missing" in {r.code | some r in _decide(no_consent).reasons}
}

test_consent_limited_to_operators if {
	limited := object.union(_base, {"product": object.union(_base.product, {"consent": {"given": true, "organizations": ["org-2"]}})})
	"holder_consent_not_for_operator" in {r.code | some r in _decide(limited).reasons}
	allowed := object.union(_base, {"product": object.union(_base.product, {"consent": {"given": true, "organizations": ["org-1", "org-2"]}})})
	not "holder_consent_not_for_operator" in {r.code | some r in _decide(allowed).reasons}
	_decide(allowed).outcome == "AUTO_APPROVE"
}

test_deny_a_withdrawn_product if {
	d := _decide(object.union(_base, {"product": object.union(_base.product, {"status": "WITHDRAWN"})}))
	d.outcome == "DENY"
	"product_not_listed" in {r.code | some r in d.reasons}
}

test_deny_a_product_without_a_status if {
	d := _decide(json.remove(_base, ["product/status"]))
	d.outcome == "DENY"
	"product_not_listed" in {r.code | some r in d.reasons}
}

test_a_listed_product_is_not_refused_for_its_status if {
	not "product_not_listed" in {r.code | some r in _decide(_base).reasons}
}
