// Where a person is right now, as the routing core sees it: at the desk, busy on a call, away with a
// hänvisning (reason and return time, M8a/M9), forwarded to a colleague (M8b), or off duty.
#pragma once

#include <optional>

#include "model/ids.hpp"
#include "model/time.hpp"

namespace vaxel::model {

enum class PresenceState {
  Available,  ///< at the desk, phone on: a ring is answered with the person's answer probability
  OnCall,     ///< busy on another call
  Referral,   ///< hänvisning: phone off with a reason and a return time (M8a)
  Forwarded,  ///< calls forwarded to a colleague (M8b)
  OffDuty,    ///< outside working hours or absent without any hänvisning
};

/// The reason told by a hänvisning (M9).
enum class ReferralReason { Meeting, Lunch, BusinessTrip, Vacation, Sick, Course, OutOfOffice };

struct Presence {
  PresenceState state = PresenceState::OffDuty;
  ReferralReason reason = ReferralReason::Meeting;  ///< meaningful when state == Referral
  std::optional<WallSeconds> return_at;             ///< when back (Referral; also known for OffDuty by schedule)
  PersonId forwarded_to;                            ///< meaningful when state == Forwarded
};

[[nodiscard]] const char* to_string(PresenceState s);
[[nodiscard]] const char* to_string(ReferralReason r);     ///< "meeting"
[[nodiscard]] const char* to_string_sv(ReferralReason r);  ///< "sammanträde"

}  // namespace vaxel::model
