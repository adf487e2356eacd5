// What the routing core tells the world to do with a call. One Router::handle step returns a few actions in
// an inline ActionList (no heap per event); each action is a flat value whose meaning depends on its kind.
// Texts are not stored: a PlayMessage names its MessageKind and the ids and times it speaks of, and
// messages.hpp renders it to words only on demand (the live adapter, a trace, a test).
//
// The actions of one step are carried out in order. For the simulator:
//   PlayMessage    the caller listens (its length is the simulator's business); no event follows
//   Enqueue        the call waits for an operator -> OperatorAnswered, QueueTimeout or CallerHungUp
//   OperatorTask   the operator who answered is busy this long (handle time by task); no event follows
//   Ring           ring the extension for timeout_s -> TargetAnswered, NoAnswer, Busy, Unreachable or CallerHungUp
//   Offer          the caller chooses -> CallerChose(one of options) or CallerHungUp
//   Connect, Voicemail, TakeMessage, OrderCallback, GiveMobile   done, the conversation goes on outside the core
//   Finish         always the last action of the step that ends the call; carries the outcome
// An operator is with the call from OperatorAnswered until a step ends in Ring, Enqueue or Finish (after that
// step's OperatorTasks); an Offer made by an operator (recorded == false) keeps the operator while the caller
// chooses, and the OperatorTask(Referral) before it is that conversation.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>

#include "model/ids.hpp"
#include "model/presence.hpp"
#include "model/routing/call.hpp"
#include "model/routing/events.hpp"
#include "model/time.hpp"

namespace vaxel::model::routing {

enum class ActionKind : std::uint8_t {
  PlayMessage,
  Enqueue,
  OperatorTask,
  Ring,
  Offer,
  Connect,
  Voicemail,
  TakeMessage,
  OrderCallback,
  GiveMobile,
  Finish,
};
inline constexpr int kActionKindCount = 11;

/// The recorded or spoken messages (rendered by messages.hpp).
enum class MessageKind : std::uint8_t {
  None,
  Greeting,       ///< T2: the entry's greeting ("Hej och välkommen till Sotenäs kommun")
  Closed,         ///< T4: closed, the opening hours sentence and the on-call numbers
  Referral,       ///< M9: the hänvisning's reason and return time, then "press 1 for voicemail, 2 for the operator"
  ReturnTime,     ///< T3b: when the person is back
  PhoneHours,     ///< P4: when the unit's phone hours start
  QueueFull,      ///< overflow Busy: all lines busy
  CallbackOffer,  ///< expected wait above the policy's limit: "press 1 to be called back, 2 to wait"
};
inline constexpr int kMessageKindCount = 8;

/// What the operator does, by handle-time class (scenario HandleTimes).
enum class OperatorTaskKind : std::uint8_t {
  Transfer,       ///< greet, find, transfer (also to a colleague)
  Referral,       ///< tell the return time, offer the options (T3a-T3c), give a mobile number (MO4)
  Message,        ///< take a message (T3c)
  Answer,         ///< answer a simple question directly
  International,  ///< order an international call (U1)
};
inline constexpr int kOperatorTaskKindCount = 5;

struct Action {
  ActionKind kind = ActionKind::Finish;
  MessageKind message = MessageKind::None;             ///< PlayMessage
  OperatorTaskKind task = OperatorTaskKind::Transfer;  ///< OperatorTask
  ReferralReason reason = ReferralReason::Meeting;     ///< PlayMessage Referral
  bool priority = false;     ///< Enqueue: the call returns to the operator (after a ring-out), ahead of new calls
  bool via_mobile = false;   ///< Ring: to a MEX phone or, by policy transfer_to_mobile, to the mobile (MO4)
  bool has_time = false;     ///< time_s is meaningful
  bool recorded = false;     ///< Offer: read out by the recorded message just before (M9, callback), no operator
  OptionList options;        ///< Offer (and PlayMessage Referral / CallbackOffer: the options read out)
  PersonId person;           ///< whom it concerns: rung, connected, offered as colleague (Offer), referred ...
  UnitId unit;               ///< PhoneHours, TakeMessage for a unit
  EntryId entry;             ///< Greeting: which entry's greeting
  WallSeconds time_s = 0.0;  ///< Referral/ReturnTime: back at; PhoneHours: next start; TakeMessage /
                             ///< OrderCallback: callback due by; CallbackOffer: expected wait in seconds
  double timeout_s = 0.0;    ///< Ring: ring time before NoAnswer
  CallOutcome outcome;       ///< Finish

  bool operator==(const Action&) const = default;
};

/// The actions of one step, inline. Capacity covers the longest step the router emits (three actions) twice.
class ActionList {
 public:
  static constexpr int kCapacity = 6;

  void push(const Action& a) {
    assert(size_ < kCapacity && "routing step emitted more actions than ActionList holds");
    if (size_ < kCapacity) items_[size_++] = a;
  }
  void clear() { size_ = 0; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] const Action& operator[](int i) const { return items_[static_cast<std::size_t>(i)]; }
  [[nodiscard]] const Action& back() const { return items_[static_cast<std::size_t>(size_ - 1)]; }
  [[nodiscard]] const Action* begin() const { return items_.data(); }
  [[nodiscard]] const Action* end() const { return items_.data() + size_; }

 private:
  std::array<Action, kCapacity> items_{};
  int size_ = 0;
};

}  // namespace vaxel::model::routing
