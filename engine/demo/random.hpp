// The demo CRM's pseudo-random numbers: xoshiro256** seeded through splitmix64, with range mappings of its own.
//
// std::*_distribution is implementation-defined, so the same seed would give other data with another standard
// library; everything here is integer arithmetic with a fixed result on every platform.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace vtql::demo {

// One step of splitmix64: advances `state` and returns a well-mixed word.
inline std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A seed for the stream `salt` of `seed`: streams with different salts are unrelated, so each module and each
// record draws from its own stream and one's consumption never shifts another's values.
inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t salt) noexcept {
  std::uint64_t state = seed ^ (salt * 0xD1B54A32D192ED03ULL);
  splitmix64(state);
  return splitmix64(state);
}

// FNV-1a of a name: a salt that depends on the module's name, not on its position in the schema.
constexpr std::uint64_t hash_name(std::string_view name) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept {
    for (std::uint64_t& word : s_) word = splitmix64(seed);
  }

  std::uint64_t next() noexcept {
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

  // Uniform in [0, n); 0 when n is 0. Below 2^32 a multiply-shift of the high half (no division; its bias of at
  // most n / 2^32 is invisible in demo data), above it a modulo.
  std::uint64_t below(std::uint64_t n) noexcept {
    if (n == 0) return 0;
    if (n <= 0xFFFFFFFFULL) return ((next() >> 32) * n) >> 32;
    return next() % n;
  }

  // Uniform in [lo, hi]; lo when hi < lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability permille / 1000.
  bool chance(std::uint32_t permille) noexcept { return below(1000) < permille; }

  // An integer whose number of digits is uniform: each decade [10^k, 10^(k+1)) for lo_decade <= k <= hi_decade is
  // equally likely, so amounts spread over several orders of magnitude without floating point logarithms.
  std::int64_t log_spread(int lo_decade, int hi_decade) noexcept {
    const int decade = static_cast<int>(between(lo_decade, hi_decade));
    std::int64_t low = 1;
    for (int i = 0; i < decade; ++i) low *= 10;
    return between(decade == 0 ? 0 : low, low * 10 - 1);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// A uniformly chosen item of a non-empty pool.
template <typename T>
const T& pick(Rng& rng, std::span<const T> pool) {
  return pool[rng.below(pool.size())];
}

}  // namespace vtql::demo
