// Implementation of the analytic queueing formulas (see erlang.hpp). The closed forms (Erlang B, C, A) and the
// general birth-death solver are computed by different routes on purpose, so the tests can hold one against the
// other. Waiting times of callers who may hang up are not a single exponential: they are handled by following one
// "tagged" caller through the queue, a small pure-death chain solved by uniformisation.
#include "sim/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vaxel::analytic {
namespace {

// Beyond this many states a solve would need hundreds of megabytes: the load is then too close to capacity for
// an exact answer to mean anything, and we say so instead.
constexpr std::size_t kMaxStates = 5'000'000;
// Places x uniformisation steps actually taken when following a tagged caller (follow_tagged_caller): about a
// second.
constexpr double kMaxTaggedCallerWork = 1e9;

template <typename... Parts>
std::string message(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}

void validate_operators(int operators) {
  require(operators >= 1, message("operators must be at least 1 (got ", operators, ")"));
}

void validate_traffic(const Traffic& traffic) {
  require(
      std::isfinite(traffic.arrivals_per_second) && traffic.arrivals_per_second > 0,
      message("arrival rate must be a positive number of calls per second (got ", traffic.arrivals_per_second, ")"));
  require(std::isfinite(traffic.mean_handle_time_s) && traffic.mean_handle_time_s > 0,
          message("mean handle time must be a positive number of seconds (got ", traffic.mean_handle_time_s, ")"));
}

void validate_patience(double mean_patience_s) {
  require(!std::isnan(mean_patience_s) && mean_patience_s > 0,
          message("mean patience must be a positive number of seconds, or infinite (got ", mean_patience_s, ")"));
}

void validate_sl_seconds(double sl_seconds) {
  require(std::isfinite(sl_seconds) && sl_seconds >= 0,
          message("service-level threshold must be zero or more seconds (got ", sl_seconds, ")"));
}

void validate_model(const QueueModel& model) {
  validate_operators(model.operators);
  validate_traffic(model.traffic);
  validate_patience(model.mean_patience_s);
  if (model.lines) {
    require(*model.lines >= model.operators,
            message("trunk lines (", *model.lines, ") must be at least the number of operators (", model.operators,
                    "): an operator without a line cannot take a call"));
    require(static_cast<std::size_t>(*model.lines) < kMaxStates,
            message("trunk lines (", *model.lines, ") too many to solve exactly; leave lines unlimited instead"));
  }
}

// log(exp(a) + exp(b)) without overflow.
double log_add(double a, double b) {
  if (a == -INFINITY) return b;
  if (b == -INFINITY) return a;
  const double hi = std::max(a, b);
  return hi + std::log1p(std::exp(std::min(a, b) - hi));
}

// Where an unbounded queue may be cut: the tail after a term of log size log_term, when every later ratio of
// consecutive terms is at most q < 1, is at most term * q / (1 - q). Returns that bound relative to the sum.
double tail_bound(double log_term, double log_sum, double q) {
  if (q >= 1) return INFINITY;
  return std::exp(log_term + std::log(q) - std::log1p(-q) - log_sum);
}

QueueMetrics unstable_metrics(int operators, double load, double sl_seconds) {
  QueueMetrics m;
  m.operators = operators;
  m.offered_load_erlangs = load;
  m.sl_seconds = sl_seconds;
  m.stable = false;
  m.p_wait = 1;
  m.p_answered = 1;
  m.mean_wait_s = m.mean_wait_answered_s = m.mean_queue_length = INFINITY;
  m.occupancy = 1;
  return m;
}

// What happens to callers who join the queue, as fractions of all offered calls.
struct QueueOutcome {
  double answered = 0;         // joined the queue and were answered
  double answered_within = 0;  // ... and waited at most T
  double answered_wait = 0;    // sum over answered callers of their wait, per offered call [s]
  double abandoned = 0;        // joined the queue and hung up
};

// Follows one tagged caller who joins the queue with k callers ahead (FCFS). The k ahead leave at rate
// c*mu + k*gamma (service completions take the head, anyone ahead may hang up) and the caller hangs up at gamma,
// so from k callers ahead the caller is answered with probability c*mu / (c*mu + (k+1)*gamma) (the stage
// probabilities telescope), and if answered the wait is hypoexponential with rates c*mu + i*gamma, i = 1..k+1.
// The closed-form hypoexponential CDF cancels catastrophically when gamma << c*mu, so P(answered within T) is
// taken by uniformisation instead: exact up to a Poisson tail below 1e-20, all terms positive.
// joins[k] is the fraction of offered calls that join with k callers ahead.
QueueOutcome follow_tagged_caller(const std::vector<double>& joins, double c_mu, double gamma, double sl_seconds) {
  QueueOutcome out;
  double mean_wait_if_answered = 0;  // sum of 1 / (c*mu + i*gamma), i = 1..k+1
  for (std::size_t k = 0; k < joins.size(); ++k) {
    const double leave_rate = c_mu + static_cast<double>(k + 1) * gamma;
    mean_wait_if_answered += 1 / leave_rate;
    const double p_answered = c_mu / leave_rate;
    out.answered += joins[k] * p_answered;
    out.abandoned += joins[k] * (static_cast<double>(k + 1) * gamma / leave_rate);  // 1 - p_answered, no cancelling
    out.answered_wait += joins[k] * p_answered * mean_wait_if_answered;
  }
  if (joins.empty() || sl_seconds == 0) return out;  // nobody who waits is answered within 0 s

  // Callers who join deeper than the last place with non-negligible mass cannot change the service level, and a
  // caller's progress never depends on the places behind it, so the chain ends there. Without this a long
  // truncated tail (thousands of trunk lines, mostly empty) set a huge uniform rate and the loop below ran for
  // hours.
  const double total_mass = std::max(out.answered + out.abandoned, 1e-300);
  std::size_t deepest = joins.size() - 1;
  for (double tail = 0; deepest > 0 && tail + joins[deepest] <= 1e-18 * total_mass; --deepest)
    tail += joins[deepest];
  const double uniform_rate = c_mu + static_cast<double>(deepest + 1) * gamma;  // >= every state's exit rate
  const double mean_jumps = uniform_rate * sl_seconds;
  const auto max_jumps = static_cast<std::size_t>(std::ceil(mean_jumps + 12 * std::sqrt(mean_jumps) + 40));
  // A caller with k ahead needs k+1 jumps to be answered, so deeper states cannot matter within max_jumps.
  std::vector<double> ahead(joins.begin(),
                            joins.begin() + static_cast<std::ptrdiff_t>(std::min(deepest, max_jumps)) + 1);

  double answered_by_now = 0, weight_so_far = 0;
  const double negligible = 1e-18 * std::max(out.answered + out.abandoned, 1e-300);
  double work = 0;
  for (std::size_t n = 0; n <= max_jumps; ++n) {
    // Each step costs the places still followed. Beyond about a second of them the load is far past anything
    // operators could answer (a billion calls an hour with 10 s of patience: 2.8 million places, 5.6 million
    // steps, hours of work): say so instead.
    work += static_cast<double>(ahead.size());
    if (work > kMaxTaggedCallerWork)
      throw std::domain_error(message("too many callers waiting (", ahead.size(), " places, up to ", max_jumps,
                                      " steps within the service-level threshold) to follow one through the "
                                      "queue; the load is far beyond what the operators can answer"));
    // Poisson weight of exactly n jumps by time T, in log space so that long horizons do not underflow.
    const double weight =
        std::exp(-mean_jumps + static_cast<double>(n) * std::log(mean_jumps) - std::lgamma(static_cast<double>(n) + 1));
    out.answered_within += weight * answered_by_now;
    weight_so_far += weight;

    answered_by_now += ahead[0] * c_mu / uniform_rate;
    double still_waiting = 0;
    for (std::size_t k = 0; k < ahead.size(); ++k) {
      const double stay = static_cast<double>(deepest - k) * gamma / uniform_rate;  // exact, no 1 - x
      const double from_behind =
          k + 1 < ahead.size() ? ahead[k + 1] * (c_mu + static_cast<double>(k + 1) * gamma) / uniform_rate : 0;
      ahead[k] = ahead[k] * stay + from_behind;
      still_waiting += ahead[k];
    }
    if (still_waiting < negligible) {  // everyone has left: later terms only add the remaining Poisson weight
      const double later_weight = std::max(0.0, 1 - weight_so_far);
      out.answered_within += later_weight * answered_by_now;
      break;
    }
  }
  return out;
}

// Fills the metrics that follow from how calls end, given the share answered at once (no wait).
void fill_outcomes(QueueMetrics& m, double p_no_wait, const QueueOutcome& queued, double p_blocked) {
  m.p_blocked = p_blocked;
  m.p_answered = p_no_wait + queued.answered;
  m.mean_wait_answered_s = m.p_answered > 0 ? queued.answered_wait / m.p_answered : 0;
  const double answered_within = p_no_wait + queued.answered_within;
  m.service_level_offered = answered_within;
  m.service_level_accepted = p_blocked < 1 ? answered_within / (1 - p_blocked) : 0;
  m.service_level_answered = m.p_answered > 0 ? std::min(1.0, answered_within / m.p_answered) : 0;
}

}  // namespace

