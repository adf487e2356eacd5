// Reading the calendar, switchboard, presence, callers, policy, targets and run sections of a scenario (the
// organisation and demand are in scenario_organisation.cpp). Key names: scenario_keys.hpp; docs/scenario.md.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/scenario_keys.hpp"
#include "model/scenario_sections.hpp"

namespace vaxel::model::yaml {

namespace k = keys;

namespace {

// Every plain number these sections read without a range of its own is a time in seconds (scenario_keys.hpp).
constexpr double kNoLimit = k::kMaxDurationS;

auto distribution(Ctx& ctx) {
  return [&ctx](const YNode& n, const std::string& path) { return read_distribution(ctx, n, path); };
}
auto probability(Ctx& ctx) {
  return [&ctx](const YNode& n, const std::string& path) { return read_probability(ctx, n, path); };
}
auto non_negative(Ctx& ctx) {
  return [&ctx](const YNode& n, const std::string& path) { return read_number_in(ctx, n, path, 0.0, kNoLimit); };
}
auto positive(Ctx& ctx) {
  return [&ctx](const YNode& n, const std::string& path) { return read_number_in(ctx, n, path, 1e-9, kNoLimit); };
}
auto integer(Ctx& ctx, long long lo, long long hi) {
  return [&ctx, lo, hi](const YNode& n, const std::string& path) -> std::optional<int> {
    if (auto v = read_integer(ctx, n, path, lo, hi)) return static_cast<int>(*v);
    return std::nullopt;
  };
}
auto boolean(Ctx& ctx) {
  return [&ctx](const YNode& n, const std::string& path) { return read_bool(ctx, n, path); };
}

/// A list section: reports anything else and calls `each` with the items.
template <class Each>
void for_each_item(Ctx& ctx, const YNode& n, const std::string& path, std::string_view expected, Each each) {
  if (!n.is_sequence()) {
    ctx.structure(n.pos, where(path) + "expected a list of " + std::string(expected) + ", got " + describe(n));
    return;
  }
  for (std::size_t i = 0; i < n.items.size(); ++i)
    each(n.items[i], path + "[" + std::to_string(i) + "]");
}

void read_role_presence(Ctx& ctx, const YNode* node, const std::string& path, RolePresence& out) {
  MapView m(
      ctx, node, path,
      {k::kMeeting, k::kOnCall, k::kOut, k::kAbsentDay, k::kAbsentDaySummer, k::kMeetingS, k::kOutS, k::kOtherCallS});
  read_into(m, k::kMeeting, out.meeting, probability(ctx));
  read_into(m, k::kOnCall, out.on_call, probability(ctx));
  read_into(m, k::kOut, out.out, probability(ctx));
  read_into(m, k::kAbsentDay, out.absent_day, probability(ctx));
  read_into(m, k::kAbsentDaySummer, out.absent_day_summer, probability(ctx));
  read_into(m, k::kMeetingS, out.meeting_s, distribution(ctx));
  read_into(m, k::kOutS, out.out_s, distribution(ctx));
  read_into(m, k::kOtherCallS, out.other_call_s, distribution(ctx));
  const double busy = out.meeting + out.on_call + out.out;
  if (m.node() != nullptr && busy > 1.0 + k::kSumTolerance)
    ctx.meaning(m.pos(), where(path) + fmt::format("meeting + on_call + out = {:g}, more than the whole day", busy));
}

void read_redial(Ctx& ctx, const MapView& parent, std::string_view key, RedialRule& out) {
  MapView m(ctx, parent.get(key), parent.path(key), {k::kProbability, k::kDelayS});
  read_into(m, k::kProbability, out.probability, probability(ctx));
  read_into(m, k::kDelayS, out.delay_s, distribution(ctx));
}

}  // namespace

bool check_sums_to_one(Ctx& ctx, double sum, const SourcePos& pos, std::string_view path) {
  if (std::abs(sum - 1.0) <= k::kSumTolerance) return true;
  ctx.meaning(pos, where(path) + fmt::format("shares add up to {:.6g}, not 1", sum));
  return false;
}

void read_calendar(Ctx& ctx, const YNode* node, CalendarSpec& out) {
  MapView m(ctx, node, std::string(k::kCalendar), {k::kClosures, k::kSummer});
  if (const YNode* c = m.get(k::kClosures)) {
    for_each_item(ctx, *c, m.path(k::kClosures), "{date, name}", [&](const YNode& item, const std::string& path) {
      MapView e(ctx, &item, path, {k::kDate, k::kName});
      const YNode* date_node = e.require(k::kDate);
      if (date_node == nullptr) return;
      const auto date = read_date(ctx, *date_node, e.path(k::kDate));
      std::string name = "Stängt";
      if (const YNode* n = e.get(k::kName))
        if (auto v = read_string(ctx, *n, e.path(k::kName))) name = *v;
      if (!date) return;
      for (const NamedDay& before : out.closures)
        if (before.date == *date)
          ctx.meaning(date_node->pos, where(path) + "closure " + format_date(*date) + " is given twice");
      out.closures.push_back({*date, name, DayKind::Closure});
    });
  }
  if (const YNode* s = m.get(k::kSummer)) {
    for_each_item(ctx, *s, m.path(k::kSummer), "{from, to}", [&](const YNode& item, const std::string& path) {
      MapView e(ctx, &item, path, {k::kFrom, k::kTo});
      const YNode* from = e.require(k::kFrom);
      const YNode* to = e.require(k::kTo);
      if (from == nullptr || to == nullptr) return;
      const auto first = read_date(ctx, *from, e.path(k::kFrom));
      const auto last = read_date(ctx, *to, e.path(k::kTo));
      if (!first || !last) return;
      if (*last < *first) {
        ctx.meaning(to->pos, where(path) + "summer period ends (" + format_date(*last) + ") before it starts (" +
                                 format_date(*first) + ")");
        return;
      }
      out.summer.push_back({*first, *last});
    });
  }
}

void read_switchboard(Ctx& ctx, const YNode* node, SwitchboardSpec& out) {
  MapView m(ctx, node, std::string(k::kSwitchboard), {k::kHours, k::kOperators, k::kTrunkLines, k::kHandleTimes});
  if (node == nullptr) {
    ctx.structure({0, 1, 1}, "missing required section 'switchboard' (hours and operators)");
    return;
  }
  if (const YNode* h = m.require(k::kHours))
    if (auto s = read_schedule(ctx, *h, m.path(k::kHours))) out.hours = *s;
  if (const YNode* ops = m.require(k::kOperators)) {
    const std::string path = m.path(k::kOperators);
    if (ops->is_sequence() && ops->items.empty())
      ctx.meaning(ops->pos, where(path) + "at least one operator is needed");
    if (ops->is_sequence() && ops->items.size() > static_cast<std::size_t>(k::kMaxOperators))
      ctx.meaning(ops->pos, where(path) + fmt::format("{} operators; at most {} are supported", ops->items.size(),
                                                      k::kMaxOperators));
    else
      for_each_item(ctx, *ops, path, "{name, shift}", [&](const YNode& item, const std::string& item_path) {
        MapView o(ctx, &item, item_path, {k::kName, k::kShift});
        OperatorSpec op;
        const YNode* name = o.require(k::kName);
        const YNode* shift = o.require(k::kShift);
        if (name != nullptr)
          if (auto v = read_string(ctx, *name, o.path(k::kName))) op.name = *v;
        if (shift != nullptr)
          if (auto s = read_schedule(ctx, *shift, o.path(k::kShift))) op.shift = *s;
        out.operators.push_back(std::move(op));
      });
  }
  read_into(m, k::kTrunkLines, out.trunk_lines, integer(ctx, 1, k::kMaxTrunkLines));
  MapView h(ctx, m.get(k::kHandleTimes), m.path(k::kHandleTimes),
            {k::kTransferS, k::kReferralS, k::kMessageS, k::kAnswerS, k::kInternationalS, k::kWrapUpS});
  read_into(h, k::kTransferS, out.handle.transfer_s, distribution(ctx));
  read_into(h, k::kReferralS, out.handle.referral_s, distribution(ctx));
  read_into(h, k::kMessageS, out.handle.message_s, distribution(ctx));
  read_into(h, k::kAnswerS, out.handle.answer_s, distribution(ctx));
  read_into(h, k::kInternationalS, out.handle.international_s, distribution(ctx));
  read_into(h, k::kWrapUpS, out.handle.wrap_up_s, distribution(ctx));
}

void read_presence(Ctx& ctx, const YNode* node, PresenceSpec& out) {
  MapView m(ctx, node, std::string(k::kPresence),
            {k::kWorkingHours, k::kStaff, k::kManager, k::kAnswerProbability, k::kReferralAccuracy,
             k::kVoicemailCheckIntervalS, k::kCallbackDelayS});
  if (const YNode* w = m.get(k::kWorkingHours))
    if (auto s = read_schedule(ctx, *w, m.path(k::kWorkingHours))) out.working_hours = *s;
  read_role_presence(ctx, m.get(k::kStaff), m.path(k::kStaff), out.staff);
  read_role_presence(ctx, m.get(k::kManager), m.path(k::kManager), out.manager);
  read_into(m, k::kAnswerProbability, out.answer_probability, probability(ctx));
  read_into(m, k::kReferralAccuracy, out.referral_accuracy, probability(ctx));
  read_into(m, k::kVoicemailCheckIntervalS, out.voicemail_check_interval_s, positive(ctx));
  read_into(m, k::kCallbackDelayS, out.callback_delay_s, distribution(ctx));
}

void read_callers(Ctx& ctx, const YNode* node, CallerSpec& out) {
  MapView m(ctx, node, std::string(k::kCallers),
            {k::kPatienceS, k::kAccept, k::kRedial, k::kMaxAttemptsPerDay, k::kNextDay});
  read_into(m, k::kPatienceS, out.patience_s, distribution(ctx));
  MapView a(ctx, m.get(k::kAccept), m.path(k::kAccept), {k::kColleague, k::kMessage, k::kVoicemail, k::kCallback});
  read_into(a, k::kColleague, out.accept_colleague, probability(ctx));
  read_into(a, k::kMessage, out.accept_message, probability(ctx));
  read_into(a, k::kVoicemail, out.accept_voicemail, probability(ctx));
  read_into(a, k::kCallback, out.accept_callback, probability(ctx));
  MapView r(ctx, m.get(k::kRedial), m.path(k::kRedial),
            {k::kAfterAbandon, k::kAfterNoAnswer, k::kAfterReferral, k::kAfterMobile, k::kAfterClosed, k::kAfterBusy,
             k::kAfterBrokenPromise});
  read_redial(ctx, r, k::kAfterAbandon, out.after_abandon);
  read_redial(ctx, r, k::kAfterNoAnswer, out.after_no_answer);
  read_redial(ctx, r, k::kAfterReferral, out.after_referral);
  read_redial(ctx, r, k::kAfterMobile, out.after_mobile);
  read_redial(ctx, r, k::kAfterClosed, out.after_closed);
  read_redial(ctx, r, k::kAfterBusy, out.after_busy);
  read_redial(ctx, r, k::kAfterBrokenPromise, out.after_broken_promise);
  read_into(m, k::kMaxAttemptsPerDay, out.max_attempts_per_day, integer(ctx, 1, 100));
  read_into(m, k::kNextDay, out.next_day, probability(ctx));
}

void read_policy(Ctx& ctx, const YNode* node, Policy& out) {
  MapView m(ctx, node, std::string(k::kPolicy),
            {k::kRingTimeoutS, k::kOfferOrder, k::kTransferToMobile, k::kCallbackOfferWaitS, k::kQueueCapacity,
             k::kOverflow, k::kOutsidePhoneHours, k::kCallbackPromiseS, k::kMaxTransferAttempts});
  read_into(m, k::kRingTimeoutS, out.ring_timeout_s, positive(ctx));
  if (const YNode* o = m.get(k::kOfferOrder)) {
    std::vector<OfferKind> order;
    bool ok = true;
    for_each_item(ctx, *o, m.path(k::kOfferOrder), "offers", [&](const YNode& item, const std::string& path) {
      const auto offer = read_choice<OfferKind>(ctx, item, path,
                                                {{"colleague", OfferKind::Colleague},     // T3a
                                                 {"return_time", OfferKind::ReturnTime},  // T3b
                                                 {"message", OfferKind::Message},         // T3c
                                                 {"voicemail", OfferKind::Voicemail}});   // T3c
      if (!offer) {
        ok = false;
      } else if (std::find(order.begin(), order.end(), *offer) != order.end()) {
        ctx.meaning(item.pos, where(path) + "'" + item.scalar + "' is offered twice");
        ok = false;
      } else {
        order.push_back(*offer);
      }
    });
    if (ok && o->is_sequence()) out.offer_order = order;
  }
  read_into(m, k::kTransferToMobile, out.transfer_to_mobile, boolean(ctx));  // MO4 says false
  if (const YNode* w = m.get(k::kCallbackOfferWaitS))
    out.callback_offer_wait_s = read_number_in(ctx, *w, m.path(k::kCallbackOfferWaitS), 0.0, kNoLimit);
  if (const YNode* q = m.get(k::kQueueCapacity))
    if (auto v = read_integer(ctx, *q, m.path(k::kQueueCapacity), 0, 1'000'000)) out.queue_capacity = *v;
  if (const YNode* o = m.get(k::kOverflow))
    if (auto v = read_choice<OverflowAction>(ctx, *o, m.path(k::kOverflow),
                                             {{"busy", OverflowAction::Busy}, {"callback", OverflowAction::Callback}}))
      out.overflow = *v;
  if (const YNode* o = m.get(k::kOutsidePhoneHours))
    if (auto v = read_choice<OutsidePhoneHours>(
            ctx, *o, m.path(k::kOutsidePhoneHours),
            {{"ring_anyway", OutsidePhoneHours::RingAnyway}, {"tell_phone_hours", OutsidePhoneHours::TellPhoneHours}}))
      out.outside_phone_hours = *v;
  read_into(m, k::kCallbackPromiseS, out.callback_promise_s, non_negative(ctx));
  read_into(m, k::kMaxTransferAttempts, out.max_transfer_attempts, integer(ctx, 0, 10));
}

void read_targets(Ctx& ctx, const YNode* node, std::vector<Target>& out) {
  if (node == nullptr || node->is_null()) return;
  std::vector<std::string_view> kpis(k::kKpiNames.begin(), k::kKpiNames.end());
  for_each_item(ctx, *node, std::string(k::kTargets), "targets such as 'abandoned <= 0.05'",
                [&](const YNode& item, const std::string& path) {
                  Target t;
                  const YNode* kpi_node = &item;
                  if (item.is_scalar()) {
                    // "one_call_resolution >= 0.9"
                    const std::string& text = item.scalar;
                    std::size_t at = text.find(">=");
                    t.op = Comparison::AtLeast;
                    if (at == std::string::npos) {
                      at = text.find("<=");
                      t.op = Comparison::AtMost;
                    }
                    auto trim = [](std::string s) {
                      s.erase(0, s.find_first_not_of(" \t"));
                      s.erase(s.find_last_not_of(" \t") + 1);
                      return s;
                    };
                    YNode value;
                    value.kind = YNode::Kind::Scalar;
                    value.pos = item.pos;
                    if (at != std::string::npos) {
                      t.kpi = trim(text.substr(0, at));
                      value.scalar = trim(text.substr(at + 2));
                    }
                    if (at == std::string::npos || t.kpi.empty() || value.scalar.empty()) {
                      ctx.structure(item.pos,
                                    where(path) + "expected 'KPI >= VALUE' or 'KPI <= VALUE', got " + describe(item));
                      return;
                    }
                    const auto v = read_number(ctx, value, path);
                    if (!v) return;
                    t.value = *v;
                  } else {
                    MapView m(ctx, &item, path, {k::kKpi, k::kOp, k::kValue});
                    const YNode* kpi = m.require(k::kKpi);
                    const YNode* op = m.require(k::kOp);
                    const YNode* value = m.require(k::kValue);
                    if (!m.valid() || kpi == nullptr || op == nullptr || value == nullptr) return;
                    const auto name = read_string(ctx, *kpi, m.path(k::kKpi));
                    const auto cmp = read_choice<Comparison>(ctx, *op, m.path(k::kOp),
                                                             {{">=", Comparison::AtLeast}, {"<=", Comparison::AtMost}});
                    const auto v = read_number(ctx, *value, m.path(k::kValue));
                    if (!name || !cmp || !v) return;
                    t.kpi = *name;
                    t.op = *cmp;
                    t.value = *v;
                    kpi_node = kpi;
                  }
                  if (std::find(kpis.begin(), kpis.end(), t.kpi) == kpis.end()) {
                    std::string message = where(path) + "unknown KPI '" + t.kpi + "'";
                    const std::string near = did_you_mean(t.kpi, kpis);
                    if (!near.empty()) message += "; did you mean '" + near + "'?";
                    ctx.meaning(kpi_node->pos, message);
                    return;
                  }
                  out.push_back(t);
                });
}

void read_run(Ctx& ctx, const YNode* node, RunSpec& out) {
  MapView m(ctx, node, std::string(k::kRun),
            {k::kStart, k::kDays, k::kWarmupDays, k::kReplications, k::kSeed, k::kServiceLevelS});
  read_into(m, k::kStart, out.start, [&](const YNode& n, const std::string& p) { return read_date(ctx, n, p); });
  read_into(m, k::kDays, out.days, integer(ctx, 1, k::kMaxDays));
  read_into(m, k::kWarmupDays, out.warmup_days, integer(ctx, 0, k::kMaxDays));
  read_into(m, k::kReplications, out.replications, integer(ctx, 1, k::kMaxReplications));
  if (const YNode* s = m.get(k::kSeed))
    if (auto v = read_integer(ctx, *s, m.path(k::kSeed), 0, std::numeric_limits<long long>::max()))
      out.seed = static_cast<std::uint64_t>(*v);
  read_into(m, k::kServiceLevelS, out.service_level_s, positive(ctx));
}

}  // namespace vaxel::model::yaml
