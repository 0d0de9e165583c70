package pdx.reference_test

import data.pdx.reference

test_every_purpose_category_has_names_and_flags if {
	count(reference.purposes) == count(data.pdx.config.license.purpose_categories)
	some p in reference.purposes
	p.code == "PUBLIC_GOVERNANCE"
	p.nameZh == "公共治理"
	p.free
	p.lowRisk
}

test_paid_purpose_is_not_free if {
	some p in reference.purposes
	p.code == "INDUSTRY_DEVELOPMENT"
	not p.free
	not p.lowRisk
}

test_purpose_without_names_falls_back_to_its_code if {
	license := {
		"purpose_categories": ["NEW_PURPOSE"], "purpose_names": {}, "free_purposes": [],
		"low_risk_purposes": ["NEW_PURPOSE"], "mode_names": {}, "review_sla_hours": 1,
	}
	ps := reference.purposes with data.pdx.config.license as license
	ps == [{"code": "NEW_PURPOSE", "nameZh": "NEW_PURPOSE", "nameEn": "NEW_PURPOSE", "free": false, "lowRisk": true}]
}

test_grades_in_rank_order_with_what_they_allow if {
	[g.code | some g in reference.grades] == ["GENERAL", "IMPORTANT", "CORE"]
	reference.grades[1].differentialPrivacy
	not reference.grades[0].differentialPrivacy
	reference.grades[2].licenseModes == []
	reference.grades[1].k == 50
}

test_license_modes_are_the_named_ones if {
	[m.code | some m in reference.license_modes] == ["DELIVERY", "SANDBOX"]
}

test_document_carries_the_review_sla if {
	reference.document.reviewSlaHours == data.pdx.config.license.review_sla_hours
}
