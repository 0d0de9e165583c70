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
#   `decision.visible` tells whether the same subject may read the same resource
#   (`<resource.type>.read`), so that one question answers both the 404 and the operation.
#   `actions` answers, for a page of resources, which of their candidate operations the subject
#   may perform.
# custom:
#   input: io.pdx.contracts.policy.AuthzInput
#   output: io.pdx.contracts.policy.AuthzDecision
package pdx.authz

import data.pdx.config
import data.pdx.reasons

# METADATA
# description: Fail closed; the rule below always answers, this only guards against surprises.
# entrypoint: true
default decision := {"allow": false, "outcome": "DENY", "reasons": [], "visible": false}

# A decision reads three things: the subject (its roles and its organization's standing,
# evaluated once), the operation (what its configuration grants this subject, `_facts`) and the
# resource. `decision`, its `visible` and `actions` all decide through `_allows` and `_decide`
# below, so that one operation on one resource gets the same answer from each.

_authenticated if input.subject.authenticated == true

# Roles count only for an authenticated subject.
_roles := {role | _authenticated; some role in input.subject.roles}

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

# A complete rule (evaluated once, unlike a count of the partial set above at each call).
_subject_acting if count(subject_reasons) == 0

# --- the operation ----------------------------------------------------------------------------

# What the configuration of an operation grants this subject, whatever the resource: whether it
# is public, the scopes the subject's roles are granted, whether it is four-eyes, and the
# reasons it is refused before any resource is looked at.
_facts(operation) := {
	"public": public,
	"four_eyes": object.get(spec, "four_eyes", false) == true,
	"grants": grants,
	"reasons": _operation_reasons(public, grants),
} if {
	spec := config.authz.operations[operation]
	public := object.get(spec, "public", false) == true
	grants := {scope | some role in _roles; scope := spec.roles[role]}
} else := {"public": false, "four_eyes": false, "grants": set(), "reasons": {"operation_unknown"}}

_operation_reasons(public, grants) := {"authentication_required"} if {
	not public
	not _authenticated
} else := {"role_not_permitted"} if {
	not public
	count(grants) == 0
} else := set()

# --- the resource -----------------------------------------------------------------------------

_scope_ok("any", _)

_scope_ok("organization", resource) if {
	is_string(input.subject.organization)
	resource.organization == input.subject.organization
}

_scope_ok("department", resource) if {
	is_string(input.subject.department)
	resource.department == input.subject.department
}

_permitted(facts, _) if facts.public

_permitted(facts, resource) if {
	some scope in facts.grants
	_scope_ok(scope, resource)
}

_self_created(resource) if {
	is_string(input.subject.user)
	resource.created_by == input.subject.user
}

# Why the operation is refused on the resource: the operation's own reasons, the scopes that do
# not reach the resource (when none does), and the four-eyes rule.
_deny_reasons(facts, resource) := (facts.reasons | _scope_reasons(facts, resource)) | _four_eyes_reasons(facts, resource)

_scope_reasons(facts, resource) := {code |
	not _permitted(facts, resource)
	some scope in facts.grants
	not _scope_ok(scope, resource)
	code := object.get(config.authz.scope_reasons, scope, "scope_unknown")
}

_four_eyes_reasons(facts, resource) := {"self_approval_forbidden"} if {
	_self_approval(facts, resource)
} else := set()

_self_approval(facts, resource) if {
	facts.four_eyes
	_self_created(resource)
}

# --- the answers ------------------------------------------------------------------------------

# The one condition under which the subject may perform an operation (its `_facts`) on a
# resource: the ALLOW of `_decide`, the `visible` of `decision`, every operation `actions` lists.
# It is `_permitted` with no `_deny_reasons`, spelt out: once permitted, `_scope_reasons` is
# empty (its first condition is not being permitted), which leaves the operation's own reasons
# and the four-eyes rule. (Cheaper per resource, which a page of 500 asks for many times.)
_allows(facts, resource) if {
	_subject_acting
	count(facts.reasons) == 0
	_permitted(facts, resource)
	not _self_approval(facts, resource)
}

# The decision on an operation (its `_facts`) and a resource, without `visible`.
_decide(facts, resource) := {"allow": true, "outcome": "ALLOW", "reasons": []} if {
	_allows(facts, resource)
} else := {"allow": false, "outcome": "DENY_SUBJECT", "reasons": reasons.from_codes(subject_reasons)} if {
	not _subject_acting
} else := {"allow": false, "outcome": "DENY", "reasons": reasons.from_codes(_deny_reasons(facts, resource))}

# The resource as the decision reads it: null when the input has none.
_resource := object.get(input, "resource", null)

# METADATA
# description: |
#   The decision on input.operation and input.resource (allow, outcome, reasons), and
#   `visible`: whether the same subject may perform `<input.resource.type>.read` on the same
#   resource, by the same rules (false when no such operation is configured: deny by default).
#   A caller answers 404 when visible is false, so that a hidden resource is not told apart from
#   a missing one.
decision := object.union(
	_decide(_facts(object.get(input, "operation", null)), _resource),
	{"visible": _visible},
)

default _visible := false

_visible if {
	is_string(input.resource.type)
	_allows(_facts(concat(".", [input.resource.type, "read"])), _resource)
}

# --- actions: a page of resources in one question ---------------------------------------------

# METADATA
# title: Allowed actions
# description: |
#   For each resource of input.resources, in order, the candidate operations of
#   input.operations (same index) that `decision` would allow input.subject on that resource,
#   in the order given. A subject whose organization may not act (suspended, status unknown)
#   gets empty lists; a resource without a list of candidates gets an empty list (fail closed);
#   no resources, no lists.
# entrypoint: true
# custom:
#   input: io.pdx.contracts.policy.ActionsInput
#   output: io.pdx.contracts.policy.AllowedActions
default actions := {"allowed": []}

# A subject whose organization may not act is refused everything: decided once, not per
# candidate. Otherwise each candidate of resources[i], in order, that `_allows`.
actions := {"allowed": [[] | some _ in _resources]} if {
	not _subject_acting
} else := {"allowed": [[operation |
	some operation in _candidates(i)
	_allows(_candidate_facts[operation], resource)
] |
	some i, resource in _resources
]}

_resources := input.resources if is_array(input.resources)

_candidate_operations := {operation |
	some candidates in input.operations
	is_array(candidates)
	some operation in candidates
}

# The facts of every candidate operation, each looked up once for the whole page.
_candidate_facts := {operation: _facts(operation) | some operation in _candidate_operations}

# The candidate operations of resources[i]; none (fail closed) when missing or not a list.
_candidates(i) := operations if {
	operations := input.operations[i]
	is_array(operations)
} else := []
