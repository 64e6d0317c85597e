// The reports of `vtql bench`: a table for people, JSON and CSV for machines, and a gnuplot chart.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/bench/runner.hpp"
#include "tools/bench/workload.hpp"
#include "vtql/status.hpp"

namespace vtql::bench {

// How the run was set up, echoed in every report.
struct RunInfo {
  std::uint64_t scale = 0;
  std::uint64_t seed = 0;
  unsigned threads = 1;
  unsigned rounds = 1;
  std::optional<std::uint64_t> count;
  double duration_seconds = 0;
  std::uint64_t warmup = 0;
  std::uint64_t runs = 0;  // queries mode
};

void print_workload_table(std::ostream& os, const RunInfo& info, const Workload& workload,
                          const std::vector<BackendResult>& results);
std::string workload_json(const RunInfo& info, const Workload& workload, const std::vector<BackendResult>& results);
void print_workload_csv(std::ostream& os, const Workload& workload, const std::vector<BackendResult>& results);

// `labels[i]` names timings[i].
void print_queries_table(std::ostream& os, const RunInfo& info, const std::vector<std::string>& labels,
                         const std::vector<std::vector<QueryTiming>>& timings);
std::string queries_json(const RunInfo& info, const std::vector<std::string>& labels,
                         const std::vector<std::vector<QueryTiming>>& timings);
void print_queries_csv(std::ostream& os, const std::vector<std::string>& labels,
                       const std::vector<std::vector<QueryTiming>>& timings);

// The gnuplot script that draws throughput and latency percentiles per backend into `path` (.png or .svg).
std::string workload_plot_script(const std::string& path, const std::string& title,
                                 const std::vector<BackendResult>& results);
// The script for single queries: each query's median per backend.
std::string queries_plot_script(const std::string& path, const std::string& title,
                                const std::vector<std::string>& labels,
                                const std::vector<std::vector<QueryTiming>>& timings);
// Runs gnuplot on `script`. Fails with a clear message when gnuplot is not installed or fails.
Status run_gnuplot(const std::string& script);

// A latency in nanoseconds for people: 850ns, 41.2µs, 12.3ms, 1.23s.
std::string format_latency(std::uint64_t nanoseconds);

}  // namespace vtql::bench
