package pdx.authz_test

import data.pdx.authz

_anonymous := {"authenticated": false, "user": null, "roles": [], "organization": null, "department": null}

_subject(role) := {
	"authenticated": true,
	"user": sprintf("%s-user", [role]),
	"roles": [role],
	"organization": "org-1",
	"organization_status": "VERIFIED",
	"department": "dept-1",
}

_subject_of("anonymous") := _anonymous

_subject_of(role) := _subject(role) if role != "anonymous"

# A resource owned by the subjects' own organization and department, created by someone else.
_own := {"type": "license", "id": "r-1", "organization": "org-1", "department": "dept-1", "created_by": "someone-else"}

_foreign := {"type": "license", "id": "r-2", "organization": "org-2", "department": "dept-2", "created_by": "someone-else"}

_decide(subject, operation, resource) := decision if {
	decision := authz.decision with input as {"subject": subject, "operation": operation, "resource": resource}
}

_codes(decision) := [reason.code | some reason in decision.reasons]

_roles := ["anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"]

# Operation × role on an own resource: the roles that may call it.
_matrix := {
	"dataset.list": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"dataset.create": {"provider", "bureau-admin"},
	"dataset.submit": {"provider"},
	"dataset.register": {"bureau-reviewer", "bureau-admin"},
	"dataset.accept": {"bureau-reviewer", "bureau-admin"},
	"registration.publicity": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"certificate.verify": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"objection.lodge": {"operator", "developer", "provider", "bureau-reviewer", "bureau-admin"},
	"objection.uphold": {"bureau-reviewer", "bureau-admin"},
	"objection.confirm": {"bureau-reviewer", "bureau-admin"},
	"objection.dismiss": {"bureau-reviewer", "bureau-admin"},
	"organization.create": {"operator", "bureau-admin"},
	"product.create": {"provider", "bureau-reviewer", "bureau-admin"},
	"product.consent": {"provider", "bureau-admin"},
	"product.withdraw": {"provider", "bureau-admin"},
	"product.read": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"dataset.import": {"provider", "bureau-admin"},
	"dataset.quality": {"provider", "bureau-reviewer", "bureau-admin"},
	"dataset.usage": {"provider", "bureau-reviewer", "bureau-admin"},
	"product.delivery": {"operator", "developer"},
	"product.reprice": {"bureau-admin"},
	"fees.read": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"disclosure.list": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"disclosure.read": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
	"disclosure.prepare": {"bureau-admin"},
	"disclosure.publish": {"bureau-admin"},
	"license.apply": {"operator"},
	"license.read": {"operator", "developer", "bureau-reviewer", "bureau-admin", "regulator"},
	"license.approve": {"bureau-reviewer", "bureau-admin"},
	"license.accept": {"operator"},
	"license.suspend": {"bureau-admin"},
	"license.revoke": {"bureau-admin"},
	"job.submit": {"developer"},
	"job.result": {"operator", "developer", "bureau-reviewer", "bureau-admin"},
	"job.release": {"bureau-reviewer", "bureau-admin"},
	"job.cancel": {"developer"},
	"ledger.read": {"operator", "bureau-admin", "regulator"},
	"invoice.reverse": {"bureau-admin"},
	"invoice.pay": {"bureau-admin"},
	"ledger.close": {"bureau-admin"},
	"ledger.periods": {"bureau-admin", "regulator"},
	"invoice.read": {"operator", "bureau-reviewer", "bureau-admin", "regulator"},
	"allowance.read": {"operator", "bureau-reviewer", "bureau-admin", "regulator"},
	"allowance.set": {"bureau-admin"},
	"audit.verify": {"bureau-admin", "regulator"},
	"rating.create": {"operator", "developer", "provider"},
	"rating.list": {"operator", "developer", "provider", "bureau-reviewer", "bureau-admin"},
	"complaint.create": {"operator", "developer", "provider"},
	"case.list": {"operator", "developer", "provider", "bureau-reviewer", "bureau-admin"},
	"case.read": {"operator", "developer", "provider", "bureau-reviewer", "bureau-admin"},
	"case.answer": {"bureau-reviewer", "bureau-admin"},
	"satisfaction.summary": {"anonymous", "operator", "developer", "provider", "bureau-reviewer", "bureau-admin", "regulator"},
}

