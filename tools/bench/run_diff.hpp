// Comparing two benchmark outputs (vtql bench JSON, or Google Benchmark JSON) and flagging changes beyond noise.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vtql/status.hpp"

namespace vtql::bench {

enum class Verdict : std::uint8_t { kSame, kBetter, kWorse };

struct MetricChange {
  std::string metric;  // "memory/contacts_list q/s", "BM_Parse/64 real_time"
  std::string unit;    // "q/s", "us", "ns"
  bool higher_is_better = false;
  double before = 0;
  double after = 0;
  double noise = 0;  // the two runs' spreads added, in the metric's unit; 0 when a run has one sample
  Verdict verdict = Verdict::kSame;

  double change() const noexcept { return before != 0 ? after / before - 1 : 0; }
};

// Pairs the metrics the two documents share and judges each: a change counts when it is larger than `threshold`
// (a fraction: 0.05 is 5%) of the old value and larger than the noise. The noise of a vtql bench metric is half
// the range over its rounds (for single queries, half the interquartile range), of a Google Benchmark time the
// standard deviation of its repetitions; for each run, added.
Result<std::vector<MetricChange>> diff_runs(std::string_view before_json, std::string_view after_json,
                                            double threshold);

// A table of the changes, the flagged ones marked, and a last line counting them.
void print_diff(std::ostream& os, const std::vector<MetricChange>& changes, double threshold);

}  // namespace vtql::bench
