// Analytic queueing formulas for the switchboard: Erlang B (lost calls), Erlang C (M/M/c, callers wait forever),
// Erlang A (M/M/c+M, callers hang up after an exponential patience) and a general birth-death solver for
// M/M/c/K+M (operators, trunk lines and patience together), plus a staffing search. They give planners an
// instant first answer and give the simulator exact values to be validated against. Everything works in log
// space or by recursion, never with raw factorials, so 1,000 operators at a load near 1 are safe.
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <limits>
#include <optional>

namespace vaxel::analytic {

/// Mean patience that means "callers never hang up" (Erlang C, M/M/c/K).
inline constexpr double kNeverAbandon = std::numeric_limits<double>::infinity();

/// States whose probability mass is left out when the queue is unbounded: the truncated tail is below this.
inline constexpr double kTailMass = 1e-15;

/// Which calls a service level is counted over. Every basis has the same numerator, calls answered within T
/// seconds (including those answered at once); they differ in the denominator.
enum class ServiceLevelBasis {
  offered,   ///< over all offered calls: blocked and abandoned calls count as failures (the strictest)
  accepted,  ///< over calls that got a trunk line: abandoned calls count as failures, blocked ones are left out
  answered,  ///< over answered calls only: P(wait <= T | answered); blocked and abandoned calls are left out
};

/// Offered traffic: how often calls arrive and how long an operator is busy with each.
struct Traffic {
  double arrivals_per_second = 0;  ///< lambda: mean call arrival rate [calls/s], Poisson arrivals
  double mean_handle_time_s = 0;   ///< 1/mu: mean handle time (talk and wrap-up) [s], exponential

  /// Traffic from an hourly arrival rate [calls/h] and a mean handle time [s].
  static Traffic per_hour(double arrivals_per_hour, double mean_handle_time_s);
  /// A = lambda / mu [erlangs].
  double offered_load_erlangs() const { return arrivals_per_second * mean_handle_time_s; }
};

/// The M/M/c/K+M switchboard.
struct QueueModel {
  int operators = 1;                        ///< c: operators answering in parallel [count], >= 1
  Traffic traffic;                          ///< arrivals [calls/s] and handle time [s]
  double mean_patience_s = kNeverAbandon;   ///< theta: mean time a caller waits before hanging up [s]
  std::optional<int> lines = std::nullopt;  ///< K: trunk lines = calls in service plus waiting [count], >= c;
                                            ///< nullopt means unlimited
};

/// Every metric the formulas give. Probabilities named p_* are fractions of all offered calls.
struct QueueMetrics {
  int operators = 0;                    ///< c [count]
  double offered_load_erlangs = 0;      ///< A = lambda * handle time [erlangs]
  double sl_seconds = 0;                ///< T: the "answered within" threshold of the service levels [s]
  bool stable = true;                   ///< false when callers never hang up, lines are unlimited and A >= c:
                                        ///< the queue then grows without bound and waits are infinite
  double p_blocked = 0;                 ///< calls finding every trunk line busy [fraction of offered]
  double p_wait = 0;                    ///< calls that get a line but find every operator busy [fraction of offered]
  double p_abandon = 0;                 ///< calls that hang up while waiting [fraction of offered]
  double p_answered = 0;                ///< calls answered by an operator [fraction of offered]
  double mean_wait_s = 0;               ///< mean time in queue of calls that got a line, zero waits included;
                                        ///< abandoned calls count until they hang up [s]
  double mean_wait_answered_s = 0;      ///< mean time in queue of answered calls, zero waits included [s]
  double mean_queue_length = 0;         ///< mean number of callers waiting (not in service) [calls]
  double occupancy = 0;                 ///< mean share of operators busy with a call [fraction]
  double service_level_offered = 0;     ///< answered within T / offered calls [fraction]
  double service_level_accepted = 0;    ///< answered within T / calls that got a line [fraction]
  double service_level_answered = 0;    ///< answered within T / answered calls [fraction]
  std::size_t states = 0;               ///< states in the solved chain (0 for closed forms) [count]
  double truncated_tail = 0;            ///< bound on the probability mass left out by truncation [probability]
  Eigen::VectorXd state_probabilities;  ///< P(n calls in system), n = 0..states-1; empty for closed forms

  /// The service level over the chosen denominator [fraction].
  double service_level(ServiceLevelBasis basis) const;
};

/// Erlang B: probability that a call is lost with `lines` servers, no waiting room and `offered_load_erlangs`.
/// lines == 0 gives 1. Uses the recursion B(n) = A B(n-1) / (n + A B(n-1)), stable for any n.
double erlang_b(int lines, double offered_load_erlangs);

/// Erlang C: probability of waiting in M/M/c. Returns 1 when the load is at or above capacity (A >= c).
double erlang_c_wait_probability(int operators, double offered_load_erlangs);

/// Erlang C (M/M/c, callers never hang up, unlimited lines) in closed form; service level within `sl_seconds`.
QueueMetrics erlang_c(int operators, const Traffic& traffic, double sl_seconds);

/// Erlang A (M/M/c+M) from the Erlang B value and the incomplete-gamma series of Palm / Garnett-Mandelbaum-Reiman;
/// waiting-time distribution by uniformisation. Infinite patience gives erlang_c().
QueueMetrics erlang_a(int operators, const Traffic& traffic, double mean_patience_s, double sl_seconds);

/// General M/M/c/K+M: stationary distribution of the birth-death chain (log-space detailed balance into an Eigen
/// vector; unlimited lines are truncated where the tail mass is below kTailMass), waiting-time distribution of a
/// tagged caller by uniformisation. Erlang B, C and A are its special cases.
QueueMetrics solve_queue(const QueueModel& model, double sl_seconds);

/// Stationary distribution of a finite birth-death chain with states 0..n, where birth(i) is the rate i -> i+1
/// and death(i) the rate i+1 -> i (both of length n, all > 0). Detailed balance in log space: O(n), no overflow.
Eigen::VectorXd birth_death_stationary(const Eigen::VectorXd& birth, const Eigen::VectorXd& death);

/// Dense generator matrix Q of that chain (rows sum to 0). For checks on small chains.
Eigen::MatrixXd birth_death_generator(const Eigen::VectorXd& birth, const Eigen::VectorXd& death);

/// Stationary distribution of any irreducible finite CTMC by a dense solve of pi Q = 0, sum(pi) = 1.
/// O(n^3): meant for small chains and for checking the birth-death solver, not for 1,000 operators.
Eigen::VectorXd ctmc_stationary(const Eigen::MatrixXd& generator);

/// What the staffing search must meet.
struct StaffingTarget {
  double service_level = 0.8;                            ///< required service level [fraction], in (0, 1]
  double sl_seconds = 20;                                ///< T: answered within this [s]
  ServiceLevelBasis basis = ServiceLevelBasis::offered;  ///< denominator of the service level
  double max_abandon = 1;                                ///< cap on p_abandon [fraction]; 1 = no cap
  int max_operators = 100000;                            ///< give up beyond this [count]
};

/// The outcome of a staffing search.
struct Staffing {
  int operators = 0;     ///< fewest operators meeting the target [count]
  QueueMetrics metrics;  ///< the switchboard with that many operators
};

/// Fewest operators (model.operators is ignored) meeting the target, or nullopt when no count up to
/// max_operators (or up to the number of lines) meets it, e.g. because blocking alone breaks the target.
/// Relies on every metric improving as operators are added; galloping then bisection, O(log c) solves.
std::optional<Staffing> find_min_operators(const QueueModel& model, const StaffingTarget& target);

}  // namespace vaxel::analytic
