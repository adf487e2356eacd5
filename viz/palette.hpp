// The presence colours of the organisation grid, as plain RGB so the screenshot checker (which links no
// ImGui) looks for exactly what the viewer paints. Chosen to be told apart also with red-green colour
// blindness by brightness: green and orange differ in lightness, blue and purple in hue and lightness.
#pragma once

#include <array>
#include <cstdint>

#include "model/presence.hpp"

namespace vaxel::viz {

struct Rgb {
  std::uint8_t r, g, b;
};

/// The six presence kinds the grid shows: the five states, with a hänvisning for a meeting split out.
enum class PresenceKind { Available, OnCall, Meeting, Referral, Forwarded, OffDuty };
inline constexpr int kPresenceKindCount = 6;

inline constexpr std::array<Rgb, kPresenceKindCount> kPresenceColours = {{
    {67, 160, 71},   // available: green
    {30, 136, 229},  // on a call: blue
    {251, 140, 0},   // meeting (a hänvisning with reason meeting): orange
    {253, 216, 53},  // other hänvisning (lunch, course, sick ...): yellow
    {171, 71, 188},  // forwarded to a colleague (M8b): purple
    {78, 82, 94},    // off duty: slate grey
}};

inline constexpr std::array<const char*, kPresenceKindCount> kPresenceLabels = {"available",  "on a call", "meeting",
                                                                                "hänvisning", "forwarded", "off duty"};

[[nodiscard]] inline PresenceKind presence_kind(model::PresenceState s, model::ReferralReason why) {
  switch (s) {
    case model::PresenceState::Available:
      return PresenceKind::Available;
    case model::PresenceState::OnCall:
      return PresenceKind::OnCall;
    case model::PresenceState::Referral:
      return why == model::ReferralReason::Meeting ? PresenceKind::Meeting : PresenceKind::Referral;
    case model::PresenceState::Forwarded:
      return PresenceKind::Forwarded;
    case model::PresenceState::OffDuty:
      break;
  }
  return PresenceKind::OffDuty;
}

}  // namespace vaxel::viz
