// A progress line on stderr for long runs ("replications 3/10 ... ETA 12 s"), shown only when stderr is a
// terminal, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <string>

namespace vaxel::sim {

class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(int done, int total);

 private:
  std::string what_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace vaxel::sim