Traffic Traffic::per_hour(double arrivals_per_hour, double mean_handle_time_s) {
  return Traffic{arrivals_per_hour / 3600.0, mean_handle_time_s};
}

double QueueMetrics::service_level(ServiceLevelBasis basis) const {
  switch (basis) {
    case ServiceLevelBasis::offered:
      return service_level_offered;
    case ServiceLevelBasis::accepted:
      return service_level_accepted;
    case ServiceLevelBasis::answered:
      return service_level_answered;
  }
  return service_level_offered;
}

double erlang_b(int lines, double offered_load_erlangs) {
  require(lines >= 0, message("lines must be zero or more (got ", lines, ")"));
  require(std::isfinite(offered_load_erlangs) && offered_load_erlangs >= 0,
          message("offered load must be zero or more erlangs (got ", offered_load_erlangs, ")"));
  double blocking = 1;
  for (int n = 1; n <= lines; ++n) {
    blocking = offered_load_erlangs * blocking / (n + offered_load_erlangs * blocking);
  }
  return blocking;
}

double erlang_c_wait_probability(int operators, double offered_load_erlangs) {
  validate_operators(operators);
  const double b = erlang_b(operators, offered_load_erlangs);
  if (offered_load_erlangs >= operators) return 1;
  return operators * b / (operators - offered_load_erlangs * (1 - b));
}

