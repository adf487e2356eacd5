// Helpers the panels share: colours for verdicts and outcomes, clock and duration text, the sentences that
// explain how a call ended, chips, and the day plot drawn with the draw list.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/routing/names.hpp"
#include "viz/panels.hpp"

namespace vaxel::viz {

using model::routing::OutcomeKind;
using model::routing::OutcomeReason;

ImU32 to_imu32(Rgb c, int alpha) {
  return IM_COL32(c.r, c.g, c.b, alpha);
}

ImVec4 to_vec4(Rgb c) {
  return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f);
}

Rgb verdict_colour(sim::Verdict v) {
  switch (v) {
    case sim::Verdict::Met:
      return kGood;
    case sim::Verdict::Missed:
      return kBad;
    case sim::Verdict::Inconclusive:
      return kWarn;
    case sim::Verdict::NoData:
      break;
  }
  return kMuted;
}

Rgb outcome_colour(OutcomeReason r) {
  switch (model::routing::kind_of(r)) {
    case OutcomeKind::Resolved:
      return kGood;
    case OutcomeKind::Promised:
      return kWarn;
    case OutcomeKind::Failed:
      return kBad;
    case OutcomeKind::InProgress:
      break;
  }
  return kMuted;
}

std::string clock_text(model::WallSeconds t, bool seconds) {
  const double in_day = t - model::start_of_day(model::day_of(t));
  const int s = static_cast<int>(in_day);
  if (seconds) return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{:02}:{:02}", s / 3600, s / 60 % 60);
}

std::string duration_text(double s) {
  const int n = static_cast<int>(std::lround(std::max(0.0, s)));
  if (n >= 3600) return fmt::format("{} h {:02}", n / 3600, n / 60 % 60);
  return fmt::format("{}:{:02}", n / 60, n % 60);
}

std::string day_text(model::WallSeconds t) {
  const model::Date d = model::from_day_number(model::day_of(t));
  return fmt::format("{} {} {} {}", model::weekday_name(model::weekday_of(d)), d.day, model::month_name(d.month),
                     d.year);
}

namespace {
std::string person_name(model::PersonId p, const model::Scenario& scenario) {
  if (!p.valid() || p.value >= scenario.directory.people.size()) return "someone";
  return scenario.directory.person(p).name;
}
}  // namespace

std::string wants_text(model::Intent intent, model::PersonId person, model::UnitId unit,
                       const model::Scenario& scenario) {
  const auto& dir = scenario.directory;
  switch (intent) {
    case model::Intent::Person:
      return person_name(person, scenario);
    case model::Intent::Unit:
      return unit.valid() && unit.value < dir.units.size() ? "unit " + dir.unit(unit).name : "a unit";
    case model::Intent::Question:
      return unit.valid() && unit.value < dir.units.size() ? "question for " + dir.unit(unit).name : "a question";
    case model::Intent::International:
      return "an international call";
  }
  return "?";
}

// Why an attempt ended as it did, in a planner's words with the clause that shapes it.
std::string outcome_sentence(const sim::CallSummary& c, const model::Scenario& scenario) {
  const std::string who = person_name(c.outcome.person, scenario);
  switch (c.outcome.reason) {
    case OutcomeReason::None:
      return "still in progress";
    case OutcomeReason::TalkedToPerson:
      return "talked to " + who;
    case OutcomeReason::TalkedToColleague:
      return "talked to a colleague, " + who + " (T3a, M8b)";
    case OutcomeReason::AnsweredByOperator:
      return "the operator answered the question";
    case OutcomeReason::InternationalOrdered:
      return "the operator ordered the international call (U1)";
    case OutcomeReason::Voicemail:
      return "left a voicemail for " + who + " (T3c, V1)";
    case OutcomeReason::MessageTaken:
      return fmt::format("left a message, callback promised by {} (T3c, M3)", clock_text(c.outcome.time_s));
    case OutcomeReason::CallbackOrdered:
      return "ordered a callback instead of waiting";
    case OutcomeReason::Abandoned:
      return c.queued && !c.answered_by_operator
                 ? fmt::format("hung up after waiting {} in the queue", duration_text(c.wait_s))
                 : "hung up";
    case OutcomeReason::Busy:
      return "busy: all lines or the queue full (M1)";
    case OutcomeReason::NoAnswer:
      return "rang out, nothing caught it (M1)";
    case OutcomeReason::Closed:
      return "the switchboard was closed; the closed message ran (T4)";
    case OutcomeReason::MobileGiven:
      return "given " + who + "'s mobile number instead of a transfer (MO4): must call again";
    case OutcomeReason::ReturnTimeGiven:
      return fmt::format("told {} is back at {} (T3b, P4): must call again", who, clock_text(c.outcome.time_s));
    case OutcomeReason::Unanswered:
      return "ended with no person, voicemail or message (M1)";
  }
  return model::routing::to_string(c.outcome.reason);
}

