// Drawing a person's day: working intervals from the schedule, lunch in the gaps, then meetings, time out and
// other calls laid over the working time one after another. Meetings and time out avoid the unit's phone
// hours (P4: during telefontid the phone is not turned off). A hänvisning announces the planned end; with
// probability 1 - referral_accuracy the absence overruns it, which is how a return time gets broken (M3).
#include "sim/presence_model.hpp"

#include <algorithm>

#include "sim/sampling.hpp"

namespace vaxel::sim {

namespace {
constexpr double kDay = model::kSecondsPerDay;
constexpr double kMeanOverrun_s = 1200.0;  // a broken return time is late by 20 minutes on average [G]

struct Planned {
  double start_s;
  double length_s;
  StaffActivity activity;
};
}  // namespace

PresenceModel::PresenceModel(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                             model::DayNumber first_day)
    : scenario_(scenario),
      seed_(seed),
      replication_(replication),
      first_day_(first_day),
      origin_(model::start_of_day(first_day)),
      today_(scenario.directory.people.size()),
      busy_until_(scenario.directory.people.size(), -1.0) {}

const model::RolePresence& PresenceModel::role_of(const model::Person& p) const {
  return p.role == model::Role::Manager ? scenario_.presence.manager : scenario_.presence.staff;
}

const PresenceModel::Day& PresenceModel::day_of(model::PersonId person, int day_index) {
  Day& d = today_[person.value];
  if (d.day_index != day_index) {
    d.spans.clear();
    d.day_index = day_index;
    build_day(person, day_index, d);
  }
  return d;
}

void PresenceModel::build_day(model::PersonId person, int day_index, Day& out) const {
  const auto& cal = scenario_.calendar;
  const auto& spec = scenario_.presence;
  const model::Person& who = scenario_.directory.person(person);
  const model::RolePresence& role = role_of(who);
  const model::DayNumber day = first_day_ + day_index;
  const double day_start = day_index * kDay;
  Rng rng(seed_, replication_, Source::Presence, (static_cast<std::uint64_t>(person.value) << 20) ^ day_index);

  // When the person is next at work after today: the return time told outside working hours.
  double next_work = day_start + kDay;
  for (int ahead = 1; ahead <= 30; ++ahead) {
    const model::DayHours h = spec.working_hours.hours_on(cal, day + ahead);
    if (!h.empty()) {
      next_work = day_start + ahead * kDay + h.front().start_minute * model::kSecondsPerMinute;
      break;
    }
  }

  const model::DayHours hours = spec.working_hours.hours_on(cal, day);
  const double away_p = cal.is_summer(day) ? role.absent_day_summer : role.absent_day;
  if (hours.empty() || rng.bernoulli(away_p)) {
    out.spans.push_back(
        {day_start, day_start + kDay, hours.empty() ? StaffActivity::OffHours : StaffActivity::AwayAllDay, next_work});
    return;
  }

  // Off hours and lunch around the working intervals.
  auto at = [&](int minute) { return day_start + minute * model::kSecondsPerMinute; };
  std::vector<ActivitySpan> frame;
  frame.push_back({day_start, at(hours.front().start_minute), StaffActivity::OffHours, at(hours.front().start_minute)});
  double work_s = 0.0;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    frame.push_back({at(hours[i].start_minute), at(hours[i].end_minute), StaffActivity::Free, 0.0});
    work_s += (hours[i].end_minute - hours[i].start_minute) * model::kSecondsPerMinute;
    if (i + 1 < hours.size())
      frame.push_back({at(hours[i].end_minute), at(hours[i + 1].start_minute), StaffActivity::Lunch,
                       at(hours[i + 1].start_minute)});
  }
  frame.push_back({at(hours.back().end_minute), day_start + kDay, StaffActivity::OffHours, next_work});

  // Phone hours of the person's unit, kept free of meetings and time out (P4).
  model::DayHours phone;
  if (who.unit.valid()) {
    const auto& ph = scenario_.directory.unit(who.unit).phone_hours;
    if (ph) phone = ph->hours_on(cal, day);
  }
  auto in_phone_hours = [&](double s, double e) {
    for (const auto& iv : phone)
      if (s < at(iv.end_minute) && at(iv.start_minute) < e) return true;
    return false;
  };

  // Draw the day's meetings, outings and other calls, then lay them over the free time in start order.
  std::vector<Planned> planned;
  auto draw = [&](double share, const model::Distribution& length, StaffActivity what) {
    const double mean = length.expected();
    if (share <= 0.0 || mean <= 0.0) return;
    const std::uint64_t n = rng.poisson(share * work_s / mean);
    for (std::uint64_t k = 0; k < n; ++k) {
      const double offset = rng.uniform() * work_s;
      planned.push_back({offset, sample(length, rng), what});
    }
  };
  draw(role.meeting, role.meeting_s, StaffActivity::Meeting);
  draw(role.out, role.out_s, StaffActivity::Out);
  draw(role.on_call, role.other_call_s, StaffActivity::OtherCall);
  std::sort(planned.begin(), planned.end(), [](const Planned& a, const Planned& b) { return a.start_s < b.start_s; });

