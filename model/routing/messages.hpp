// The words callers hear, rendered from actions only on demand (the router itself never builds text):
// the greeting by number dialled (T2), the closed message with opening hours and on-call numbers (T4), the
// hänvisning with reason, return time and choices (M9), a return time (T3b), phone hours (P4), a mobile
// number (MO4). English sentences around the scenario's own (Swedish) greetings and names.
#pragma once

#include <string>

#include "model/routing/actions.hpp"
#include "model/routing/world_view.hpp"

namespace vaxel::model::routing {

/// What the caller hears for one action at time now_s, or "" when the action says nothing to the caller
/// (Enqueue, Ring, OperatorTask, Finish ...). Offers and GiveMobile are rendered as the operator's words.
[[nodiscard]] std::string render_text(const Action& action, const WorldView& world, WallSeconds now_s);

/// "14:00" when t is on the day of now_s, else "Tuesday 12 January at 08:00".
[[nodiscard]] std::string spoken_time(WallSeconds t, WallSeconds now_s);

/// "Tuesday 12 January at 08:00".
[[nodiscard]] std::string spoken_day_time(WallSeconds t);

/// "in a meeting", "on a business trip" ... as in "X is in a meeting until 14:00" (M9).
[[nodiscard]] const char* referral_phrase(ReferralReason r);

}  // namespace vaxel::model::routing