QueueMetrics erlang_c(int operators, const Traffic& traffic, double sl_seconds) {
  validate_operators(operators);
  validate_traffic(traffic);
  validate_sl_seconds(sl_seconds);
  const double load = traffic.offered_load_erlangs();
  if (load >= operators) return unstable_metrics(operators, load, sl_seconds);

  QueueMetrics m;
  m.operators = operators;
  m.offered_load_erlangs = load;
  m.sl_seconds = sl_seconds;
  const double spare = operators - load;  // c - A > 0
  m.p_wait = erlang_c_wait_probability(operators, load);
  m.p_answered = 1;
  // The wait of those who wait is exponential with rate c*mu - lambda = (c - A) / handle time.
  m.mean_wait_s = m.mean_wait_answered_s = m.p_wait * traffic.mean_handle_time_s / spare;
  m.mean_queue_length = m.p_wait * load / spare;
  m.occupancy = load / operators;
  m.service_level_offered = 1 - m.p_wait * std::exp(-spare * sl_seconds / traffic.mean_handle_time_s);
  m.service_level_accepted = m.service_level_answered = m.service_level_offered;
  return m;
}

QueueMetrics erlang_a(int operators, const Traffic& traffic, double mean_patience_s, double sl_seconds) {
  validate_operators(operators);
  validate_traffic(traffic);
  validate_patience(mean_patience_s);
  validate_sl_seconds(sl_seconds);
  if (std::isinf(mean_patience_s)) return erlang_c(operators, traffic, sl_seconds);

  const double lambda = traffic.arrivals_per_second;
  const double c_mu = operators / traffic.mean_handle_time_s;
  const double gamma = 1 / mean_patience_s;
  const double load = traffic.offered_load_erlangs();

  // Series A(x, y) = sum_j y^j / prod_{k=1..j} (x + k), x = c*mu/gamma, y = lambda/gamma: term j is
  // P(j waiting) / P(c in system). Kept as logs because it peaks near e^(lambda/gamma) when overloaded.
  std::vector<double> log_terms{0.0};
  double log_series = 0;
  for (;;) {
    const std::size_t j = log_terms.size();  // next term's index
    const double q = lambda / (c_mu + static_cast<double>(j) * gamma);
    if (tail_bound(log_terms.back(), log_series, q) <= kTailMass) break;
    if (log_terms.size() >= kMaxStates) throw std::domain_error("Erlang A: queue too long to sum");
    log_terms.push_back(log_terms.back() + std::log(q));
    log_series = log_add(log_series, log_terms.back());
  }

  // P(c in system) = E / (1 + (A(x,y) - 1) E) with E the Erlang B value, taken as 1 / ((1-E)/E + A(x,y)).
  const double e = erlang_b(operators, load);
  const double log_idle_part = e > 0 ? std::log1p(-e) - std::log(e) : INFINITY;  // sum_{n<c} P(n) / P(c)
  const double log_p_c = -log_add(log_idle_part, log_series);

  QueueMetrics m;
  m.operators = operators;
  m.offered_load_erlangs = load;
  m.sl_seconds = sl_seconds;
  m.p_wait = std::exp(log_p_c + log_series);
  const double p_no_wait = std::exp(log_p_c + log_idle_part);

  std::vector<double> joins(log_terms.size());
  double waiting_sum = 0, series_minus_one = 0;
  for (std::size_t j = 0; j < log_terms.size(); ++j) {
    joins[j] = std::exp(log_p_c + log_terms[j]);
    waiting_sum += static_cast<double>(j) * joins[j];
    if (j > 0) series_minus_one += std::exp(log_terms[j] - log_series);  // (A - 1) / A
  }
  // P(abandon) = P(wait) * (1 - (A - 1) / (rho A)), rho = lambda / (c mu): from flow balance over the queue.
  const double rho = lambda / c_mu;
  m.p_abandon = m.p_wait * std::max(0.0, 1 - series_minus_one / rho);
  m.mean_queue_length = waiting_sum;
  m.mean_wait_s = waiting_sum / lambda;  // Little's law; equals P(abandon) / gamma
  m.occupancy = load * (1 - m.p_abandon) / operators;
  m.truncated_tail = kTailMass;

  fill_outcomes(m, p_no_wait, follow_tagged_caller(joins, c_mu, gamma, sl_seconds), 0);
  return m;
}

