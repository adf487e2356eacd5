// Draws the progress line with a carriage return and clears it when done.
#include "sim/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace vaxel::sim {

Progress::Progress(std::string what)
    : what_(std::move(what)), enabled_(::isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::update(int done, int total) {
  if (!enabled_ || total <= 0) return;
  constexpr int kWidth = 30;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int filled = done * kWidth / total;
  std::string eta = "";
  if (done > 0 && done < total) eta = fmt::format("  ETA {:.0f} s", elapsed / done * (total - done));
  fmt::print(stderr, "\r{} {}/{} [{}{}] {:.1f} s{}\033[K", what_, done, total, std::string(filled, '#'),
             std::string(kWidth - filled, '.'), elapsed, eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace vaxel::sim
