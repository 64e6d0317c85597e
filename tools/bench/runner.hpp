// Running a workload with concurrent clients over one or more backends, and timing single queries.
//
// A run is cut into rounds; with several backends the rounds alternate (A B A B ...), so that drift in the
// machine's speed touches each alike. Each client thread draws its templates and parameters from its own seeded
// stream, the same streams for every backend, and times Engine::query (parse, check, plan and execute) into a
// histogram per template. Histograms count nanoseconds with three significant digits.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/bench/histogram.hpp"
#include "tools/bench/parameters.hpp"
#include "tools/bench/workload.hpp"
#include "vtql/engine.hpp"

namespace vtql::bench {

inline constexpr int kHistogramDigits = 3;

// One backend under test: a label for reports, its engine and the parameter values drawn from its data.
struct Target {
  std::string label;
  std::shared_ptr<const Engine> engine;
  ParameterValues values;
};

// What a template (or all of them) did in some span of the run.
struct Tally {
  Histogram latency{kHistogramDigits};
  std::uint64_t errors = 0;
  std::uint64_t rows = 0;
  std::string first_error;  // "CODE: message" of the first failed query, with the query

  std::uint64_t queries() const noexcept { return latency.count(); }
  void merge(const Tally& other);
};

struct RoundResult {
  double seconds = 0;
  Tally total;
  std::vector<Tally> templates;
};

struct BackendResult {
  std::string label;
  double seconds = 0;  // timed rounds only
  Tally total;
  std::vector<Tally> templates;  // in the workload's order
  std::vector<RoundResult> rounds;
};

struct Progress {
  std::string label;
  std::size_t round = 0;  // from 1
  std::size_t rounds = 0;
  double seconds = 0;         // into this round
  std::uint64_t queries = 0;  // in this round
  std::uint64_t errors = 0;
};

struct RunOptions {
  unsigned threads = 1;
  std::optional<std::uint64_t> count;                            // queries per backend over all rounds; else duration
  std::chrono::nanoseconds duration = std::chrono::seconds(10);  // per backend over all rounds
  unsigned rounds = 3;
  std::uint64_t warmup = 0;  // untimed queries per backend before its first round
  std::uint64_t seed = 1;
  std::function<void(const Progress&)> progress;  // called about 5 times a second from the calling thread
};

// Runs `workload` on each target. REQUIRES: !targets.empty(), options.threads >= 1, options.rounds >= 1
std::vector<BackendResult> run_workload(const Workload& workload, const std::vector<Target>& targets,
                                        const RunOptions& options);

// One query timed on its own.
struct QueryTiming {
  std::string query;
  std::size_t line = 0;  // in the input
  Histogram latency{kHistogramDigits};
  std::uint64_t rows = 0;  // of the last run
  std::optional<Error> error;
};

// Times each query `runs` times after `warmup` untimed runs, on each engine (alternating run by run).
// Returns one list per engine. A query that fails is run once and keeps its error.
std::vector<std::vector<QueryTiming>> time_queries(const std::vector<std::shared_ptr<const Engine>>& engines,
                                                   const std::vector<std::pair<std::string, std::size_t>>& queries,
                                                   std::uint64_t runs, std::uint64_t warmup,
                                                   const std::function<void(std::size_t done)>& progress);

}  // namespace vtql::bench
