package pdx.reasons_test

import data.pdx.reasons

test_reasons_are_sorted_with_both_messages if {
	result := reasons.from_codes({"term_too_long", "core_never_licensed"}) with data.pdx.config.messages as {
		"core_never_licensed": {"zh": "核心数据不予授权", "en": "Core data is never licensed"},
		"term_too_long": {"zh": "期限过长", "en": "Term too long"},
	}
	result == [
		{"code": "core_never_licensed", "message_zh": "核心数据不予授权", "message_en": "Core data is never licensed"},
		{"code": "term_too_long", "message_zh": "期限过长", "message_en": "Term too long"},
	]
}

test_code_without_message_answers_the_code if {
	reasons.reason("not_configured") == {"code": "not_configured", "message_zh": "not_configured", "message_en": "not_configured"}
}

test_every_configured_message_has_zh_and_en if {
	every code, messages in data.pdx.config.messages {
		is_string(messages.zh)
		is_string(messages.en)
		code == reasons.reason(code).code
	}
}
