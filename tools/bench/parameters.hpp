// Values for a workload's parameters drawn from a database, and query instances built from templates with them.
//
// Thread-safety: a ParameterValues is immutable once loaded; instantiate() may run on many threads, each with its
// own Rng.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/bench/workload.hpp"
#include "vtql/engine.hpp"

namespace vtql::bench {

// A small deterministic generator (splitmix64): the same seed gives the same draws on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // In [0, n), uniform but for a bias below n / 2^64. REQUIRES: n > 0
  std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }

 private:
  std::uint64_t state_;
};

// Seeds that differ in any input give unrelated streams.
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) noexcept;

// `value` as a VTQL string literal: quoted, with '' for a quote and MySQL's backslash escapes.
// REQUIRES: !value.empty() (VTQL has no empty string literal)
std::string quote_string(std::string_view value);
// `piece` as a LIKE pattern matching itself literally, with `%` before when `leading`, after when `trailing`,
// quoted as a string literal.
std::string quote_like(std::string_view piece, bool leading, bool trailing);

class ParameterValues {
 public:
  // Reads the values every parameter draws from: the non-null, non-empty values of its field over the live
  // records of `engine`'s database. Fails (with the span of the `param` line) on an unknown module or field, a
  // field without values, or when a template's instance does not check.
  static Result<ParameterValues> load(const Workload& workload, const Engine& engine);

  // The query of `query_template` with each parameter drawn from its values.
  std::string instantiate(const QueryTemplate& query_template, Rng& rng) const;
  // One parameter's value as a literal, for tests and for reports.
  std::string draw(std::size_t param, Rng& rng) const;
  std::size_t pool_size(std::size_t param) const { return pools_[param].values.size(); }

 private:
  struct Pool {
    ParamKind kind = ParamKind::kValue;
    bool bare = false;  // entity ids are written without quotes
    std::uint64_t length = 0;
    std::int64_t low = 0;
    std::int64_t high = 0;
    std::vector<std::string> values;
  };
  std::vector<Pool> pools_;
};

}  // namespace vtql::bench
