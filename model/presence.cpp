// Names of presence states and hänvisning reasons, as the routing core tells them to callers (M9).
#include "model/presence.hpp"

namespace vaxel::model {

const char* to_string(PresenceState s) {
  switch (s) {
    case PresenceState::Available:
      return "available";
    case PresenceState::OnCall:
      return "on_call";
    case PresenceState::Referral:
      return "referral";
    case PresenceState::Forwarded:
      return "forwarded";
    case PresenceState::OffDuty:
      return "off_duty";
  }
  return "?";
}

const char* to_string(ReferralReason r) {
  switch (r) {
    case ReferralReason::Meeting:
      return "meeting";
    case ReferralReason::Lunch:
      return "lunch";
    case ReferralReason::BusinessTrip:
      return "business_trip";
    case ReferralReason::Vacation:
      return "vacation";
    case ReferralReason::Sick:
      return "sick";
    case ReferralReason::Course:
      return "course";
    case ReferralReason::OutOfOffice:
      return "out_of_office";
  }
  return "?";
}

const char* to_string_sv(ReferralReason r) {
  switch (r) {
    case ReferralReason::Meeting:
      return "sammanträde";
    case ReferralReason::Lunch:
      return "lunch";
    case ReferralReason::BusinessTrip:
      return "tjänsteresa";
    case ReferralReason::Vacation:
      return "semester";
    case ReferralReason::Sick:
      return "sjuk";
    case ReferralReason::Course:
      return "kurs";
    case ReferralReason::OutOfOffice:
      return "utanför kontoret";
  }
  return "?";
}

}  // namespace vaxel::model
