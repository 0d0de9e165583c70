# METADATA
# title: Reasons
# description: |
#   The one way a policy turns reason codes into the reasons it answers: sorted, each with its
#   zh and en message from data.pdx.config.messages (the code itself when no message is
#   configured). Reads only the messages of the codes asked for, never the whole config, so
#   that a decision stays cheap.
package pdx.reasons

import data.pdx.config

# METADATA
# description: The reasons for a set of codes, sorted by code.
from_codes(codes) := [reason(code) | some code in sort(codes)]

# METADATA
# description: One reason with its zh and en message.
reason(code) := {
	"code": code,
	"message_zh": _message(code, "zh"),
	"message_en": _message(code, "en"),
}

_message(code, language) := text if {
	text := config.messages[code][language]
	is_string(text)
} else := code
