// Writing synthetic CDR rows. The generic format says everything calibration reads; the Asterisk rows follow
// cdr_csv's column order and conventions (dispositions, lastapp Queue / Dial / VoiceMail / Playback) and carry
// the finer facts in `userfield`, as a dialplan's Set(CDR(userfield)=...) would (docs/cdr.md).
#include "sim/cdr_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace vaxel::sim {

namespace routing = model::routing;

namespace {
/// Seconds with one decimal: handle times of a second or two keep their size (a log in whole seconds would
/// round many to 0, which no lognormal allows).
std::string seconds(double s) {
  return fmt::format("{:.1f}", std::max(0.0, s));
}
std::string asterisk_time(model::WallSeconds t) {
  std::string s = model::format_date_time(t);
  if (s.size() > 10) s[10] = ' ';
  return s;
}
}  // namespace

CdrWriter::CdrWriter(const std::string& path, cdr::Format format, const model::Scenario& scenario)
    : out_(path), format_(format), scenario_(scenario) {
  if (!out_) throw std::runtime_error(fmt::format("cannot write call detail records to {}", path));
  if (format_ == cdr::Format::Generic) {
    std::string header;
    for (const std::string& c : cdr::generic_columns())
      header += (header.empty() ? "" : ",") + c;
    out_ << header << "\n";
  }
}

void CdrWriter::on_step(std::uint64_t call, std::uint64_t /*errand*/, const routing::Event& event,
                        const routing::CallState& state, const routing::ActionList& actions) {
  Track& t = calls_[call];
  t.count_tasks = !t.segment_done;
  using routing::EventKind;
  if (t.awaiting_transfer &&
      (event.kind == EventKind::TargetAnswered || event.kind == EventKind::NoAnswer || event.kind == EventKind::Busy ||
       event.kind == EventKind::Unreachable || event.kind == EventKind::CallerHungUp)) {
    t.transfer_answered = event.kind == EventKind::TargetAnswered;
    t.awaiting_transfer = false;
  }
  if (event.kind == EventKind::OperatorAnswered && !t.operator_answered) {
    t.operator_answered = true;
    if (t.first_answer_s < 0.0) t.first_answer_s = event.t;
  }
  if (event.kind == EventKind::TargetAnswered && t.first_answer_s < 0.0) t.first_answer_s = event.t;
  for (const routing::Action& a : actions) {
    using routing::ActionKind;
    if (a.kind == ActionKind::Ring) {
      t.rung = a.person;
      if (state.ring_leg == routing::Leg::Operator) {
        if (!t.transfer.valid()) {
          t.transfer = a.person;
          t.awaiting_transfer = true;
        }
      } else {
        t.ring_direct = true;
      }
    }
    if (t.operator_answered &&
        (a.kind == ActionKind::Ring || a.kind == ActionKind::Enqueue || a.kind == ActionKind::Finish))
      t.segment_done = true;  // this step's tasks still count (count_tasks stays as set above)
    if ((a.kind == ActionKind::Voicemail ||
         (a.kind == ActionKind::PlayMessage && a.message == routing::MessageKind::Closed)) &&
        t.first_answer_s < 0.0)
      t.first_answer_s = event.t;  // the voicemail or the closed message picks up
  }
}

void CdrWriter::on_operator_task(std::uint64_t call, routing::OperatorTaskKind /*task*/, model::WallSeconds /*start_s*/,
                                 double busy_s) {
  auto it = calls_.find(call);
  if (it != calls_.end() && it->second.count_tasks) it->second.handle_s += busy_s;
}

std::string CdrWriter::extension(model::PersonId p) const {
  return p.valid() ? scenario_.directory.person(p).extension : std::string();
}

std::string CdrWriter::dialled(const CallSummary& call) const {
  const model::EntryNumber& e = scenario_.directory.entry(call.entry);
  if (e.kind != model::EntryKind::DirectDial) return e.number;
  if (!call.person.valid()) return e.number;
  const model::Person& p = scenario_.directory.person(call.person);
  return p.direct_dial.empty() ? p.extension : p.direct_dial;
}

void CdrWriter::on_call_end(const CallSummary& call) {
  const auto it = calls_.find(call.call);
  const Track t = it == calls_.end() ? Track{} : it->second;
  if (it != calls_.end()) calls_.erase(it);
  if (format_ == cdr::Format::Generic)
    write_generic(call, t);
  else
    write_asterisk(call, t);
}

