// Report writers for `vtql bench`: aligned tables, JSON, CSV, gnuplot scripts and running gnuplot.
#include "tools/bench/report.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace vtql::bench {
namespace {

using Json = nlohmann::ordered_json;

struct Percentile {
  const char* label;  // for tables, CSV headers and plots
  const char* key;    // for JSON
  double value;       // 100 means the maximum
};
constexpr Percentile kPercentiles[] = {
    {"p50", "p50", 50}, {"p90", "p90", 90}, {"p99", "p99", 99}, {"p99.9", "p99.9", 99.9}, {"max", "max", 100}};

std::uint64_t at(const Histogram& h, double percentile) {
  return percentile >= 100 ? h.max() : h.percentile(percentile);
}

double micros(std::uint64_t nanoseconds) { return static_cast<double>(nanoseconds) / 1000.0; }

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// 12,345.6: one decimal, thousands grouped.
std::string rate(double value) {
  if (!std::isfinite(value) || value < 0) return "-";
  const auto tenths = static_cast<std::uint64_t>(std::llround(value * 10));
  return grouped(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string ratio(double value) { return std::isfinite(value) ? fixed(value, 2) + "x" : "-"; }

// Columns of text with a rule under the header; align[i] == 'l' left-aligns column i, others are right-aligned.
class TextTable {
 public:
  TextTable(std::vector<std::string> header, std::string align) : align_(std::move(align)) {
    rows_.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& os) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
      if (widths.size() < row.size()) widths.resize(row.size(), 0);
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      std::string line;
      for (std::size_t i = 0; i < rows_[r].size(); ++i) {
        const std::string& cell = rows_[r][i];
        const std::string pad(widths[i] - display_width(cell), ' ');
        if (i > 0) line += "  ";
        line += i < align_.size() && align_[i] == 'l' ? cell + pad : pad + cell;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      os << line << "\n";
      if (r == 0) {
        std::string rule;
        for (std::size_t i = 0; i < widths.size(); ++i) rule += (i > 0 ? "  " : "") + std::string(widths[i], '-');
        os << rule << "\n";
      }
    }
  }

 private:
  std::string align_;
  std::vector<std::vector<std::string>> rows_;
};

double per_second(std::uint64_t n, double seconds) { return seconds > 0 ? static_cast<double>(n) / seconds : 0; }

std::string run_shape(const RunInfo& info) {
  std::string out = "scale " + grouped(info.scale) + ", seed " + std::to_string(info.seed) + ", " +
                    std::to_string(info.threads) + (info.threads == 1 ? " thread, " : " threads, ");
  out += std::to_string(info.rounds) + (info.rounds == 1 ? " round" : " rounds");
  out += info.count ? " over " + grouped(*info.count) + " queries" : " over " + fixed(info.duration_seconds, 1) + " s";
  return out + " per backend, " + grouped(info.warmup) + " warmup queries";
}

void add_latency_cells(std::vector<std::string>& row, const Histogram& h) {
  row.push_back(h.count() ? format_latency(static_cast<std::uint64_t>(std::llround(h.mean()))) : "-");
  for (const Percentile& p : kPercentiles) row.push_back(h.count() ? format_latency(at(h, p.value)) : "-");
}

Json latency_json(const Histogram& h) {
  Json out = Json::object();
  out["mean"] = std::round(h.mean()) / 1000.0;
  for (const Percentile& p : kPercentiles) out[p.key] = micros(at(h, p.value));
  return out;
}

// The spread of per-round throughput: (highest - lowest) / 2 relative to the mean, or 0 for one round.
double round_spread(const BackendResult& result) {
  if (result.rounds.size() < 2) return 0;
  double low = INFINITY;
  double high = 0;
  double sum = 0;
  for (const RoundResult& r : result.rounds) {
    const double qps = per_second(r.total.queries(), r.seconds);
    low = std::min(low, qps);
    high = std::max(high, qps);
    sum += qps;
  }
  const double mean = sum / static_cast<double>(result.rounds.size());
  return mean > 0 ? (high - low) / 2 / mean : 0;
}

// A title in single quotes, the one gnuplot string form with no backquote or macro substitution: quotes doubled,
// and control characters (a newline would end the command) written as spaces.
std::string gnuplot_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') out += '\'';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out + "'";
}

// Double-quoted, for labels in data files (which gnuplot reads as data, never as commands).
std::string data_quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out + "\"";
}

