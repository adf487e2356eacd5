// Random numbers for the simulator: counter-based streams, so every source of randomness (arrivals,
// patience, presence, handle times, choices, ...) in every replication has a stream of its own, and an
// errand's own draws do not shift when another scenario adds an operator. That is what makes two scenarios
// comparable with common random numbers (design.md). Our own generators, not <random>'s distributions, so
// results are the same with every standard library.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

namespace vaxel::sim {

/// The sources of randomness; each gets independent streams.
enum class Source : std::uint64_t {
  Arrivals = 1,
  Patience,
  Presence,
  Handling,
  Choices,
  Redial,
  Callback,
  Answer,
  Talk,
  ErrandDraws,  ///< an arrival slot's errand times and targets, apart from its count (see DemandModel)
};

/// SplitMix64's finaliser: a bijective mix, used to derive seeds.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// xoshiro256** (Blackman and Vigna): fast, small state, good statistical quality.
class Rng {
 public:
  /// The stream for (seed, replication, source, index); index separates e.g. errands or people.
  Rng(std::uint64_t seed, std::uint64_t replication, Source source, std::uint64_t index = 0) {
    std::uint64_t z = mix64(seed ^ mix64(replication ^ mix64(static_cast<std::uint64_t>(source) ^ mix64(index))));
    for (auto& s : s_) {
      z = mix64(z);
      s = z;
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in (0, 1]: safe under a logarithm.
  double uniform_open0() { return 1.0 - uniform(); }
  bool bernoulli(double p) { return uniform() < p; }
  double exponential(double mean) { return -mean * std::log(uniform_open0()); }
  /// Standard normal by Box-Muller (one of the pair is dropped: simpler, and the streams are cheap).
  double normal() {
    constexpr double kTwoPi = 6.283185307179586;
    return std::sqrt(-2.0 * std::log(uniform_open0())) * std::cos(kTwoPi * uniform());
  }
  /// Poisson count with the given mean (inversion for small means, normal-free PTRS-less split for large).
  std::uint64_t poisson(double mean);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

/// A stream seeded on first use, with the very draws Rng(seed, replication, source, index) gives. Seeding
/// costs eight mixes; an errand carries seven streams and most errands never draw from all of them.
class LazyRng {
 public:
  LazyRng() = default;
  LazyRng(std::uint64_t seed, std::uint64_t replication, Source source, std::uint64_t index)
      : seed_(seed), replication_(replication), index_(index), source_(source) {}

  Rng& get() {
    if (!rng_) rng_.emplace(seed_, replication_, source_, index_);
    return *rng_;
  }

 private:
  std::uint64_t seed_ = 0;
  std::uint64_t replication_ = 0;
  std::uint64_t index_ = 0;
  Source source_ = Source::Arrivals;
  std::optional<Rng> rng_;
};

inline std::uint64_t Rng::poisson(double mean) {
  // Large means are split into chunks of at most 500 so the product method never underflows; each chunk is
  // an independent Poisson, and their sum is Poisson(mean).
  std::uint64_t total = 0;
  while (mean > 0.0) {
    const double chunk = mean > 500.0 ? 500.0 : mean;
    mean -= chunk;
    const double limit = std::exp(-chunk);
    double product = uniform_open0();
    while (product > limit) {
      ++total;
      product *= uniform_open0();
    }
  }
  return total;
}

}  // namespace vaxel::sim
