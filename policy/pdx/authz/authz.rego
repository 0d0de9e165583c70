# METADATA
# title: API authorization
# description: |
#   Who may call which API operation of marketplace-api. Per operation, data.pdx.config.authz
#   lists the roles allowed and the scope each role acts in: `any`, `organization` (the
#   resource's organization is the subject's) or `department` (the resource's department is the
#   subject's). `public` operations need no login. On `four_eyes` operations nobody acts on a
#   request they created themselves. A subject acting for an organization (`subject.organization`)
#   acts only while `subject.organization_status` is one of
#   data.pdx.config.authz.organization_statuses_acting: a SUSPENDED organization's members and
#   service accounts are refused every operation, public ones included, and so is anyone whose
#   organization's status is missing or unknown (deny by default). Outcome ALLOW, DENY, or
#   DENY_SUBJECT when the refusal concerns the subject's organization rather than the resource
#   (the caller then answers 403 naming it, never a 404 that hides a resource).
# custom:
#   input: io.pdx.contracts.policy.AuthzInput
#   output: io.pdx.contracts.policy.PolicyDecision
package pdx.authz

import data.pdx.config
import data.pdx.reasons

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default decision := {"allow": false, "outcome": "DENY", "reasons": []}

_operation := config.authz.operations[input.operation]

_public if _operation.public == true

_authenticated if input.subject.authenticated == true

# Roles count only for an authenticated subject.
_roles := {role | _authenticated; some role in input.subject.roles}

# The scopes the subject's roles are granted for this operation.
_grants contains scope if {
	some role in _roles
	scope := _operation.roles[role]
}

_scope_ok("any")

_scope_ok("organization") if {
	is_string(input.subject.organization)
	input.resource.organization == input.subject.organization
}

_scope_ok("department") if {
	is_string(input.subject.department)
	input.resource.department == input.subject.department
}

_granted if {
	some scope in _grants
	_scope_ok(scope)
}

_permitted if _public

_permitted if _granted

# --- the subject's organization -------------------------------------------------------------

_organization_status := object.get(input.subject, "organization_status", null)

_organization_acting if not is_string(input.subject.organization)

_organization_acting if _organization_status in config.authz.organization_statuses_acting

# METADATA
# description: |
#   Why the subject's organization may not act now: a reason per status in
#   data.pdx.config.authz.organization_status_reasons (SUSPENDED → organization_suspended),
#   organization_status_unknown for any other status or none.
subject_reasons contains code if {
	not _organization_acting
	code := object.get(config.authz.organization_status_reasons, _organization_status, "organization_status_unknown")
}

_self_created if {
	is_string(input.subject.user)
	input.resource.created_by == input.subject.user
}

deny_reasons contains "operation_unknown" if not _operation

deny_reasons contains "authentication_required" if {
	_operation
	not _public
	not _authenticated
}

deny_reasons contains "role_not_permitted" if {
	_operation
	not _public
	_authenticated
	count(_grants) == 0
}

deny_reasons contains code if {
	not _permitted
	some scope in _grants
	not _scope_ok(scope)
	code := object.get(config.authz.scope_reasons, scope, "scope_unknown")
}

deny_reasons contains "self_approval_forbidden" if {
	_operation.four_eyes == true
	_self_created
}

decision := {"allow": false, "outcome": "DENY_SUBJECT", "reasons": reasons.from_codes(subject_reasons)} if {
	count(subject_reasons) > 0
} else := {"allow": true, "outcome": "ALLOW", "reasons": []} if {
	_permitted
	count(deny_reasons) == 0
} else := {"allow": false, "outcome": "DENY", "reasons": reasons.from_codes(deny_reasons)}