test_every_operation_and_role if {
	every operation, allowed in _matrix {
		every role in _roles {
			expected := role in allowed
			d := _decide(_subject_of(role), operation, _own)
			d.allow == expected
		}
	}
}

test_every_configured_operation_has_roles_or_is_public if {
	every name, operation in data.pdx.config.authz.operations {
		count(object.get(operation, "roles", {})) + count({true | operation.public == true}) > 0
		name != ""
	}
}

test_allow_public_operation_for_anonymous if {
	d := _decide(_anonymous, "dataset.read", {"type": "dataset", "id": "ds-1", "organization": null, "department": "dept-9", "created_by": null})
	d == {"allow": true, "outcome": "ALLOW", "reasons": [], "visible": true}
}

test_deny_anonymous_apply if {
	d := _decide(_anonymous, "license.apply", _own)
	d.allow == false
	d.outcome == "DENY"
	d.reasons == [{"code": "authentication_required", "message_zh": "请先登录", "message_en": "Authentication required"}]
}

test_roles_of_an_unauthenticated_subject_count_for_nothing if {
	subject := object.union(_subject("bureau-admin"), {"authenticated": false})
	_codes(_decide(subject, "audit.read", _own)) == ["authentication_required"]
}

test_deny_role_not_permitted if {
	d := _decide(_subject("developer"), "license.approve", _own)
	_codes(d) == ["role_not_permitted"]
}

test_deny_unknown_role if {
	d := _decide(_subject("auditor"), "audit.read", _own)
	_codes(d) == ["role_not_permitted"]
}

test_deny_unknown_operation if {
	d := _decide(_subject("bureau-admin"), "license.delete", _own)
	_codes(d) == ["operation_unknown"]
	e := _decide(_subject("bureau-admin"), null, _own)
	_codes(e) == ["operation_unknown"]
}

test_deny_operator_on_another_organization if {
	d := _decide(_subject("operator"), "license.accept", _foreign)
	d.allow == false
	_codes(d) == ["organization_mismatch"]
}

test_deny_developer_result_of_another_organization if {
	d := _decide(_subject("developer"), "job.result", _foreign)
	_codes(d) == ["organization_mismatch"]
}

test_deny_operator_without_organization if {
	subject := object.union(_subject("operator"), {"organization": null})
	d := _decide(subject, "license.apply", object.union(_own, {"organization": null}))
	_codes(d) == ["organization_mismatch"]
}

test_deny_provider_on_another_department if {
	d := _decide(_subject("provider"), "dataset.update", _foreign)
	_codes(d) == ["department_mismatch"]
}

test_bureau_acts_on_any_organization if {
	_decide(_subject("bureau-reviewer"), "license.approve", _foreign).allow
	_decide(_subject("bureau-admin"), "ledger.read", _foreign).allow
}

test_one_granting_role_is_enough if {
	subject := object.union(_subject("operator"), {"roles": ["operator", "bureau-admin"]})
	_decide(subject, "ledger.read", _foreign).allow
}

test_deny_self_approval if {
	subject := _subject("bureau-reviewer")
	d := _decide(subject, "license.approve", object.union(_own, {"created_by": subject.user}))
	d.allow == false
	d.reasons == [{
		"code": "self_approval_forbidden",
		"message_zh": "不得审批本人提交的申请（四眼原则）",
		"message_en": "You may not approve a request you created yourself (four-eyes rule)",
	}]
}

test_deny_self_approval_for_every_four_eyes_operation if {
	operations := [name | some name, operation in data.pdx.config.authz.operations; operation.four_eyes == true]
	count(operations) >= 6
	subject := _subject("bureau-admin")
	every operation in operations {
		d := _decide(subject, operation, object.union(_own, {"created_by": subject.user}))
		_codes(d) == ["self_approval_forbidden"]
	}
}