void Chip(const char* text, Rgb colour, float width) {
  const ImVec2 text_size = ImGui::CalcTextSize(text);
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 size(std::max(width, text_size.x + 2 * style.FramePadding.x), text_size.y + 2.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), to_imu32(colour), 3.0f);
  // Dark text on light colours, light text on dark ones (perceived brightness).
  const float lum = 0.299f * colour.r + 0.587f * colour.g + 0.114f * colour.b;
  dl->AddText(ImVec2(p.x + (size.x - text_size.x) * 0.5f, p.y + 1.0f),
              lum > 150.0f ? IM_COL32(20, 20, 24, 255) : IM_COL32(250, 250, 250, 255), text);
  ImGui::Dummy(size);
}

void PlotDay(const DayPlot& plot, float from_hour, float to_hour, float now_hour, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::TextUnformatted(plot.title);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float left = 34.0f;  // room for y labels
  const float bottom = 16.0f;
  const ImVec2 a(p0.x + left, p0.y + 4.0f);
  const ImVec2 b(p0.x + size.x - 6.0f, p0.y + size.y - bottom);
  dl->AddRectFilled(a, b, IM_COL32(28, 30, 36, 255));

  const std::vector<float>& v = *plot.values;
  const auto n = static_cast<float>(v.size());
  const float per_hour = n / 24.0f;
  float y_max = plot.y_max;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (static_cast<float>(i) / per_hour >= from_hour && static_cast<float>(i) / per_hour < to_hour)
      y_max = std::max(y_max, v[i]);
  if (!plot.percent) y_max = 2.0f * std::ceil(y_max / 2.0f);  // even, so the middle grid line is a whole number
  auto x_of = [&](float hour) { return a.x + (hour - from_hour) / (to_hour - from_hour) * (b.x - a.x); };
  auto y_of = [&](float y) { return b.y - std::clamp(y / y_max, 0.0f, 1.0f) * (b.y - a.y); };

  const ImU32 grid = IM_COL32(70, 74, 86, 255);
  const ImU32 label = IM_COL32(170, 175, 190, 255);
  for (int h = static_cast<int>(std::ceil(from_hour)); h <= static_cast<int>(to_hour); ++h) {
    const float x = x_of(static_cast<float>(h));
    dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), grid);
    if ((h - static_cast<int>(from_hour)) % 2 == 0) {
      const std::string s = fmt::format("{:02}", h);
      dl->AddText(ImVec2(x - 7.0f, b.y + 1.0f), label, s.c_str());
    }
  }
  for (int k = 0; k <= 2; ++k) {
    const float y = y_max * static_cast<float>(k) / 2.0f;
    dl->AddLine(ImVec2(a.x, y_of(y)), ImVec2(b.x, y_of(y)), grid);
    const std::string s = plot.percent ? fmt::format("{:.0f}%", y * 100.0f) : fmt::format("{:g}", y);
    dl->AddText(ImVec2(p0.x, y_of(y) - 7.0f), label, s.c_str());
  }
  if (plot.target >= 0.0f) {
    const float y = y_of(plot.target);
    for (float x = a.x; x < b.x; x += 8.0f)
      dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4.0f, b.x), y), to_imu32(kGood), 1.5f);
  }

  auto draw_series = [&](const std::vector<float>& s, Rgb colour, bool bars) {
    const float w = (b.x - a.x) / ((to_hour - from_hour) * per_hour);
    ImVec2 prev;
    bool have_prev = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const float hour = static_cast<float>(i) / per_hour;
      if (hour < from_hour || hour >= to_hour || s[i] < 0.0f) {
        have_prev = false;
        continue;
      }
      if (bars) {
        const float x = x_of(hour);
        if (s[i] > 0.0f) dl->AddRectFilled(ImVec2(x + 1.0f, y_of(s[i])), ImVec2(x + w - 1.0f, b.y), to_imu32(colour));
      } else {
        const ImVec2 pt(x_of(hour + 0.5f / per_hour), y_of(s[i]));
        if (have_prev) dl->AddLine(prev, pt, to_imu32(colour), 1.5f);
        prev = pt;
        have_prev = true;
      }
    }
  };
  draw_series(v, plot.colour, plot.bars);
  if (plot.overlay != nullptr) draw_series(*plot.overlay, plot.overlay_colour, true);
  if (now_hour >= from_hour && now_hour <= to_hour)
    dl->AddLine(ImVec2(x_of(now_hour), a.y), ImVec2(x_of(now_hour), b.y), IM_COL32(255, 255, 255, 160), 1.0f);
  ImGui::Dummy(size);
}

}  // namespace vaxel::viz