Eigen::VectorXd birth_death_stationary(const Eigen::VectorXd& birth, const Eigen::VectorXd& death) {
  require(birth.size() == death.size(), "birth-death chain: birth and death rate vectors differ in length");
  require((birth.array() > 0).all() && (death.array() > 0).all() && birth.allFinite() && death.allFinite(),
          "birth-death chain: every rate must be positive and finite");
  // Detailed balance: pi(i+1) / pi(i) = birth(i) / death(i).
  Eigen::VectorXd log_pi(birth.size() + 1);
  log_pi(0) = 0;
  for (Eigen::Index i = 0; i < birth.size(); ++i)
    log_pi(i + 1) = log_pi(i) + std::log(birth(i)) - std::log(death(i));
  Eigen::VectorXd pi = (log_pi.array() - log_pi.maxCoeff()).exp().matrix();
  return pi / pi.sum();
}

Eigen::MatrixXd birth_death_generator(const Eigen::VectorXd& birth, const Eigen::VectorXd& death) {
  require(birth.size() == death.size(), "birth-death chain: birth and death rate vectors differ in length");
  const Eigen::Index n = birth.size() + 1;
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i + 1 < n; ++i) {
    q(i, i + 1) = birth(i);
    q(i + 1, i) = death(i);
  }
  q.diagonal() = -q.rowwise().sum();
  return q;
}