test_self_created_request_allowed_where_no_four_eyes if {
	subject := _subject("operator")
	_decide(subject, "license.accept", object.union(_own, {"created_by": subject.user})).allow
}

test_anonymous_subject_is_never_self if {
	d := _decide(_anonymous, "license.approve", object.union(_own, {"created_by": null}))
	_codes(d) == ["authentication_required"]
}

test_config_override_roles if {
	config := json.patch(data.pdx.config, [{"op": "add", "path": "/authz/operations/job.submit/roles/operator", "value": "organization"}])
	d := _decide(_subject("operator"), "job.submit", _own) with data.pdx.config as config
	d.allow
	e := _decide(_subject("operator"), "job.submit", _foreign) with data.pdx.config as config
	_codes(e) == ["organization_mismatch"]
}

test_config_override_four_eyes_off if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/authz/operations/license.approve/four_eyes", "value": false}])
	subject := _subject("bureau-reviewer")
	d := _decide(subject, "license.approve", object.union(_own, {"created_by": subject.user})) with data.pdx.config as config
	d.allow
}

test_deny_unknown_scope if {
	config := json.patch(data.pdx.config, [{"op": "replace", "path": "/authz/operations/audit.read/roles/bureau-admin", "value": "self"}])
	d := _decide(_subject("bureau-admin"), "audit.read", _own) with data.pdx.config as config
	_codes(d) == ["scope_unknown"]
}

test_every_reason_code_has_messages if {
	codes := [
		"authentication_required", "department_mismatch", "operation_unknown", "organization_mismatch",
		"role_not_permitted", "scope_unknown", "self_approval_forbidden", "organization_suspended",
		"organization_status_unknown",
	]
	every code in codes {
		data.pdx.config.messages[code].zh != ""
		data.pdx.config.messages[code].en != ""
	}
}

# --- the subject's organization ---------------------------------------------------------------

_suspended(role) := object.union(_subject(role), {"organization_status": "SUSPENDED"})

test_suspended_organization_is_refused_every_operation_of_every_member_role if {
	every operation in object.keys(data.pdx.config.authz.operations) {
		every role in ["operator", "developer"] {
			d := _decide(_suspended(role), operation, _own)
			d.allow == false
			d.outcome == "DENY_SUBJECT"
			_codes(d) == ["organization_suspended"]
		}
	}
}

test_suspended_organization_is_refused_public_operations_too if {
	d := _decide(_suspended("operator"), "dataset.list", {"type": "dataset", "id": null, "organization": null, "department": null, "created_by": null})
	_codes(d) == ["organization_suspended"]
}

test_suspension_reason_names_it_in_both_languages if {
	d := _decide(_suspended("developer"), "job.submit", _own)
	contains(d.reasons[0].message_zh, "暂停")
	contains(d.reasons[0].message_en, "suspended")
}

test_verified_unverified_and_unregistered_organizations_act if {
	every status in ["VERIFIED", "UNVERIFIED", "UNREGISTERED"] {
		subject := object.union(_subject("operator"), {"organization_status": status})
		_decide(subject, "license.read", _own).allow
	}
}

test_organization_without_status_is_denied_by_default if {
	subject := object.remove(_subject("developer"), ["organization_status"])
	d := _decide(subject, "job.submit", _own)
	d.outcome == "DENY_SUBJECT"
	_codes(d) == ["organization_status_unknown"]
}

test_organization_with_an_unknown_status_is_denied_by_default if {
	subject := object.union(_subject("developer"), {"organization_status": "REVOKED"})
	_codes(_decide(subject, "job.submit", _own)) == ["organization_status_unknown"]
}

