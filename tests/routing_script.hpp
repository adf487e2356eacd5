// Table-driven routing scripts: each row is a call (who dials what, the world around it), the events fed in
// order with the actions expected after each, and the outcome the errand ends with.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "tests/routing_fixture.hpp"

namespace vaxel::test {

struct ScriptStep {
  EventKind event;
  std::string expect;                   ///< summary() of the actions
  Option option = Option::Wait;         ///< for CallerChose
  RouteError error = RouteError::None;  ///< the error expected (then expect is "")
};

struct ScriptRow {
  const char* what;
  std::function<void(FakeWorld&, Policy&)> setup;
  CallStart start;
  std::vector<ScriptStep> steps;
  OutcomeReason outcome;
};

inline ScriptStep chose(Option o, std::string expect) {
  return ScriptStep{EventKind::CallerChose, std::move(expect), o};
}

inline ScriptStep refused(EventKind e, Option o, RouteError error) {
  return ScriptStep{e, "", o, error};
}

inline void run_rows(const std::vector<ScriptRow>& rows) {
  for (const ScriptRow& row : rows) {
    FakeWorld world;
    Policy policy;
    if (row.setup) row.setup(world, policy);
    Drive call(world, row.start, policy);
    for (std::size_t i = 0; i < row.steps.size(); ++i) {
      const ScriptStep& step = row.steps[i];
      const std::string got = call.feed(step.event, step.option);
      const std::string where =
          std::string(row.what) + ", step " + std::to_string(i + 1) + " (" + to_string(step.event) + ")";
      CHECK_MESSAGE(got == step.expect, where);
      CHECK_MESSAGE(call.last_error == step.error, where, ": ", std::string(describe(call.last_error)));
    }
    CHECK_MESSAGE(call.state.outcome.reason == row.outcome, std::string(row.what), ": outcome ",
                  std::string(to_string(call.state.outcome.reason)));
  }
}

inline CallStart person_call(EntryId entry, PersonId p) {
  return CallStart{entry, Intent::Person, p, {}};
}
inline CallStart unit_call(EntryId entry, UnitId u) {
  return CallStart{entry, Intent::Unit, {}, u};
}

}  // namespace vaxel::test
