# Reference data for forms and clients, in Chinese and English, shaped from the policy data so that
# the lists a client offers are the lists the policies decide on (one source of truth).
#
#   document: purposes (code, names, free, lowRisk), licenseModes, grades (rank order, what each
#   allows), reviewSlaHours. The catalog's taxonomy lives in the database and is added by the API.
package pdx.reference

_license := data.pdx.config.license

_grades := data.pdx.config.grades

purposes := [p |
	some code in _license.purpose_categories
	p := {
		"code": code,
		"nameZh": object.get(_license.purpose_names, [code, "zh"], code),
		"nameEn": object.get(_license.purpose_names, [code, "en"], code),
		"free": code in _license.free_purposes,
		"lowRisk": code in _license.low_risk_purposes,
	}
]

license_modes := [m |
	some code in sort(object.keys(_license.mode_names))
	m := {"code": code, "nameZh": _license.mode_names[code].zh, "nameEn": _license.mode_names[code].en}
]

grades := [g |
	some rank in numbers.range(1, count(_grades))
	some code, grade in _grades
	grade.rank == rank
	g := {
		"code": code,
		"nameZh": grade.label_zh,
		"nameEn": grade.label_en,
		"rank": rank,
		"publicCatalog": grade.catalog.public,
		"licenseModes": grade.license.modes,
		"approval": grade.license.approval,
		"k": object.get(grade, ["sandbox", "k"], null),
		"differentialPrivacy": object.get(grade, ["sandbox", "noise"], null) != null,
	}
]

document := {
	"purposes": purposes,
	"licenseModes": license_modes,
	"grades": grades,
	"reviewSlaHours": _license.review_sla_hours,
}