test_subject_without_organization_needs_no_status if {
	subject := object.union(_subject("bureau-admin"), {"organization": null, "organization_status": null})
	_decide(subject, "organization.reinstate", {"type": "organization", "id": "org-1", "organization": "org-1", "department": null, "created_by": null, "state": "SUSPENDED"}).allow
}

# The example document of contracts/src/test/resources/policy-examples/authz.json, verbatim.
_example := {
	"subject": {
		"authenticated": true,
		"user": "wang.fang",
		"roles": ["bureau-reviewer"],
		"organization": null,
		"department": null,
	},
	"operation": "license.approve",
	"resource": {
		"type": "license",
		"id": "lic-2025-000042",
		"organization": "org-91350100M000100Y43",
		"department": null,
		"created_by": "zhang.wei",
	},
}

test_contract_example_is_allowed if {
	authz.decision == {"allow": true, "outcome": "ALLOW", "reasons": [], "visible": true} with input as _example
}

# --- the rules as functions of the operation and the resource --------------------------------

# `_allows` spells out "acting, `_permitted`, no `_deny_reasons`": the two agree on every
# configured operation (and an unknown one), every role, a suspended subject and every resource.
# (Rules of this package evaluated `with input`: an expression under `with` would be slower.)
test_allows_is_permitted_without_deny_reasons if {
	operations := object.keys(data.pdx.config.authz.operations) | {"license.delete"}
	subjects := array.concat([_subject_of(role) | some role in _roles], [_suspended("operator"), _suspended("bureau-admin")])
	every subject in subjects {
		resources := [_own, _foreign, object.union(_own, {"created_by": subject.user}), null]
		page := {"subject": subject, "resources": resources, "operations": operations}
		_allowed_here == _spelt_here with input as page
	}
	count(_allowed_here) > 0 with input as {"subject": _subject("operator"), "resources": [_own], "operations": operations}
}

_facts_here := {operation: authz._facts(operation) | some operation in input.operations}

_allowed_here contains [i, operation] if {
	some i, resource in input.resources
	some operation, facts in _facts_here
	authz._allows(facts, resource)
}

_spelt_here contains [i, operation] if {
	authz._subject_acting
	some i, resource in input.resources
	some operation, facts in _facts_here
	authz._permitted(facts, resource)
	count(authz._deny_reasons(facts, resource)) == 0
}

test_decision_without_operation_or_resource_in_the_input if {
	_codes(authz.decision) == ["operation_unknown"] with input as {"subject": _subject("operator"), "resource": _own}
	authz.decision.allow with input as {"subject": _anonymous, "operation": "dataset.list"}
}

# --- visible: may the subject read the resource it acts on ----------------------------------

test_another_organizations_license_is_neither_allowed_nor_visible if {
	d := _decide(_subject("operator"), "license.accept", _foreign)
	d.allow == false
	_codes(d) == ["organization_mismatch"]
	d.visible == false
}

test_own_organizations_license_is_visible_to_an_operator_who_may_not_approve_it if {
	d := _decide(_subject("operator"), "license.approve", _own)
	d.allow == false
	_codes(d) == ["role_not_permitted"]
	d.visible == true
}

test_bureau_reviewer_sees_any_organizations_license if {
	_decide(_subject("bureau-reviewer"), "license.approve", _foreign).visible
	_decide(_subject("bureau-reviewer"), "license.revoke", _foreign).visible
	not _decide(_subject("bureau-reviewer"), "license.revoke", _foreign).allow
}

test_visible_even_when_four_eyes_refuses_the_operation if {
	subject := _subject("bureau-reviewer")
	d := _decide(subject, "license.approve", object.union(_own, {"created_by": subject.user}))
	_codes(d) == ["self_approval_forbidden"]
	d.visible
}