void CdrWriter::write_generic(const CallSummary& call, const Track& t) {
  using R = routing::OutcomeReason;
  const R reason = call.outcome.reason;
  std::string answered_by;
  if (reason == R::TalkedToPerson || reason == R::TalkedToColleague)
    answered_by = extension(call.outcome.person);
  else if (reason == R::Voicemail)
    answered_by = "voicemail";
  else if (call.answered_by_operator)
    answered_by = "operator";
  out_ << fmt::format("{},{},{},{},{},{},{},{},{}\n", model::format_date_time(call.arrival_s),
                      cdr::synthetic_caller_id(call.errand), cdr::csv_field(dialled(call)),
                      call.queued ? seconds(call.wait_s) : "", answered_by, extension(t.transfer),
                      cdr::to_string(cdr::outcome_of(reason)), call.answered_by_operator ? seconds(t.handle_s) : "",
                      seconds(call.end_s - call.arrival_s));
}

void CdrWriter::write_asterisk(const CallSummary& call, const Track& t) {
  using R = routing::OutcomeReason;
  const R reason = call.outcome.reason;
  const cdr::Outcome outcome = cdr::outcome_of(reason);
  const std::string src = cdr::synthetic_caller_id(call.errand);
  std::string dstchannel, lastapp, lastdata;
  if (reason == R::TalkedToPerson || reason == R::TalkedToColleague)
    dstchannel = fmt::format("SIP/{}-{:08x}", extension(call.outcome.person), call.call);
  else if (call.answered_by_operator)
    dstchannel = fmt::format("SIP/operator-{:08x}", call.call);
  if (reason == R::Closed) {
    lastapp = "Playback";
    lastdata = "vaxel-closed";
  } else if (reason == R::Voicemail) {
    lastapp = "VoiceMail";
    lastdata = fmt::format("{}@default", extension(call.outcome.person));
  } else if (t.rung.valid() && (reason == R::TalkedToPerson || reason == R::TalkedToColleague || !call.queued)) {
    lastapp = "Dial";
    lastdata = fmt::format("SIP/{},{}", extension(t.rung), static_cast<int>(scenario_.policy.ring_timeout_s));
  } else if (call.queued) {
    lastapp = "Queue";
    lastdata = "vaxel";
  } else {
    lastapp = "Hangup";
  }
  // Dispositions as Asterisk sets them: the closed message and voicemail answer the call too.
  const char* disposition = "ANSWERED";
  const bool answered = t.first_answer_s >= 0.0;
  if (reason == R::Busy)
    disposition = "BUSY";
  else if (!answered)
    disposition = reason == R::Unanswered ? "FAILED" : "NO ANSWER";
  const double duration = call.end_s - call.arrival_s;
  const double billsec = answered ? call.end_s - t.first_answer_s : 0.0;
  std::string userfield = fmt::format("outcome={}", cdr::to_string(outcome));
  if (call.queued) userfield += ";wait_s=" + seconds(call.wait_s);
  if (call.answered_by_operator) userfield += ";handle_s=" + seconds(t.handle_s);
  if (t.transfer.valid()) userfield += ";transfer=" + extension(t.transfer);
  const std::array<std::string, 18> f = {"",
                                         src,
                                         dialled(call),
                                         call.queued ? "vaxel-queue" : "from-trunk",
                                         fmt::format("\"Caller\" <{}>", src),
                                         fmt::format("SIP/trunk-{:08x}", call.call),
                                         dstchannel,
                                         lastapp,
                                         lastdata,
                                         asterisk_time(call.arrival_s),
                                         answered ? asterisk_time(t.first_answer_s) : "",
                                         asterisk_time(call.end_s),
                                         fmt::format("{}", static_cast<long>(std::lround(duration))),
                                         fmt::format("{}", static_cast<long>(std::lround(billsec))),
                                         disposition,
                                         "DOCUMENTATION",
                                         fmt::format("{}.{}", static_cast<long long>(call.arrival_s), call.call),
                                         userfield};
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i) line += ',';
    line += cdr::csv_field(f[i], true);  // cdr_csv quotes every field
  }
  out_ << line << "\n";
}

}  // namespace vaxel::sim
