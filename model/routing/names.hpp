// The routing core's names as the live protocol and the traces spell them (docs/route-protocol.md):
// snake_case words for every enum, and parsing back for the ones that come in. Never used on the hot path.
#pragma once

#include <optional>
#include <string_view>

#include "model/routing/actions.hpp"
#include "model/routing/call.hpp"
#include "model/routing/events.hpp"
#include "model/routing/router.hpp"

namespace vaxel::model::routing {

[[nodiscard]] const char* to_string(Option o);            ///< "colleague", "return_time", ...
[[nodiscard]] const char* to_string(EventKind k);         ///< "operator_answered", ...
[[nodiscard]] const char* to_string(ActionKind k);        ///< "play", "enqueue", "ring", ...
[[nodiscard]] const char* to_string(MessageKind k);       ///< "greeting", "closed", "referral", ...
[[nodiscard]] const char* to_string(OperatorTaskKind k);  ///< "transfer", "referral", ...
[[nodiscard]] const char* to_string(OutcomeKind k);       ///< "resolved", "promised", "failed"
[[nodiscard]] const char* to_string(OutcomeReason r);     ///< "talked_to_person", ...
[[nodiscard]] const char* to_string(CallPhase p);         ///< "queued", ...
[[nodiscard]] const char* describe(RouteError e);         ///< a sentence for error messages

[[nodiscard]] std::optional<Option> parse_option(std::string_view text);
[[nodiscard]] std::optional<EventKind> parse_event_kind(std::string_view text);

}  // namespace vaxel::model::routing