test_visible_reads_the_resources_own_type if {
	job := object.union(_foreign, {"type": "job"})
	not _decide(_subject("developer"), "job.cancel", job).visible
	_decide(_subject("developer"), "job.cancel", object.union(_own, {"type": "job"})).visible
	_decide(_anonymous, "dataset.list", {"type": "dataset", "id": null, "organization": null, "department": null, "created_by": null}).visible
	organization := {"type": "organization", "id": "org-1", "organization": "org-1", "department": null, "created_by": null, "state": "VERIFIED"}
	_decide(_subject("operator"), "organization.suspend", organization).visible
	not _decide(_subject("operator"), "organization.suspend", object.union(organization, {"id": "org-2", "organization": "org-2"})).visible
}

test_not_visible_when_the_read_operation_is_not_configured if {
	not data.pdx.config.authz.operations["widget.read"]
	d := _decide(_subject("bureau-admin"), "license.approve", object.union(_own, {"type": "widget"}))
	d.allow
	d.visible == false
	not _decide(_subject("bureau-admin"), "license.approve", object.union(_own, {"type": null})).visible
	not _decide(_subject("bureau-admin"), "license.approve", object.remove(_own, ["type"])).visible
}

test_suspended_organization_sees_nothing if {
	d := _decide(_suspended("operator"), "license.accept", _own)
	d.outcome == "DENY_SUBJECT"
	d.visible == false
}

test_anonymous_sees_no_license if {
	d := _decide(_anonymous, "license.approve", _own)
	_codes(d) == ["authentication_required"]
	d.visible == false
}

# visible is the allow of `<type>.read`, for every role, operation and resource tried here.
test_visible_is_the_allow_of_the_read_operation if {
	every role in _roles {
		every resource in [_own, _foreign, object.union(_own, {"type": "job"}), object.union(_foreign, {"type": "dataset"})] {
			read := _decide(_subject_of(role), sprintf("%s.read", [resource.type]), resource)
			every operation in ["license.approve", "job.cancel", "dataset.update", "license.delete"] {
				_decide(_subject_of(role), operation, resource).visible == read.allow
			}
		}
	}
}

# --- actions: the candidates a subject may perform on each resource of a page -------------------

_actions(subject, resources, operations) := actions if {
	actions := authz.actions with input as {"subject": subject, "resources": resources, "operations": operations}
}

_license_candidates := ["license.read", "license.approve", "license.reject", "license.accept", "license.suspend", "license.revoke"]

test_actions_for_a_mixed_page if {
	resources := [_own, _foreign, object.union(_own, {"id": "r-3"})]
	operations := [_license_candidates, _license_candidates, ["license.delete", "license.read", "price_rule.manage"]]
	_actions(_subject("operator"), resources, operations) == {"allowed": [
		["license.read", "license.accept"],
		[],
		["license.read"],
	]}
	_actions(_subject("bureau-reviewer"), resources, operations) == {"allowed": [
		["license.read", "license.approve", "license.reject"],
		["license.read", "license.approve", "license.reject"],
		["license.read"],
	]}
	_actions(_subject("bureau-admin"), resources, operations) == {"allowed": [
		_license_candidates_but(["license.accept"]),
		_license_candidates_but(["license.accept"]),
		["license.read"],
	]}
}

_license_candidates_but(excluded) := [operation | some operation in _license_candidates; not operation in excluded]

test_actions_keep_the_order_of_resources_and_of_candidates if {
	reversed := array.reverse(_license_candidates)
	_actions(_subject("bureau-admin"), [_foreign, _own], [reversed, _license_candidates]) == {"allowed": [
		array.reverse(_license_candidates_but(["license.accept"])),
		_license_candidates_but(["license.accept"]),
	]}
}

test_actions_of_a_suspended_organization_are_none if {
	_actions(_suspended("operator"), [_own, _foreign], [_license_candidates, ["dataset.list"]]) == {"allowed": [[], []]}
	subject := object.remove(_subject("developer"), ["organization_status"])
	_actions(subject, [_own], [["job.submit"]]) == {"allowed": [[]]}
}

test_actions_leave_out_self_approval if {
	subject := _subject("bureau-reviewer")
	mine := object.union(_own, {"created_by": subject.user})
	_actions(subject, [mine, _own], [["license.read", "license.approve"], ["license.read", "license.approve"]]) == {"allowed": [
		["license.read"],
		["license.read", "license.approve"],
	]}
}

