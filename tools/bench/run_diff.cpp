// Reading the metrics of two benchmark outputs, pairing them, and judging each change against noise.
#include "tools/bench/run_diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

namespace vtql::bench {
namespace {

using Json = nlohmann::json;

struct Metric {
  std::string name;
  std::string unit;
  bool higher_is_better = false;
  double value = 0;
  double spread = 0;
};

double number_or(const Json& j, const char* key, double fallback) {
  const auto found = j.find(key);
  return found != j.end() && found->is_number() ? found->get<double>() : fallback;
}

double half_range(const Json& rounds, const char* key) {
  if (!rounds.is_array() || rounds.size() < 2) return 0;
  double low = INFINITY;
  double high = -INFINITY;
  for (const Json& r : rounds) {
    const double v = number_or(r, key, NAN);
    if (std::isnan(v)) return 0;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  return (high - low) / 2;
}

void add_tally(std::vector<Metric>& out, const std::string& prefix, const Json& tally) {
  const Json& rounds = tally.contains("rounds") ? tally["rounds"] : Json();
  const Json& latency = tally.contains("latency_us") ? tally["latency_us"] : Json::object();
  out.push_back({prefix + " q/s", "q/s", true, number_or(tally, "qps", 0), half_range(rounds, "qps")});
  out.push_back({prefix + " p50", "us", false, number_or(latency, "p50", 0), half_range(rounds, "p50_us")});
  out.push_back({prefix + " p99", "us", false, number_or(latency, "p99", 0), half_range(rounds, "p99_us")});
}

Result<std::vector<Metric>> vtql_metrics(const Json& doc) {
  std::vector<Metric> out;
  if (!doc.contains("backends") || !doc["backends"].is_array()) {
    return Error::invalid_argument("a vtql bench document without \"backends\"");
  }
  const bool queries = doc.value("mode", "") == "queries";
  for (const Json& backend : doc["backends"]) {
    const std::string label = backend.value("backend", "?");
    if (queries) {
      if (!backend.contains("queries") || !backend["queries"].is_array()) continue;
      for (const Json& q : backend["queries"]) {
        if (!q["latency_us"].is_object()) continue;  // the query failed
        const Json& latency = q["latency_us"];
        const double iqr = number_or(latency, "p75", 0) - number_or(latency, "p25", 0);
        out.push_back({label + "/" + q.value("query", "?") + " p50", "us", false, number_or(latency, "p50", 0),
                       std::max(0.0, iqr / 2)});
      }
      continue;
    }
    add_tally(out, label + "/all", backend);
    if (!backend.contains("templates") || !backend["templates"].is_array()) continue;
    for (const Json& t : backend["templates"]) add_tally(out, label + "/" + t.value("name", "?"), t);
  }
  return out;
}

double nanoseconds_per(const std::string& unit) {
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return 1;
}

Result<std::vector<Metric>> google_metrics(const Json& doc) {
  struct Samples {
    std::vector<double> iterations;
    double mean = NAN;
    double stddev = NAN;
  };
  std::map<std::string, Samples> by_name;
  std::vector<std::string> order;
  for (const Json& b : doc["benchmarks"]) {
    if (!b.is_object()) continue;
    const double ns = number_or(b, "real_time", NAN) * nanoseconds_per(b.value("time_unit", "ns"));
    if (std::isnan(ns)) continue;
    const bool aggregate = b.value("run_type", "iteration") == "aggregate";
    const std::string name = aggregate ? b.value("run_name", b.value("name", "?")) : b.value("name", "?");
    if (!by_name.contains(name)) order.push_back(name);
    Samples& s = by_name[name];
    if (!aggregate) {
      s.iterations.push_back(ns);
    } else if (b.value("aggregate_name", "") == "mean") {
      s.mean = ns;
    } else if (b.value("aggregate_name", "") == "stddev") {
      s.stddev = ns;
    }
  }
  std::vector<Metric> out;
  for (const std::string& name : order) {
    const Samples& s = by_name[name];
    double mean = s.mean;
    double spread = std::isnan(s.stddev) ? 0 : s.stddev;
    if (std::isnan(mean)) {
      if (s.iterations.empty()) continue;
      double sum = 0;
      for (const double v : s.iterations) sum += v;
      mean = sum / static_cast<double>(s.iterations.size());
      if (s.iterations.size() > 1) {
        double squares = 0;
        for (const double v : s.iterations) squares += (v - mean) * (v - mean);
        spread = std::sqrt(squares / static_cast<double>(s.iterations.size() - 1));
      }
    }
    out.push_back({name + " real_time", "ns", false, mean, spread});
  }
  return out;
}

Result<std::vector<Metric>> metrics_of(std::string_view text, std::string_view which) {
  const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error::invalid_argument("the " + std::string(which) + " run is not a JSON object");
  }
  if (doc.contains("vtql_bench")) return vtql_metrics(doc);
  if (doc.contains("benchmarks") && doc["benchmarks"].is_array()) return google_metrics(doc);
  return Error::invalid_argument(
      "the " + std::string(which) + " run is neither vtql bench JSON nor Google Benchmark JSON", {},
      "make it with `vtql bench --format json` or `--benchmark_format=json`");
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string shown(double value) { return fixed(value, std::abs(value) >= 100 ? 1 : 3); }

}  // namespace

Result<std::vector<MetricChange>> diff_runs(std::string_view before_json, std::string_view after_json,
                                            double threshold) {
  auto before = metrics_of(before_json, "old");
  if (!before) return std::move(before).error();
  auto after = metrics_of(after_json, "new");
  if (!after) return std::move(after).error();
  std::map<std::string, const Metric*> after_by_name;
  for (const Metric& m : *after) after_by_name[m.name] = &m;
  std::vector<MetricChange> out;
  for (const Metric& b : *before) {
    const auto found = after_by_name.find(b.name);
    if (found == after_by_name.end()) continue;
    const Metric& a = *found->second;
    MetricChange change;
    change.metric = b.name;
    change.unit = b.unit;
    change.higher_is_better = b.higher_is_better;
    change.before = b.value;
    change.after = a.value;
    change.noise = b.spread + a.spread;
    const double delta = a.value - b.value;
    const bool beyond = b.value > 0 && std::abs(delta) > threshold * b.value && std::abs(delta) > change.noise;
    if (beyond) change.verdict = (delta > 0) == b.higher_is_better ? Verdict::kBetter : Verdict::kWorse;
    out.push_back(std::move(change));
  }
  if (out.empty()) {
    return Error::invalid_argument("the two runs share no metric to compare", {},
                                   "compare runs of the same workload (or the same benchmarks)");
  }
  return out;
}

void print_diff(std::ostream& os, const std::vector<MetricChange>& changes, double threshold) {
  std::vector<std::vector<std::string>> rows{{"metric", "old", "new", "change", "noise", "verdict"}};
  std::size_t better = 0;
  std::size_t worse = 0;
  for (const MetricChange& c : changes) {
    const std::string noise = c.before > 0 ? "±" + fixed(100 * c.noise / c.before, 1) + "%" : "-";
    const char* verdict = c.verdict == Verdict::kWorse ? "WORSE" : c.verdict == Verdict::kBetter ? "better" : "";
    better += c.verdict == Verdict::kBetter ? 1 : 0;
    worse += c.verdict == Verdict::kWorse ? 1 : 0;
    std::string name = c.metric;
    if (name.size() > 70) name = name.substr(0, 67) + "...";
    rows.push_back({c.unit == "q/s" ? name : name + " (" + c.unit + ")", shown(c.before), shown(c.after),
                    (c.change() >= 0 ? "+" : "") + fixed(100 * c.change(), 1) + "%", noise, verdict});
  }
  const auto width = [](const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
  };
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - width(row[i]), ' ');
      line += i == 0 ? row[i] + pad : i + 1 == row.size() ? "  " + row[i] : "  " + pad + row[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    os << line << "\n";
  }
  os << changes.size() << " metrics compared: " << worse << " worse, " << better << " better beyond "
     << fixed(100 * threshold, 1) << "% and the noise\n";
}

}  // namespace vtql::bench
