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

// A plot for gnuplot: its script and the data files the script reads. No text from the user is part of the script
// but the title, in single quotes (where gnuplot substitutes nothing) with its quotes doubled and its control
// characters dropped; labels travel in the data files, and the picture is drawn into a private directory and
// copied to its path, so that no file name or label can run commands through gnuplot.
struct Plot {
  std::string script;
  std::vector<std::pair<std::string, std::string>> files;  // file name -> contents
  bool svg = false;                                        // else PNG
};
// Throughput and latency percentiles per backend, for `path` (.png or .svg).
Plot workload_plot(const std::string& path, const std::string& title, const std::vector<BackendResult>& results);
// Each single query's median per backend.
Plot queries_plot(const std::string& path, const std::string& title, const std::vector<std::string>& labels,
                  const std::vector<std::vector<QueryTiming>>& timings);
// Runs gnuplot on `plot` and writes the picture to `path`. Fails with a clear message when gnuplot is not installed
// or fails.
Status draw_plot(const Plot& plot, const std::string& path);

// A latency in nanoseconds for people: 850ns, 41.2µs, 12.3ms, 1.23s.
std::string format_latency(std::uint64_t nanoseconds);

}  // namespace vtql::bench
