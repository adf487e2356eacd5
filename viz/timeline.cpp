// The recorded replication and the day series the plots draw from it.
#include "viz/timeline.hpp"

#include <algorithm>

namespace vaxel::viz {

using model::routing::OutcomeKind;

const char* to_string(CallStage s) {
  switch (s) {
    case CallStage::Greeting:
      return "greeting";
    case CallStage::Queue:
      return "queue";
    case CallStage::Operator:
      return "operator";
    case CallStage::Transfer:
      return "transfer, ringing";
    case CallStage::Ringing:
      return "ringing (direct)";
    case CallStage::Options:
      return "choosing options";
  }
  return "?";
}

void Timeline::add_frame(Frame f) {
  // The child streams ticks in time order; a frame out of order would mean a broken stream, so it is dropped
  // rather than breaking the binary search of frame_at.
  if (!frames.empty() && f.snapshot.t < frames.back().snapshot.t) return;
  frames.push_back(std::move(f));
}

void Timeline::add_call(const sim::CallSummary& c) {
  calls.push_back(c);
  auto& attempts = errands[c.errand];
  attempts.push_back(calls.size() - 1);
  std::sort(attempts.begin(), attempts.end(),
            [this](std::size_t a, std::size_t b) { return calls[a].arrival_s < calls[b].arrival_s; });
}

const Frame* Timeline::frame_at(model::WallSeconds t) const {
  if (frames.empty()) return nullptr;
  auto it =
      std::upper_bound(frames.begin(), frames.end(), t, [](double x, const Frame& f) { return x < f.snapshot.t; });
  if (it == frames.begin()) return &frames.front();
  return &*(it - 1);
}

std::vector<const sim::CallSummary*> Timeline::ended_between(model::WallSeconds from, model::WallSeconds to) const {
  std::vector<const sim::CallSummary*> out;
  for (auto it = calls.rbegin(); it != calls.rend(); ++it)
    if (it->end_s > from && it->end_s <= to) out.push_back(&*it);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->end_s > b->end_s; });
  return out;
}

DaySeries Timeline::day_series(model::WallSeconds t, double service_level_s) const {
  DaySeries s;
  const model::WallSeconds day0 = model::start_of_day(model::day_of(t));
  s.queue_length.assign(model::kMinutesPerDay, -1.0f);
  std::vector<int> frames_in_minute(model::kMinutesPerDay, 0);
  std::vector<float> queue_sum(model::kMinutesPerDay, 0.0f);
  const auto from =
      std::lower_bound(frames.begin(), frames.end(), day0, [](const Frame& f, double x) { return f.snapshot.t < x; });
  for (auto it = from; it != frames.end() && it->snapshot.t <= t; ++it) {
    const int m = std::clamp(static_cast<int>((it->snapshot.t - day0) / 60.0), 0, model::kMinutesPerDay - 1);
    queue_sum[static_cast<std::size_t>(m)] += static_cast<float>(it->snapshot.queue_length);
    ++frames_in_minute[static_cast<std::size_t>(m)];
  }
  for (int m = 0; m < model::kMinutesPerDay; ++m)
    if (frames_in_minute[static_cast<std::size_t>(m)] > 0)
      s.queue_length[static_cast<std::size_t>(m)] =
          queue_sum[static_cast<std::size_t>(m)] / static_cast<float>(frames_in_minute[static_cast<std::size_t>(m)]);

  // Service level per 15 minutes as sim/metrics.cpp measures it (T1, G2): of the calls that queued (answered
  // or left before an answer), the share answered within service_level_s, by arrival slot. Only calls that
  // ended by t count, because only then is their wait known.
  std::vector<int> queued(96, 0);
  std::vector<int> in_target(96, 0);
  s.calls_per_hour.assign(24, 0.0f);
  s.repeat_calls.assign(24, 0.0f);
  for (const sim::CallSummary& c : calls) {
    if (c.arrival_s < day0 || c.arrival_s > t || c.arrival_s >= day0 + model::kSecondsPerDay) continue;
    const auto hour = static_cast<std::size_t>(std::clamp(static_cast<int>((c.arrival_s - day0) / 3600.0), 0, 23));
    s.calls_per_hour[hour] += 1.0f;
    if (c.attempt > 1) s.repeat_calls[hour] += 1.0f;
    ++s.calls;
    if (c.end_s > t) continue;
    const OutcomeKind k = c.outcome.kind();
    if (k == OutcomeKind::Resolved) ++s.resolved;
    if (k == OutcomeKind::Failed) ++s.failed;
    if (c.queued) {
      const auto slot = static_cast<std::size_t>(std::clamp(static_cast<int>((c.arrival_s - day0) / 900.0), 0, 95));
      ++queued[slot];
      ++s.queued;
      if (c.answered_by_operator && c.wait_s <= service_level_s) {
        ++in_target[slot];
        ++s.answered_in_target;
      }
    }
  }
  s.service_level.assign(96, -1.0f);
  for (std::size_t i = 0; i < 96; ++i)
    if (queued[i] > 0) s.service_level[i] = static_cast<float>(in_target[i]) / static_cast<float>(queued[i]);
  return s;
}

}  // namespace vaxel::viz