// The terminal and output of a plot: always `plot.svg` or `plot.png` in the plot's private directory.
std::string terminal_for(bool svg) {
  return svg ? "set terminal svg size 1200,520 noenhanced font 'sans,11' background '#ffffff'\nset output 'plot.svg'\n"
             : "set terminal pngcairo size 1200,520 noenhanced font 'sans,10'\nset output 'plot.png'\n";
}

std::string common_style() {
  return "set style data histograms\n"
         "set style histogram clustered gap 1\n"
         "set style fill solid 0.85 border -1\n"
         "set boxwidth 0.9\n"
         "set grid ytics\n"
         "set key top left\n";
}

}  // namespace

std::string format_latency(std::uint64_t ns) {
  const auto three = [](double v, const char* unit) {
    const int decimals = v < 10 ? 2 : v < 100 ? 1 : 0;
    return fixed(v, decimals) + unit;
  };
  if (ns < 1000) return std::to_string(ns) + "ns";
  if (ns < 1'000'000) return three(static_cast<double>(ns) / 1e3, "µs");
  if (ns < 1'000'000'000) return three(static_cast<double>(ns) / 1e6, "ms");
  return three(static_cast<double>(ns) / 1e9, "s");
}

void print_workload_table(std::ostream& os, const RunInfo& info, const Workload& workload,
                          const std::vector<BackendResult>& results) {
  os << "workload " << workload.name << " (" << workload.templates.size() << " templates): " << run_shape(info) << "\n";
  const double total_weight = static_cast<double>(workload.total_weight());
  for (const BackendResult& result : results) {
    const Tally& all = result.total;
    os << "\n"
       << result.label << ": " << grouped(all.queries()) << " queries in " << fixed(result.seconds, 2)
       << " s = " << rate(per_second(all.queries(), result.seconds)) << " q/s";
    if (result.rounds.size() > 1) os << " (rounds ±" << fixed(round_spread(result) * 100, 1) << "%)";
    os << ", " << grouped(all.rows) << " rows, " << grouped(all.errors) << (all.errors == 1 ? " error\n" : " errors\n");
    TextTable table(
        {"template", "weight", "queries", "q/s", "rows/q", "errors", "mean", "p50", "p90", "p99", "p99.9", "max"}, "l");
    auto row_of = [&](const std::string& name, std::string weight, const Tally& tally) {
      std::vector<std::string> row{
          name,
          std::move(weight),
          grouped(tally.queries()),
          rate(per_second(tally.queries(), result.seconds)),
          tally.queries() ? fixed(static_cast<double>(tally.rows) / static_cast<double>(tally.queries()), 1) : "-",
          grouped(tally.errors)};
      add_latency_cells(row, tally.latency);
      table.add(std::move(row));
    };
    for (std::size_t i = 0; i < workload.templates.size(); ++i) {
      const QueryTemplate& t = workload.templates[i];
      row_of(t.name, fixed(100.0 * t.weight / total_weight, 1) + "%", result.templates[i]);
    }
    row_of("all", "100%", all);
    table.print(os);
    for (std::size_t i = 0; i < workload.templates.size(); ++i) {
      const Tally& t = result.templates[i];
      if (t.errors > 0) {
        os << "  " << workload.templates[i].name << ": " << grouped(t.errors) << " failed; the first: " << t.first_error
           << "\n";
      }
    }
  }
  if (results.size() < 2) return;
  const BackendResult& base = results.front();
  os << "\nratios to " << base.label << " (q/s above 1 is faster; latency below 1 is faster)\n";
  TextTable table({"template", "backend", "q/s", "p50", "p90", "p99", "p99.9", "max"}, "ll");
  auto ratio_row = [&](const std::string& name, const BackendResult& other, const Tally& mine, const Tally& theirs) {
    std::vector<std::string> row{
        name, other.label,
        ratio(per_second(theirs.queries(), other.seconds) / per_second(mine.queries(), base.seconds))};
    for (const Percentile& p : kPercentiles) {
      row.push_back(
          ratio(static_cast<double>(at(theirs.latency, p.value)) / static_cast<double>(at(mine.latency, p.value))));
    }
    table.add(std::move(row));
  };
  for (std::size_t b = 1; b < results.size(); ++b) ratio_row("all", results[b], base.total, results[b].total);
  for (std::size_t i = 0; i < workload.templates.size(); ++i) {
    for (std::size_t b = 1; b < results.size(); ++b) {
      ratio_row(workload.templates[i].name, results[b], base.templates[i], results[b].templates[i]);
    }
  }
  table.print(os);
}

std::string workload_json(const RunInfo& info, const Workload& workload, const std::vector<BackendResult>& results) {
  Json out;
  out["vtql_bench"] = 1;
  out["mode"] = "workload";
  out["workload"] = workload.name;
  out["scale"] = info.scale;
  out["seed"] = info.seed;
  out["threads"] = info.threads;
  out["rounds"] = info.rounds;
  out["count"] = info.count ? Json(*info.count) : Json();
  out["duration_s"] = info.count ? Json() : Json(info.duration_seconds);
  out["warmup"] = info.warmup;
  out["histogram_digits"] = kHistogramDigits;
  out["latency_unit"] = "us";
  auto add_tally = [](Json& into, const Tally& tally, double seconds) {
    into["queries"] = tally.queries();
    into["errors"] = tally.errors;
    into["rows"] = tally.rows;
    into["qps"] = per_second(tally.queries(), seconds);
    into["latency_us"] = latency_json(tally.latency);
  };
  auto rounds_json = [](const BackendResult& result, const std::function<const Tally&(const RoundResult&)>& pick) {
    Json rounds = Json::array();
    for (const RoundResult& r : result.rounds) {
      const Tally& tally = pick(r);
      rounds.push_back({{"seconds", r.seconds},
                        {"qps", per_second(tally.queries(), r.seconds)},
                        {"p50_us", micros(tally.latency.percentile(50))},
                        {"p99_us", micros(tally.latency.percentile(99))}});
    }
    return rounds;
  };
  Json backends = Json::array();
  for (const BackendResult& result : results) {
    Json b;
    b["backend"] = result.label;
    b["seconds"] = result.seconds;
    add_tally(b, result.total, result.seconds);
    b["rounds"] = rounds_json(result, [](const RoundResult& r) -> const Tally& { return r.total; });
    Json templates = Json::array();
    for (std::size_t i = 0; i < workload.templates.size(); ++i) {
      Json t;
      t["name"] = workload.templates[i].name;
      t["weight"] = workload.templates[i].weight;
      add_tally(t, result.templates[i], result.seconds);
      t["rounds"] = rounds_json(result, [i](const RoundResult& r) -> const Tally& { return r.templates[i]; });
      t["first_error"] = result.templates[i].first_error.empty() ? Json() : Json(result.templates[i].first_error);
      templates.push_back(std::move(t));
    }
    b["templates"] = std::move(templates);
    backends.push_back(std::move(b));
  }
  out["backends"] = std::move(backends);
  if (results.size() > 1) {
    Json ratios = Json::array();
    const BackendResult& base = results.front();
    for (std::size_t b = 1; b < results.size(); ++b) {
      Json r;
      r["backend"] = results[b].label;
      r["baseline"] = base.label;
      r["qps"] =
          per_second(results[b].total.queries(), results[b].seconds) / per_second(base.total.queries(), base.seconds);
      for (const Percentile& p : kPercentiles) {
        r[p.key] = static_cast<double>(at(results[b].total.latency, p.value)) /
                   static_cast<double>(std::max<std::uint64_t>(1, at(base.total.latency, p.value)));
      }
      ratios.push_back(std::move(r));
    }
    out["ratios"] = std::move(ratios);
  }
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void print_workload_csv(std::ostream& os, const Workload& workload, const std::vector<BackendResult>& results) {
  os << "backend,template,weight,queries,errors,rows,seconds,qps,mean_us,p50_us,p90_us,p99_us,p99_9_us,max_us\r\n";
  auto line = [&](const BackendResult& result, const std::string& name, std::uint64_t weight, const Tally& tally) {
    os << result.label << "," << name << "," << weight << "," << tally.queries() << "," << tally.errors << ","
       << tally.rows << "," << fixed(result.seconds, 3) << "," << fixed(per_second(tally.queries(), result.seconds), 1)
       << "," << fixed(tally.latency.mean() / 1000.0, 3);
    for (const Percentile& p : kPercentiles) os << "," << fixed(micros(at(tally.latency, p.value)), 3);
    os << "\r\n";
  };
  for (const BackendResult& result : results) {
    for (std::size_t i = 0; i < workload.templates.size(); ++i) {
      line(result, workload.templates[i].name, workload.templates[i].weight, result.templates[i]);
    }
    line(result, "all", workload.total_weight(), result.total);
  }
}

namespace {
std::string shortened(const std::string& query, std::size_t most) {
  std::string out;
  std::size_t chars = 0;
  for (const char c : query) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && chars == most) return out + "…";
    if (starts) ++chars;
    out.push_back(c == '\n' || c == '\t' ? ' ' : c);
  }
  return out;
}
}  // namespace