  // Working-time offset -> clock time.
  auto clock_at = [&](double offset) {
    for (const auto& iv : hours) {
      const double len = (iv.end_minute - iv.start_minute) * model::kSecondsPerMinute;
      if (offset < len) return at(iv.start_minute) + offset;
      offset -= len;
    }
    return at(hours.back().end_minute);
  };

  std::vector<ActivitySpan> busy;  // disjoint, sorted
  double free_from = day_start;
  for (const Planned& p : planned) {
    double start = std::max(clock_at(p.start_s), free_from);
    // Clip to the working interval the start falls in.
    double interval_end = start;
    for (const auto& iv : hours)
      if (start >= at(iv.start_minute) && start < at(iv.end_minute)) interval_end = at(iv.end_minute);
    if (interval_end <= start) continue;
    const double planned_end = std::min(start + p.length_s, interval_end);
    if (p.activity != StaffActivity::OtherCall && in_phone_hours(start, planned_end)) continue;
    double end = planned_end;
    if (p.activity != StaffActivity::OtherCall && !rng.bernoulli(spec.referral_accuracy))
      end = std::min(planned_end + rng.exponential(kMeanOverrun_s), interval_end);
    busy.push_back({start, end, p.activity, planned_end});
    free_from = end;
  }

  // Merge: frame spans, with busy spans cut into the free ones.
  std::size_t b = 0;
  for (const ActivitySpan& f : frame) {
    if (f.end_s <= f.start_s) continue;
    if (f.activity != StaffActivity::Free) {
      out.spans.push_back(f);
      continue;
    }
    double cursor = f.start_s;
    while (b < busy.size() && busy[b].start_s < f.end_s) {
      if (busy[b].start_s > cursor) out.spans.push_back({cursor, busy[b].start_s, StaffActivity::Free, 0.0});
      out.spans.push_back(busy[b]);
      cursor = busy[b].end_s;
      ++b;
    }
    if (cursor < f.end_s) out.spans.push_back({cursor, f.end_s, StaffActivity::Free, 0.0});
  }
}

const ActivitySpan& PresenceModel::activity(model::PersonId person, double t) {
  const int day_index = static_cast<int>(t / kDay);
  const Day& d = day_of(person, day_index);
  auto it = std::upper_bound(d.spans.begin(), d.spans.end(), t,
                             [](double x, const ActivitySpan& s) { return x < s.start_s; });
  return it == d.spans.begin() ? d.spans.front() : *(it - 1);
}

model::Presence PresenceModel::presence(model::PersonId person, double t) {
  model::Presence p;
  if (busy_until_[person.value] > t) {
    p.state = model::PresenceState::OnCall;
    return p;
  }
  const ActivitySpan& span = activity(person, t);
  const model::Person& who = scenario_.directory.person(person);
  switch (span.activity) {
    case StaffActivity::Free:
      p.state = model::PresenceState::Available;
      return p;
    case StaffActivity::OtherCall:
      p.state = model::PresenceState::OnCall;
      return p;
    case StaffActivity::OffHours:
      p.state = model::PresenceState::OffDuty;
      p.return_at = wall(span.announced_return_s);
      return p;
    default:
      break;
  }
  // Away during working time: shown by the person's absence mode (M8).
  switch (who.absence_mode) {
    case model::AbsenceMode::Referral:
      p.state = model::PresenceState::Referral;
      p.return_at = wall(span.announced_return_s);
      switch (span.activity) {
        case StaffActivity::Meeting:
          p.reason = model::ReferralReason::Meeting;
          break;
        case StaffActivity::Lunch:
          p.reason = model::ReferralReason::Lunch;
          break;
        case StaffActivity::Out:
          p.reason = model::ReferralReason::OutOfOffice;
          break;
        default:
          p.reason = scenario_.calendar.is_summer(first_day_ + static_cast<int>(t / kDay))
                         ? model::ReferralReason::Vacation
                         : model::ReferralReason::Sick;
      }
      return p;
    case model::AbsenceMode::Forward:
      if (!who.colleagues.empty()) {
        p.state = model::PresenceState::Forwarded;
        p.forwarded_to = who.colleagues.front();
        return p;
      }
      [[fallthrough]];
    case model::AbsenceMode::None:
      p.state = model::PresenceState::OffDuty;
      return p;
  }
  return p;
}

void PresenceModel::set_busy_until(model::PersonId person, double until_s) {
  busy_until_[person.value] = std::max(busy_until_[person.value], until_s);
}

std::optional<double> PresenceModel::next_free(model::PersonId person, double t, int horizon_days) {
  t = std::max(t, busy_until_[person.value]);
  const double limit = t + horizon_days * kDay;
  while (t < limit) {
    const ActivitySpan& s = activity(person, t);
    if (s.activity == StaffActivity::Free) return t;
    t = std::max(s.end_s, t + 1.0);
  }
  return std::nullopt;
}

}  // namespace vaxel::sim