test_actions_of_anonymous_are_the_public_ones if {
	dataset := {"type": "dataset", "id": "ds-1", "organization": null, "department": "dept-9", "created_by": null}
	_actions(_anonymous, [dataset], [["dataset.read", "dataset.update", "dataset.dcat"]]) == {"allowed": [["dataset.read", "dataset.dcat"]]}
}

test_actions_of_no_resources_are_no_lists if {
	_actions(_subject("operator"), [], []) == {"allowed": []}
	_actions(_suspended("operator"), [], []) == {"allowed": []}
	authz.actions == {"allowed": []} with input as {"subject": _subject("operator")}
}

test_actions_without_candidates_for_a_resource_fail_closed if {
	_actions(_subject("bureau-admin"), [_own, _foreign], [["license.read"]]) == {"allowed": [["license.read"], []]}
	_actions(_subject("bureau-admin"), [_own, _foreign], [null, "license.read"]) == {"allowed": [[], []]}
	authz.actions == {"allowed": [[], []]} with input as {"subject": _subject("bureau-admin"), "resources": [_own, _foreign]}
	authz.actions == {"allowed": []} with input as {"subject": _subject("bureau-admin"), "resources": "r-1", "operations": [["license.read"]]}
	_actions(_subject("bureau-admin"), [_own], [[null, 7, {"op": "license.read"}, "license.read"]]) == {"allowed": [["license.read"]]}
}

# actions lists exactly what the decision allows: every operation on a resource type (and an
# unknown one), every role with a resource scope, a suspended subject, a self-created resource of
# the subject's own organization and another organization's. (A decision per operation, role and
# resource: about 400, as many as the test's time allows.)
test_actions_are_what_the_decision_allows if {
	operations := array.concat(
		[name | some name, _ in data.pdx.config.authz.operations; _on_a_resource_type(name)],
		["license.delete"],
	)
	subjects := array.concat([_subject(role) | some role in ["operator", "developer", "provider", "bureau-reviewer", "bureau-admin"]], [_suspended("developer")])
	every subject in subjects {
		resources := [object.union(_own, {"created_by": subject.user}), _foreign]
		expected := [[operation | some operation in operations; _decide(subject, operation, resource).allow] | some resource in resources]
		acting := subject.organization_status != "SUSPENDED"
		some_allowed := count(expected[0]) > 0
		some_allowed == acting
		_actions(subject, resources, [operations, operations]) == {"allowed": expected}
	}
}

_on_a_resource_type(name) if {
	some type in ["dataset", "organization", "license", "job"]
	startswith(name, concat("", [type, "."]))
}

# The example document of contracts/src/test/resources/policy-examples/actions.json, verbatim.
_actions_example := {
	"subject": {
		"authenticated": true,
		"user": "li.na",
		"roles": ["operator"],
		"organization": "org-91350100M000100Y43",
		"department": null,
		"organization_status": "VERIFIED",
	},
	"resources": [
		{
			"type": "license",
			"id": "lic-2025-000042",
			"organization": "org-91350100M000100Y43",
			"department": null,
			"created_by": "li.na",
			"state": "APPROVED",
		},
		{
			"type": "license",
			"id": "lic-2025-000043",
			"organization": "org-91350200M000200Y56",
			"department": null,
			"created_by": "chen.jie",
			"state": "APPROVED",
		},
	],
	"operations": [
		["license.accept", "license.approve", "license.read"],
		["license.accept", "license.read"],
	],
}

test_contract_actions_example if {
	authz.actions == {"allowed": [["license.accept", "license.read"], []]} with input as _actions_example
}

