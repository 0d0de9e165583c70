# METADATA
# title: Deadlines of the efficiency evaluation (效能评估)
# description: |
#   Per kind of decision, the time limit the bureau is measured against: its unit (HOURS, or WORKING_DAYS in
#   pdx.config.calendar), its amount, Chinese and English labels and the basis. A kind whose number the policy data
#   already holds elsewhere names it (amount_from, a path under pdx.config) instead of repeating it, so that one number
#   has one place: the license review SLA and the 好差评 answer deadline stay where the code that enforces them reads them.
#
#   document: {"deadlines": [{kind, labelZh, labelEn, unit, amount, source, basisZh, basisEn}]}, in the order of the
#   data. A kind whose amount cannot be resolved to a whole number of at least 1 is left out (deny by default: the API
#   refuses to count against a deadline it does not have).
package pdx.efficiency

_config := data.pdx.config

units := {"HOURS", "WORKING_DAYS"}

# the amount written with the kind, or the number at amount_from
amount(d) := d.amount if {
	not d.amount_from
	is_number(d.amount)
}

amount(d) := n if {
	is_string(d.amount_from)
	n := object.get(_config, split(d.amount_from, "."), null)
	is_number(n)
}

# the policy data key the amount comes from
source(d) := concat(".", ["pdx.config", d.amount_from]) if is_string(d.amount_from)

source(d) := "pdx.config.efficiency.deadlines" if not d.amount_from

deadlines := [resolved |
	some d in _config.efficiency.deadlines
	d.unit in units
	n := amount(d)
	n >= 1
	n == round(n)
	resolved := {
		"kind": d.kind,
		"labelZh": d.label_zh,
		"labelEn": d.label_en,
		"unit": d.unit,
		"amount": n,
		"source": source(d),
		"basisZh": d.basis_zh,
		"basisEn": d.basis_en,
	}
]

document := {"deadlines": deadlines}
