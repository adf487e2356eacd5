// The switchboard's policy as data (design.md): the guideline behaviour is the default, and each alternative a
// planner may want to test is a switch read from the scenario's `policy:` section. Read-only during a run.
#pragma once

#include <optional>
#include <vector>

namespace vaxel::model {

/// What the operator offers when the person sought cannot be reached (T3a, T3b, T3c).
enum class OfferKind {
  Colleague,   ///< T3a: connect to someone else in the same unit
  ReturnTime,  ///< T3b: tell when the person is reachable again
  Message,     ///< T3c: the operator takes a message with a promised callback
  Voicemail,   ///< T3c: connect to the person's voicemail
};

/// What happens to a caller who finds the switchboard queue full.
enum class OverflowAction { Busy, Callback };

/// What a unit's phone hours (telefontid) mean for a call outside them.
enum class OutsidePhoneHours {
  RingAnyway,      ///< ring the person as at any other time
  TellPhoneHours,  ///< tell the caller the next phone hour (T3b) and offer the other options
};

struct Policy {
  double ring_timeout_s = 25.0;  ///< ring time before the call returns to the operator (domain.md: 25 s)
  std::vector<OfferKind> offer_order = {OfferKind::Colleague, OfferKind::ReturnTime, OfferKind::Message,
                                        OfferKind::Voicemail};  ///< the order the options are offered in
  bool transfer_to_mobile = false;                 ///< MO4 forbids it: the operator gives out the mobile number instead
  std::optional<double> callback_offer_wait_s;     ///< offer a callback instead of queueing when the expected wait
                                                   ///< exceeds this many seconds; unset = never
  std::optional<int> queue_capacity;               ///< callers that may wait at once; unset = no limit but trunks
  OverflowAction overflow = OverflowAction::Busy;  ///< what a full queue does
  OutsidePhoneHours outside_phone_hours = OutsidePhoneHours::TellPhoneHours;
  double callback_promise_s = 8.0 * 3600.0;  ///< callback promised within this time of a message (M3)
  int max_transfer_attempts = 2;             ///< transfers tried in one call before only offers remain
};

}  // namespace vaxel::model