# An objection is answered by neither the person who lodged it nor, to confirm an uphold, the reviewer who proposed
# it: OPA reads whoever acted last on the objection as its creator.
test_objection_four_eyes if {
	lodged := {"type": "objection", "id": "o-1", "organization": null, "department": "dept-1", "created_by": "reviewer-1", "state": "OPEN"}
	_codes(_decide(object.union(_subject("bureau-reviewer"), {"user": "reviewer-1"}), "objection.dismiss", lodged)) == ["self_approval_forbidden"]
	proposed := object.union(lodged, {"created_by": "reviewer-2", "state": "UPHOLD_PROPOSED"})
	_codes(_decide(object.union(_subject("bureau-reviewer"), {"user": "reviewer-2"}), "objection.confirm", proposed)) == ["self_approval_forbidden"]
	_decide(object.union(_subject("bureau-reviewer"), {"user": "reviewer-1"}), "objection.confirm", proposed).allow
}

# Objections are read by the holding department and the bureau; an operator answers none.
test_objection_read_by_holder_and_bureau if {
	objection := {"type": "objection", "id": "o-1", "organization": null, "department": "dept-1", "created_by": "x", "state": "OPEN"}
	_decide(_subject("provider"), "objection.read", objection).allow
	not _decide(_subject("provider"), "objection.read", object.union(objection, {"department": "dept-2"})).allow
	not _decide(_subject("operator"), "objection.uphold", objection).allow
}

test_registration_publicity_window_is_policy_data if {
	data.pdx.config.registration.publicity_days >= 1
}

test_a_provider_withdraws_only_its_departments_products if {
	product := {"type": "product", "id": "p-1", "department": "dept-transport", "state": "LISTED"}
	_decide(object.union(_subject("provider"), {"department": "dept-transport"}), "product.withdraw", product).allow
	d := _decide(object.union(_subject("provider"), {"department": "dept-market"}), "product.withdraw", product)
	not d.allow
	_codes(d) == ["department_mismatch"]
}

# A case (好差评工单) is read by the bureau and, within its organization or department, by the side that opened it;
# only the bureau answers it, and someone of another organization is not even shown it (404, not 403).
test_a_case_is_answered_by_the_bureau_and_hidden_from_other_organizations if {
	opened := {"type": "case", "id": "c-1", "organization": "org-1", "department": null, "created_by": "operator-user", "state": "OPEN"}
	_decide(_subject("bureau-reviewer"), "case.answer", opened).allow
	d := _decide(_subject("developer"), "case.answer", opened)
	not d.allow
	d.visible
	_codes(d) == ["role_not_permitted"]
	foreign := _decide(object.union(_subject("operator"), {"organization": "org-2"}), "case.answer", opened)
	not foreign.visible
}

# The answer deadline and the calendar it is counted in are policy data: make-up working days (调休上班) fall on a
# weekend and are no holiday; every date is an ISO date.
test_satisfaction_deadline_and_calendar_are_policy_data if {
	data.pdx.config.satisfaction.answer_working_days >= 1
	every day in data.pdx.config.calendar.holidays {
		time.parse_ns("2006-01-02", day)
	}
	every day in data.pdx.config.calendar.workdays {
		time.weekday(time.parse_ns("2006-01-02", day)) in {"Saturday", "Sunday"}
		not day in {d | some d in data.pdx.config.calendar.holidays}
	}
}

# The regulator (监管) reads across organizations and changes nothing: of every configured operation, the ones it may
# call are exactly the public ones and these reads.
_regulator_reads := {
	"organization.list", "organization.read", "license.list", "license.read", "ledger.read", "audit.read",
	"invoice.list", "invoice.read", "ledger.periods", "allowance.read", "audit.verify", "efficiency.read",
}

test_the_regulator_reads_across_organizations_and_changes_nothing if {
	other := {"type": "license", "id": "lic-9", "organization": "91110000600037341L", "department": null, "created_by": "someone"}
	allowed := {name |
		some name, operation in data.pdx.config.authz.operations
		_decide(_subject_of("regulator"), name, other).allow
	}
	public := {name | some name, operation in data.pdx.config.authz.operations; operation.public == true}
	allowed == public | _regulator_reads
}