void print_queries_table(std::ostream& os, const RunInfo& info, const std::vector<std::string>& labels,
                         const std::vector<std::vector<QueryTiming>>& timings) {
  os << "queries timed one by one: " << grouped(info.runs) << " runs each after " << grouped(info.warmup)
     << " warmup runs; scale " << grouped(info.scale) << ", seed " << info.seed << "\n";
  for (std::size_t b = 0; b < labels.size(); ++b) {
    os << "\n" << labels[b] << "\n";
    TextTable table({"line", "rows", "p50", "p90", "p99", "max", "query"}, "rrrrrrl");
    for (const QueryTiming& t : timings[b]) {
      std::vector<std::string> row{std::to_string(t.line)};
      if (t.error) {
        row.insert(row.end(), {"-", "-", "-", "-", "-"});
        row.push_back(shortened(t.query, 50) + "  error: " + std::string(to_string(t.error->code)) + ": " +
                      t.error->message);
      } else {
        row.push_back(grouped(t.rows));
        for (const double p : {50.0, 90.0, 99.0, 100.0}) row.push_back(format_latency(at(t.latency, p)));
        row.push_back(shortened(t.query, 70));
      }
      table.add(std::move(row));
    }
    table.print(os);
  }
  if (labels.size() < 2) return;
  os << "\nmedian ratios to " << labels[0] << " (below 1 is faster)\n";
  std::vector<std::string> header{"line"};
  for (std::size_t b = 1; b < labels.size(); ++b) header.push_back(labels[b]);
  TextTable table(header, "");
  for (std::size_t q = 0; q < timings[0].size(); ++q) {
    std::vector<std::string> row{std::to_string(timings[0][q].line)};
    for (std::size_t b = 1; b < labels.size(); ++b) {
      const bool failed = timings[0][q].error || timings[b][q].error;
      row.push_back(failed
                        ? "-"
                        : ratio(static_cast<double>(timings[b][q].latency.percentile(50)) /
                                static_cast<double>(std::max<std::uint64_t>(1, timings[0][q].latency.percentile(50)))));
    }
    table.add(std::move(row));
  }
  table.print(os);
}

