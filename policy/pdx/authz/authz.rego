# METADATA
# title: API authorization
# description: |
#   Who may call which API operation of marketplace-api. Per operation, data.pdx.config.authz
#   lists the roles allowed and the scope each role acts in: `any`, `organization` (the
#   resource's organization is the subject's) or `department` (the resource's department is the
#   subject's). `public` operations need no login. On `four_eyes` operations nobody acts on a
#   request they created themselves. Outcome ALLOW or DENY.
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

decision := {"allow": true, "outcome": "ALLOW", "reasons": []} if {
	_permitted
	count(deny_reasons) == 0
} else := {"allow": false, "outcome": "DENY", "reasons": reasons.from_codes(deny_reasons)}
