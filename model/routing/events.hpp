// What happens to a call, as the routing core hears it: the events the simulator (or the live adapter) feeds
// to Router::handle, and the options a caller can be offered and choose among (T3a-T3c, M9, callback).
// Events are small values; nothing here allocates.
#pragma once

#include <array>
#include <cstdint>

#include "model/ids.hpp"
#include "model/time.hpp"

namespace vaxel::model::routing {

/// One thing a caller can be offered. The first four are the guideline offers in the policy's offer order
/// (OfferKind); Operator is M9's "press 2 for the operator"; Callback / Wait answer a long expected queue wait.
enum class Option : std::uint8_t {
  Colleague,   ///< T3a: another person in the same unit
  ReturnTime,  ///< T3b: be told when the person (or the unit's phone hours, P4) is reachable again
  Message,     ///< T3c: the operator takes a message and a callback is promised (M3)
  Voicemail,   ///< T3c, M9: leave a voicemail (only for people who have one, V1-V3)
  Operator,    ///< M9: leave the hänvisning for the switchboard
  Callback,    ///< policy callback_offer_wait_s: be called back instead of waiting in the queue
  Wait,        ///< ... or keep waiting
};
inline constexpr int kOptionCount = 7;

/// The options of one offer, in the order they are read out ("press 1 for ..., 2 for ..."). Inline, no heap.
class OptionList {
 public:
  constexpr void push(Option o) {
    if (size_ < items_.size() && !contains(o)) items_[size_++] = o;
  }
  [[nodiscard]] constexpr bool contains(Option o) const {
    for (std::uint8_t i = 0; i < size_; ++i)
      if (items_[i] == o) return true;
    return false;
  }
  [[nodiscard]] constexpr std::uint8_t size() const { return size_; }
  [[nodiscard]] constexpr bool empty() const { return size_ == 0; }
  [[nodiscard]] constexpr Option operator[](std::uint8_t i) const { return items_[i]; }
  [[nodiscard]] constexpr const Option* begin() const { return items_.data(); }
  [[nodiscard]] constexpr const Option* end() const { return items_.data() + size_; }
  constexpr void clear() { size_ = 0; }
  constexpr bool operator==(const OptionList& o) const {
    if (size_ != o.size_) return false;
    for (std::uint8_t i = 0; i < size_; ++i)
      if (items_[i] != o.items_[i]) return false;
    return true;
  }

 private:
  std::array<Option, kOptionCount> items_{};
  std::uint8_t size_ = 0;
};

enum class EventKind : std::uint8_t {
  Arrived,           ///< the call reaches the entry number it dialled (always the first event)
  OperatorAnswered,  ///< after Enqueue: an operator takes the call from the queue
  TargetAnswered,    ///< after Ring: the rung extension picks up
  NoAnswer,          ///< after Ring: the ring timeout ran out
  Busy,              ///< after Ring: the extension is busy on another call
  Unreachable,       ///< after Ring: the extension does not exist any more (stale directory entry, F2)
  CallerChose,       ///< after Offer: the caller picked one of the offered options (Event::option)
  CallerHungUp,      ///< any time before the call ended: the caller gave up (queue patience, during a ring ...)
  QueueTimeout,      ///< after Enqueue: the switchboard's own limit on waiting ran out
  PresenceChanged,   ///< someone's presence changed; accepted in any live phase, never a transition by itself
};
inline constexpr int kEventKindCount = 10;

struct Event {
  EventKind kind = EventKind::Arrived;
  WallSeconds t = 0.0;           ///< when it happened; never earlier than the call's previous event
  Option option = Option::Wait;  ///< CallerChose: what was chosen
  PersonId person;               ///< PresenceChanged: whose presence (informational)

  static constexpr Event at(EventKind k, WallSeconds time) {
    Event e;
    e.kind = k;
    e.t = time;
    return e;
  }
  static constexpr Event chose(Option o, WallSeconds time) {
    Event e = at(EventKind::CallerChose, time);
    e.option = o;
    return e;
  }
};

}  // namespace vaxel::model::routing