std::string queries_json(const RunInfo& info, const std::vector<std::string>& labels,
                         const std::vector<std::vector<QueryTiming>>& timings) {
  Json out;
  out["vtql_bench"] = 1;
  out["mode"] = "queries";
  out["scale"] = info.scale;
  out["seed"] = info.seed;
  out["runs"] = info.runs;
  out["warmup"] = info.warmup;
  out["histogram_digits"] = kHistogramDigits;
  out["latency_unit"] = "us";
  Json backends = Json::array();
  for (std::size_t b = 0; b < labels.size(); ++b) {
    Json queries = Json::array();
    for (const QueryTiming& t : timings[b]) {
      Json q;
      q["line"] = t.line;
      q["query"] = t.query;
      q["runs"] = t.latency.count();
      q["rows"] = t.error ? Json() : Json(t.rows);
      Json latency = latency_json(t.latency);
      latency["p25"] = micros(t.latency.percentile(25));
      latency["p75"] = micros(t.latency.percentile(75));
      q["latency_us"] = t.error ? Json() : latency;
      q["error"] = t.error ? Json{{"code", to_string(t.error->code)}, {"message", t.error->message}} : Json();
      queries.push_back(std::move(q));
    }
    backends.push_back({{"backend", labels[b]}, {"queries", std::move(queries)}});
  }
  out["backends"] = std::move(backends);
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void print_queries_csv(std::ostream& os, const std::vector<std::string>& labels,
                       const std::vector<std::vector<QueryTiming>>& timings) {
  const auto field = [](const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (const char c : value) {
      out.push_back(c);
      if (c == '"') out.push_back('"');
    }
    return out + "\"";
  };
  os << "backend,line,runs,rows,p50_us,p90_us,p99_us,max_us,error,query\r\n";
  for (std::size_t b = 0; b < labels.size(); ++b) {
    for (const QueryTiming& t : timings[b]) {
      os << labels[b] << "," << t.line << "," << t.latency.count() << ",";
      if (t.error) {
        os << ",,,,," << to_string(t.error->code);
      } else {
        os << t.rows;
        for (const double p : {50.0, 90.0, 99.0, 100.0}) os << "," << fixed(micros(at(t.latency, p)), 3);
        os << ",";
      }
      os << "," << field(t.query) << "\r\n";
    }
  }
}

bool is_svg(const std::string& path) { return path.size() >= 4 && path.compare(path.size() - 4, 4, ".svg") == 0; }

Plot workload_plot(const std::string& path, const std::string& title, const std::vector<BackendResult>& results) {
  Plot plot;
  plot.svg = is_svg(path);
  std::ostringstream throughput;
  for (const BackendResult& r : results) {
    throughput << data_quote(r.label) << " " << fixed(per_second(r.total.queries(), r.seconds), 1) << "\n";
  }
  std::ostringstream latency;
  latency << "\"percentile\"";
  for (const BackendResult& r : results) latency << " " << data_quote(r.label);
  latency << "\n";
  for (const Percentile& p : kPercentiles) {
    latency << data_quote(p.label);
    for (const BackendResult& r : results) {
      latency << " " << fixed(std::max(0.001, micros(at(r.total.latency, p.value))), 3);
    }
    latency << "\n";
  }
  plot.files = {{"throughput.dat", throughput.str()}, {"latency.dat", latency.str()}};
  std::ostringstream s;
  s << terminal_for(plot.svg) << common_style();
  s << "set multiplot layout 1,2 title " << gnuplot_quote(title) << "\n";
  s << "set title 'Throughput'\nset ylabel 'queries per second'\nset yrange [0:*]\nset xtics nomirror\n";
  s << "plot 'throughput.dat' using 2:xtic(1) title 'q/s' linecolor rgb '#4477aa'\n";
  s << "set title 'Latency percentiles (all templates)'\nset ylabel 'microseconds (log scale)'\n"
       "set logscale y\nset yrange [*:*]\n";
  s << "plot for [i=2:" << results.size() + 1 << "] 'latency.dat' using i:xtic(1) title columnheader(i)\n";
  s << "unset multiplot\n";
  plot.script = s.str();
  return plot;
}

Plot queries_plot(const std::string& path, const std::string& title, const std::vector<std::string>& labels,
                  const std::vector<std::vector<QueryTiming>>& timings) {
  Plot plot;
  plot.svg = is_svg(path);
  std::ostringstream median;
  median << "\"query\"";
  for (const std::string& label : labels) median << " " << data_quote(label);
  median << "\n";
  for (std::size_t q = 0; q < timings[0].size(); ++q) {
    median << data_quote("line " + std::to_string(timings[0][q].line));
    for (std::size_t b = 0; b < labels.size(); ++b) {
      const QueryTiming& t = timings[b][q];
      median << " " << (t.error ? std::string("NaN") : fixed(std::max(0.001, micros(t.latency.percentile(50))), 3));
    }
    median << "\n";
  }
  plot.files = {{"median.dat", median.str()}};
  std::ostringstream s;
  s << terminal_for(plot.svg) << common_style();
  s << "set title " << gnuplot_quote(title) << "\nset ylabel 'median, microseconds (log scale)'\nset logscale y\n"
    << "set xtics rotate by -45\n";
  s << "plot for [i=2:" << labels.size() + 1 << "] 'median.dat' using i:xtic(1) title columnheader(i)\n";
  plot.script = s.str();
  return plot;
}

Status draw_plot(const Plot& plot, const std::string& path) {
  std::string found;
  const char* search = std::getenv("PATH");
  std::string_view dirs = search != nullptr ? search : "/usr/bin:/bin";
  while (!dirs.empty() && found.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
    const std::string candidate = (dir.empty() ? "." : dir) + "/gnuplot";
    if (access(candidate.c_str(), X_OK) == 0) found = candidate;
  }
  if (found.empty() || found.find('\'') != std::string::npos) {
    return Error::invalid_argument("--plot needs gnuplot, which is not installed", {},
                                   "install the Debian package gnuplot-nox (apt-get install gnuplot-nox)");
  }
  // A private directory whose name is only the fixed prefix and mkdtemp's letters: gnuplot runs there.
  std::string directory = "/tmp/vtql-plot-XXXXXX";
  if (mkdtemp(directory.data()) == nullptr) return Error::io("could not make a directory for the plot");
  struct RemoveDirectory {
    const std::string& path;
    ~RemoveDirectory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  } cleanup{directory};
  for (const auto& [name, contents] : plot.files) {
    std::ofstream file(directory + "/" + name, std::ios::binary);
    file << contents;
    if (!file.flush()) return Error::io("could not write the plot's data");
  }
  FILE* pipe = popen(("cd '" + directory + "' && exec '" + found + "'").c_str(), "w");
  if (pipe == nullptr) return Error::io("could not start gnuplot");
  const bool written = std::fwrite(plot.script.data(), 1, plot.script.size(), pipe) == plot.script.size();
  const int status = pclose(pipe);
  if (!written || status != 0) {
    return Error::io("gnuplot failed (status " + std::to_string(status) + ") drawing the plot");
  }
  std::error_code copied;
  std::filesystem::copy_file(directory + (plot.svg ? "/plot.svg" : "/plot.png"), path,
                             std::filesystem::copy_options::overwrite_existing, copied);
  if (copied) return Error::io("could not write " + path + ": " + copied.message());
  return Ok{};
}

}  // namespace vtql::bench