Eigen::VectorXd ctmc_stationary(const Eigen::MatrixXd& generator) {
  require(generator.rows() == generator.cols() && generator.rows() > 0, "CTMC generator must be square, non-empty");
  const Eigen::Index n = generator.rows();
  // pi Q = 0 has rank n-1; one balance equation is replaced by the normalisation sum(pi) = 1.
  Eigen::MatrixXd system = generator.transpose();
  system.row(n - 1).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
  rhs(n - 1) = 1;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
  if (!lu.isInvertible()) throw std::invalid_argument("CTMC generator is reducible: no unique stationary distribution");
  return lu.solve(rhs);
}

QueueMetrics solve_queue(const QueueModel& model, double sl_seconds) {
  validate_model(model);
  validate_sl_seconds(sl_seconds);
  const int c = model.operators;
  const double lambda = model.traffic.arrivals_per_second;
  const double mu = 1 / model.traffic.mean_handle_time_s;
  const double gamma = std::isinf(model.mean_patience_s) ? 0 : 1 / model.mean_patience_s;
  const double load = model.traffic.offered_load_erlangs();
  if (!model.lines && gamma == 0 && load >= c) return unstable_metrics(c, load, sl_seconds);

  // Rate n -> n-1: busy operators finish, waiting callers hang up.
  const auto death_rate = [&](std::size_t n) {
    const double busy = static_cast<double>(std::min<std::size_t>(n, static_cast<std::size_t>(c)));
    const double waiting = static_cast<double>(n > static_cast<std::size_t>(c) ? n - static_cast<std::size_t>(c) : 0);
    return busy * mu + waiting * gamma;
  };

  // The last state: the line count, or for unlimited lines where the tail mass drops below kTailMass. Past c the
  // ratio lambda / death_rate never grows, which is what makes the tail bound valid.
  std::size_t last = 0;
  double truncated_tail = 0;
  if (model.lines) {
    last = static_cast<std::size_t>(*model.lines);
  } else {
    double log_term = 0, log_sum = 0;
    for (std::size_t n = 1;; ++n) {
      log_term += std::log(lambda / death_rate(n));
      log_sum = log_add(log_sum, log_term);
      if (n < static_cast<std::size_t>(c)) continue;
      const double tail = tail_bound(log_term, log_sum, lambda / death_rate(n + 1));
      if (tail <= kTailMass) {
        last = n;
        truncated_tail = tail;
        break;
      }
      if (n >= kMaxStates) {
        throw std::domain_error(message("queue too long to solve: offered load ", load, " erlangs is too close to ", c,
                                        " operators with patient callers; give a patience or a line count"));
      }
    }
  }

  Eigen::VectorXd birth = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(last), lambda);
  Eigen::VectorXd death(static_cast<Eigen::Index>(last));
  for (std::size_t i = 0; i < last; ++i)
    death(static_cast<Eigen::Index>(i)) = death_rate(i + 1);
  const Eigen::VectorXd pi = birth_death_stationary(birth, death);

  QueueMetrics m;
  m.operators = c;
  m.offered_load_erlangs = load;
  m.sl_seconds = sl_seconds;
  m.states = last + 1;
  m.truncated_tail = truncated_tail;

  // PASTA: an arrival sees the time-stationary distribution. It is blocked in state K, answered at once below c,
  // and otherwise joins the queue behind n - c callers.
  const auto cs = static_cast<Eigen::Index>(c);
  const double p_blocked = model.lines ? pi(static_cast<Eigen::Index>(last)) : 0;
  const double p_no_wait = pi.head(cs).sum();
  const Eigen::Index last_joinable =
      model.lines ? static_cast<Eigen::Index>(last) - 1 : static_cast<Eigen::Index>(last);
  std::vector<double> joins;
  for (Eigen::Index n = cs; n <= last_joinable; ++n)
    joins.push_back(pi(n));

  double queue_length = 0, busy = 0;
  for (Eigen::Index n = 0; n < pi.size(); ++n) {
    queue_length += static_cast<double>(std::max<Eigen::Index>(n - cs, 0)) * pi(n);
    busy += static_cast<double>(std::min(n, cs)) * pi(n);
  }

  const QueueOutcome queued = follow_tagged_caller(joins, c * mu, gamma, sl_seconds);
  for (double p : joins)
    m.p_wait += p;
  m.p_abandon = queued.abandoned;
  m.mean_queue_length = queue_length;
  m.mean_wait_s = queue_length / (lambda * (1 - p_blocked));  // Little's law over the calls that got a line
  m.occupancy = busy / c;
  fill_outcomes(m, p_no_wait, queued, p_blocked);
  m.state_probabilities = pi;
  return m;
}

