// Parallel replications in worker processes. SimGrid allows one engine per process, so every replication
// runs in a child process of its own, at most `jobs` at a time, and sends its result back through a pipe.
// Results are returned in job order, so what is computed from them does not depend on `jobs`.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace vaxel::sim {

/// Runs job(0) .. job(count - 1), each in a forked child, at most `jobs` at once. A job returns its result
/// as text. on_done(finished, count) is called in the parent after each job ends. Throws std::runtime_error
/// naming the job when one throws, exits non-zero or dies by a signal (after the others have finished).
[[nodiscard]] std::vector<std::string> run_in_workers(int count, int jobs, const std::function<std::string(int)>& job,
                                                      const std::function<void(int, int)>& on_done = {});

/// Number of cores this process may use (at least 1).
[[nodiscard]] int available_cores();

}  // namespace vaxel::sim
