// Policy as data, end to end: each switch written in a scenario's `policy:` section (docs/scenario.md) is read
// by the loader and changes what the live adapter answers for the same input lines on the default
// municipality. routing_policy_test.cpp checks the router's side with hand-built policies; this file checks that
// a planner's YAML reaches it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/scenario_loader.hpp"
#include "sim/route_adapter.hpp"

using namespace vaxel::model;

namespace {

// The default scenario with `policy_yaml` (indented lines under `policy:`) as an overlay; empty = the baseline.
Scenario with_policy(const std::string& policy_yaml) {
  std::string yaml = "extends: sotenas.yaml\nname: policy-test\n";
  if (!policy_yaml.empty()) yaml += "policy:\n" + policy_yaml;
  return load_scenario_text(yaml, "policy-test.yaml", std::string(VAXEL_SOURCE_DIR) + "/scenarios");
}

// The adapter's answer to each line, in order.
std::vector<std::string> route(const Scenario& scenario, const std::vector<std::string>& lines) {
  vaxel::sim::RouteAdapter adapter(scenario);
  std::vector<std::string> out;
  long n = 0;
  for (const std::string& line : lines)
    out.push_back(adapter.handle_line(line, ++n));
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Eva Bergkvist (Bygglov, phone hour 09:00-10:00, voicemail, colleague Jonas Hedlund) rings out, and the call
// comes back to the operator.
const std::vector<std::string> kEvaRingsOut = {
    R"({"type":"call","call":"a","t":"2027-01-12T09:15:00","entry":"main","intent":"person","person":"Eva Bergkvist"})",
    R"({"type":"event","call":"a","t":"2027-01-12T09:15:30","event":"operator_answered"})",
    R"({"type":"event","call":"a","t":"2027-01-12T09:16:00","event":"no_answer"})",
    R"({"type":"event","call":"a","t":"2027-01-12T09:16:30","event":"operator_answered"})",
    R"({"type":"event","call":"a","t":"2027-01-12T09:17:00","event":"chose","option":"message"})",
};

// A question while every operator is busy, the queue holds two and the expected wait is two minutes.
const std::vector<std::string> kBusySwitchboard = {
    R"({"type":"switchboard","operators_free":0,"queue_length":2,"expected_wait_s":120})",
    R"({"type":"call","call":"q","t":"2027-01-12T09:15:00","entry":"main","intent":"question"})",
};

}  // namespace

TEST_CASE("policy ring_timeout_s from YAML: the rings carry the scenario's ring time") {
  CHECK(has(route(with_policy(""), kEvaRingsOut)[1], R"("timeout_s":25.0)"));
  const Scenario s = with_policy("  ring_timeout_s: 15\n");
  CHECK(s.policy.ring_timeout_s == 15.0);
  CHECK(has(route(s, kEvaRingsOut)[1], R"("timeout_s":15.0)"));
}

TEST_CASE("policy offer_order from YAML: T3a-T3c are offered in the scenario's order") {
  CHECK(has(route(with_policy(""), kEvaRingsOut)[3], R"("options":["colleague","message","voicemail"])"));
  const auto out = route(with_policy("  offer_order: [voicemail, message, return_time, colleague]\n"), kEvaRingsOut);
  CHECK(has(out[3], R"("options":["voicemail","message","colleague"])"));
  const auto no_colleague = route(with_policy("  offer_order: [message, voicemail]\n"), kEvaRingsOut);
  CHECK(has(no_colleague[3], R"("options":["message","voicemail"])"));  // T3a switched off
}

TEST_CASE("policy transfer_to_mobile from YAML: MO4 gives the number, MO4 off rings the mobile") {
  const std::vector<std::string> lines = {
      R"({"type":"presence","person":"Jonas Hedlund","state":"referral","reason":"business_trip","return":"2027-01-12T15:00"})",
      R"({"type":"call","call":"m","t":"2027-01-12T09:15:00","entry":"main","intent":"person","person":"Jonas Hedlund"})",
      R"({"type":"event","call":"m","t":"2027-01-12T09:15:30","event":"operator_answered"})",
  };
  CHECK(has(route(with_policy(""), lines)[2], R"({"action":"give_mobile","person":"Jonas Hedlund")"));
  const auto off = route(with_policy("  transfer_to_mobile: true\n"), lines);
  CHECK(has(off[2],
            R"({"action":"ring","person":"Jonas Hedlund","extension":"4411","timeout_s":25.0,"via_mobile":true})"));
}

TEST_CASE("policy callback_offer_wait_s from YAML: a long expected wait offers a callback") {
  CHECK(has(route(with_policy(""), kBusySwitchboard)[1], R"({"action":"enqueue","priority":false})"));
  const auto out = route(with_policy("  callback_offer_wait_s: 60\n"), kBusySwitchboard);
  CHECK(has(out[1], R"("message":"callback_offer")"));
  CHECK(has(out[1], R"({"action":"offer","options":["callback","wait"],"by":"recording"})"));
  CHECK(has(route(with_policy("  callback_offer_wait_s: 180\n"), kBusySwitchboard)[1], R"("action":"enqueue")"));
}

TEST_CASE("policy queue_capacity + overflow from YAML: a full queue gives busy (M1 reported) or a callback") {
  const auto busy = route(with_policy("  queue_capacity: 2\n"), kBusySwitchboard);
  CHECK(has(busy[1], R"("message":"queue_full")"));
  CHECK(has(busy[1], R"("reason":"busy","violates_m1":true)"));
  const auto callback = route(with_policy("  queue_capacity: 2\n  overflow: callback\n"), kBusySwitchboard);
  CHECK(has(callback[1], R"({"action":"order_callback")"));
  CHECK(has(callback[1], R"("reason":"callback_ordered","violates_m1":false)"));
  CHECK(has(route(with_policy("  queue_capacity: 3\n"), kBusySwitchboard)[1], R"("action":"enqueue")"));
}

TEST_CASE("policy outside_phone_hours from YAML (P4): tell the phone hours, or ring anyway") {
  const std::vector<std::string> lines = {
      R"({"type":"call","call":"u","t":"2027-01-12T13:15:00","entry":"main","intent":"unit","unit":"Bygglov"})",
      R"({"type":"event","call":"u","t":"2027-01-12T13:15:30","event":"operator_answered"})",
  };
  CHECK(has(route(with_policy(""), lines)[1],
            R"("options":["return_time","message"],"by":"operator","return_time":"2027-01-13T09:00:00")"));
  const auto anyway = route(with_policy("  outside_phone_hours: ring_anyway\n"), lines);
  CHECK(has(anyway[1], R"({"action":"ring","person":"Eva Bergkvist")"));
}

TEST_CASE("policy callback_promise_s and max_transfer_attempts from YAML (M3, T3a)") {
  CHECK(has(route(with_policy(""), kEvaRingsOut)[4], R"("callback_by":"2027-01-12T17:17:00")"));
  const auto soon = route(with_policy("  callback_promise_s: 3600\n"), kEvaRingsOut);
  CHECK(has(soon[4], R"("callback_by":"2027-01-12T10:17:00")"));
  const auto one = route(with_policy("  max_transfer_attempts: 1\n"), kEvaRingsOut);
  CHECK(has(one[3], R"("options":["message","voicemail"])"));  // the one transfer was Eva's own
}