std::optional<Staffing> find_min_operators(const QueueModel& model, const StaffingTarget& target) {
  require(target.service_level > 0 && target.service_level <= 1,
          message("service-level target must be in (0, 1] (got ", target.service_level, ")"));
  validate_sl_seconds(target.sl_seconds);
  require(target.max_abandon >= 0 && target.max_abandon <= 1,
          message("abandonment cap must be in [0, 1] (got ", target.max_abandon, ")"));
  require(target.max_operators >= 1, message("max operators must be at least 1 (got ", target.max_operators, ")"));
  QueueModel probe = model;
  probe.operators = 1;
  validate_traffic(probe.traffic);
  validate_patience(probe.mean_patience_s);

  const auto solve_with = [&](int operators) {
    probe.operators = operators;
    return solve_queue(probe, target.sl_seconds);
  };
  const auto meets = [&](const QueueMetrics& m) {
    return m.stable && m.service_level(target.basis) >= target.service_level - 1e-12 &&
           m.p_abandon <= target.max_abandon + 1e-15;
  };

  // Patient callers with unlimited lines need c > A before any metric is finite.
  int fewest = 1;
  if (!model.lines && std::isinf(model.mean_patience_s)) {
    fewest = static_cast<int>(std::min(std::floor(model.traffic.offered_load_erlangs()) + 1, 2e9));
  }
  const int most = model.lines ? std::min(*model.lines, target.max_operators) : target.max_operators;
  if (fewest > most) return std::nullopt;

  // Gallop up from the lower bound, then bisect between the last failure and the first success.
  int failing = fewest - 1, trial = fewest;
  long long step = 1;
  QueueMetrics best = solve_with(trial);
  while (!meets(best)) {
    if (trial == most) return std::nullopt;
    failing = trial;
    trial = static_cast<int>(std::min<long long>(most, trial + step));
    step *= 2;
    best = solve_with(trial);
  }
  while (failing + 1 < trial) {
    const int middle = failing + (trial - failing) / 2;
    QueueMetrics m = solve_with(middle);
    if (meets(m)) {
      trial = middle;
      best = std::move(m);
    } else {
      failing = middle;
    }
  }
  return Staffing{trial, std::move(best)};
}

}  // namespace vaxel::analytic
