// `vtql bench`: runs a VTQL workload (or times single queries) against a backend and reports throughput and latency.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tools/bench/backends.hpp"
#include "tools/bench/parameters.hpp"
#include "tools/bench/report.hpp"
#include "tools/bench/run_diff.hpp"
#include "tools/bench/runner.hpp"
#include "tools/bench/workload.hpp"
#include "tools/vtql/commands.hpp"
#include "tools/vtql/common.hpp"

namespace vtql::cli {
namespace {

struct BenchOptions {
  SchemaOptions schema;
  std::string backend = "memory";
  std::vector<std::string> compare;
  std::uint64_t scale = 10000;
  std::uint64_t seed = 1;
  std::string workload = "crm-mix";
  std::string duration = "10s";
  std::uint64_t count = 0;
  unsigned threads = 1;
  unsigned rounds = 3;
  std::uint64_t warmup = 0;
  std::string queries_file;
  bool jsonl = false;
  std::uint64_t runs = 10;
  std::string format = "table";
  std::string plot;
  bool show_workload = false;
  std::vector<std::string> diff;
  double threshold = 5;
  std::uint64_t max_rows = 100;

  // Whether an option was given on the command line.
  CLI::Option* count_option = nullptr;
  CLI::Option* warmup_option = nullptr;
  CLI::Option* duration_option = nullptr;
};

constexpr std::string_view kCommand = "vtql bench";

void say(const std::string& message, const std::string& hint = {}) {
  std::cerr << kCommand << ": " << message << "\n";
  if (!hint.empty()) std::cerr << "  hint: " << hint << "\n";
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

void clear_status_line() {
  std::fprintf(stderr, "\r%*s\r", 100, "");
  std::fflush(stderr);
}

// "10s", "500ms", "2m", "1.5s", or bare seconds.
std::optional<std::chrono::nanoseconds> parse_duration(const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::string unit = text.substr(used);
  double seconds = 0;
  if (unit.empty() || unit == "s") {
    seconds = value;
  } else if (unit == "ms") {
    seconds = value / 1000;
  } else if (unit == "m" || unit == "min") {
    seconds = value * 60;
  } else if (unit == "h") {
    seconds = value * 3600;
  } else {
    return std::nullopt;
  }
  if (!(seconds > 0) || seconds > 7 * 24 * 3600) return std::nullopt;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(seconds * 1e9));
}

std::optional<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Control characters from a file shown as '?', keeping byte offsets (and so spans) as they are.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == '\x7f') c = '?';
  }
  return out;
}

// A workload error for people: where (file:line:column), what, the line with a caret, and the hint.
void print_workload_error(const std::string& source, const std::string& text, const Error& error) {
  const Location where = locate(text, error.span.offset);
  std::cerr << kCommand << ": " << source << ":" << where.line << ":" << where.column << ": "
            << printable(error.message) << "\n";
  if (!text.empty() && error.span.offset < text.size()) print_caret(std::cerr, printable(text), error.span);
  if (!error.hint.empty()) std::cerr << "  hint: " << printable(error.hint) << "\n";
}

std::vector<std::string> backend_labels(const BenchOptions& options) {
  const std::vector<std::string> names =
      options.compare.empty() ? std::vector<std::string>{options.backend} : options.compare;
  return names;
}

std::string label_for(const std::vector<std::string>& names, std::size_t i) {
  std::size_t seen = 0;
  for (std::size_t j = 0; j < i; ++j) seen += names[j] == names[i] ? 1 : 0;
  return seen == 0 ? names[i] : names[i] + "#" + std::to_string(seen + 1);
}

// Opens every backend of the run; prints the error and returns an empty list on failure.
std::vector<std::shared_ptr<const Engine>> open_engines(const BenchOptions& options) {
  const auto schema = load_schema(options.schema, "bench");
  if (schema == nullptr) return {};
  Settings settings;
  settings.max_rows = options.max_rows;
  std::vector<std::shared_ptr<const Engine>> engines;
  const auto names = backend_labels(options);
  for (std::size_t i = 0; i < names.size(); ++i) {
    bench::BackendOptions backend;
    backend.schema = schema;
    backend.scale = options.scale;
    backend.seed = options.seed;
    backend.db_path = options.schema.db_path;
    if (stderr_is_terminal()) {
      backend.progress = [label = label_for(names, i), last = -1](std::uint64_t done, std::uint64_t total) mutable {
        const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
        if (percent == last) return;
        last = percent;
        std::fprintf(stderr, "\rloading the demo CRM into %s: %3d%%", label.c_str(), percent);
        if (done >= total) clear_status_line();
        std::fflush(stderr);
      };
    }
    auto database = bench::open_bench_database(names[i], backend);
    if (!database) {
      say(database.error().message, database.error().hint);
      return {};
    }
    engines.push_back(std::make_shared<const Engine>(*database, settings));
  }
  return engines;
}

std::function<void(const bench::Progress&)> run_progress() {
  if (!stderr_is_terminal()) return {};
  return [](const bench::Progress& p) {
    const double qps = p.seconds > 0 ? static_cast<double>(p.queries) / p.seconds : 0;
    std::fprintf(stderr, "\r%s  round %zu/%zu  %6.1f s  %10llu queries  %10.1f q/s  %llu errors   ", p.label.c_str(),
                 p.round, p.rounds, p.seconds, static_cast<unsigned long long>(p.queries), qps,
                 static_cast<unsigned long long>(p.errors));
    std::fflush(stderr);
  };
}

int write_plot(const bench::Plot& plot, const std::string& path) {
  const Status drawn = bench::draw_plot(plot, path);
  if (!drawn) {
    say(drawn.error().message, drawn.error().hint);
    return kExitUsage;
  }
  return kExitOk;
}

int run_diff(const BenchOptions& options) {
  const auto before = read_file(options.diff[0]);
  const auto after = read_file(options.diff[1]);
  if (!before || !after) {
    say("cannot read " + (before ? options.diff[1] : options.diff[0]));
    return kExitUsage;
  }
  const double threshold = options.threshold / 100;
  const auto changes = bench::diff_runs(*before, *after, threshold);
  if (!changes) {
    say(changes.error().message, changes.error().hint);
    return kExitUsage;
  }
  bench::print_diff(std::cout, *changes, threshold);
  const bool worse = std::any_of(changes->begin(), changes->end(),
                                 [](const bench::MetricChange& c) { return c.verdict == bench::Verdict::kWorse; });
  return worse ? kExitInvalid : kExitOk;
}

bench::RunInfo run_info(const BenchOptions& options, std::chrono::nanoseconds duration, std::uint64_t warmup) {
  bench::RunInfo info;
  info.scale = options.scale;
  info.seed = options.seed;
  info.threads = options.threads;
  info.rounds = options.rounds;
  if (options.count_option->count() > 0) info.count = options.count;
  info.duration_seconds = std::chrono::duration<double>(duration).count();
  info.warmup = warmup;
  info.runs = options.runs;
  return info;
}

int run_queries(const BenchOptions& options) {
  const auto text = read_file(options.queries_file);
  if (!text) {
    say("cannot read " + options.queries_file);
    return kExitUsage;
  }
  std::vector<std::pair<std::string, std::size_t>> queries;
  std::istringstream in(*text);
  if (options.jsonl) {
    std::size_t bad_line = 0;
    read_jsonl(in, [&](std::optional<std::string> query, std::size_t line) {
      if (query) {
        queries.emplace_back(std::move(*query), line);
      } else if (bad_line == 0) {
        bad_line = line;
      }
    });
    if (bad_line != 0) {
      say(options.queries_file + ":" + std::to_string(bad_line) + ": the line is not a JSON string");
      return kExitUsage;
    }
  } else {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') continue;
      queries.emplace_back(line.substr(first), number);
    }
  }
  if (queries.empty()) {
    say(options.queries_file + " holds no queries", "one query per line, or JSON strings with --jsonl");
    return kExitUsage;
  }
  const auto engines = open_engines(options);
  if (engines.empty()) return kExitUsage;
  const std::uint64_t warmup = options.warmup_option->count() > 0 ? options.warmup : 2;
  std::function<void(std::size_t)> progress;
  if (stderr_is_terminal()) {
    progress = [total = queries.size()](std::size_t done) {
      std::fprintf(stderr, "\rtiming query %zu of %zu", done, total);
      std::fflush(stderr);
    };
  }
  const auto timings = bench::time_queries(engines, queries, options.runs, warmup, progress);
  if (progress) clear_status_line();
  std::vector<std::string> labels;
  const auto names = backend_labels(options);
  for (std::size_t i = 0; i < names.size(); ++i) labels.push_back(label_for(names, i));
  const bench::RunInfo info = run_info(options, {}, warmup);
  if (options.format == "json") {
    std::cout << bench::queries_json(info, labels, timings);
  } else if (options.format == "csv") {
    bench::print_queries_csv(std::cout, labels, timings);
  } else {
    bench::print_queries_table(std::cout, info, labels, timings);
  }
  std::cout.flush();
  if (!options.plot.empty()) {
    const std::string title = "vtql bench: " + options.queries_file + ", median of " + std::to_string(options.runs) +
                              " runs, scale " + std::to_string(options.scale);
    if (const int status = write_plot(bench::queries_plot(options.plot, title, labels, timings), options.plot))
      return status;
  }
  bool failed = false;
  for (const auto& list : timings) {
    for (const auto& t : list) failed = failed || t.error.has_value();
  }
  return failed ? kExitInvalid : kExitOk;
}

int run_bench(const BenchOptions& options) {
  if (!options.diff.empty()) return run_diff(options);
  if (!options.plot.empty()) {
    const auto ends_with = [&](std::string_view suffix) {
      return options.plot.size() >= suffix.size() &&
             options.plot.compare(options.plot.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (!ends_with(".png") && !ends_with(".svg")) {
      say("--plot writes a .png or .svg file, not " + options.plot);
      return kExitUsage;
    }
  }
  if (!options.queries_file.empty()) return run_queries(options);
  if (options.jsonl) {
    say("--jsonl applies to --queries FILE");
    return kExitUsage;
  }

  const auto duration = parse_duration(options.duration);
  if (!duration) {
    say("--duration takes a time such as 10s, 500ms or 2m, not '" + options.duration + "'");
    return kExitUsage;
  }
  std::string text(bench::builtin_workload(options.workload));
  std::string source = options.workload;
  if (text.empty()) {
    const auto file = read_file(options.workload);
    if (!file) {
      std::string names;
      for (const auto name : bench::builtin_workload_names()) names += (names.empty() ? "" : ", ") + std::string(name);
      say("no built-in workload or readable file named '" + options.workload + "'",
          "the built-in workloads are " + names);
      return kExitUsage;
    }
    text = *file;
  }
  std::string default_name = source;
  if (const std::size_t slash = default_name.find_last_of('/'); slash != std::string::npos) {
    default_name = default_name.substr(slash + 1);
  }
  if (const std::size_t dot = default_name.find_last_of('.'); dot != std::string::npos && dot > 0) {
    default_name = default_name.substr(0, dot);
  }
  const auto workload = bench::parse_workload(text, default_name);
  if (!workload) {
    print_workload_error(source, text, workload.error());
    return kExitUsage;
  }
  if (options.show_workload) {
    std::cout << text;
    return kExitOk;
  }

  const auto engines = open_engines(options);
  if (engines.empty()) return kExitUsage;
  const auto names = backend_labels(options);
  std::vector<bench::Target> targets;
  for (std::size_t i = 0; i < engines.size(); ++i) {
    auto values = bench::ParameterValues::load(*workload, *engines[i]);
    if (!values) {
      print_workload_error(source, text, values.error());
      return kExitUsage;
    }
    targets.push_back({label_for(names, i), engines[i], std::move(*values)});
  }

  bench::RunOptions run;
  run.threads = options.threads;
  run.rounds = options.rounds;
  if (options.count_option->count() > 0) run.count = options.count;
  run.duration = *duration;
  run.warmup = options.warmup_option->count() > 0 ? options.warmup : 100;
  run.seed = options.seed;
  run.progress = run_progress();
  const auto results = bench::run_workload(*workload, targets, run);
  if (run.progress) clear_status_line();

  const bench::RunInfo info = run_info(options, *duration, run.warmup);
  if (options.format == "json") {
    std::cout << bench::workload_json(info, *workload, results);
  } else if (options.format == "csv") {
    bench::print_workload_csv(std::cout, *workload, results);
  } else {
    bench::print_workload_table(std::cout, info, *workload, results);
  }
  std::cout.flush();
  if (!options.plot.empty()) {
    const std::string title = "vtql bench: workload " + workload->name + ", scale " + std::to_string(options.scale) +
                              ", " + std::to_string(options.threads) + (options.threads == 1 ? " thread" : " threads");
    if (const int status = write_plot(bench::workload_plot(options.plot, title, results), options.plot)) return status;
  }
  bool failed = false;
  for (const auto& result : results) failed = failed || result.total.errors > 0;
  return failed ? kExitInvalid : kExitOk;
}

}  // namespace

std::function<int()> add_bench_command(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Benchmark a workload of VTQL queries (or single queries) over the demo CRM: throughput and latency");
  add_schema_options(*cmd, options->schema);
  add_database_options(*cmd, options->schema, /*with_backend=*/false);
  std::string workloads;
  for (const auto name : bench::builtin_workload_names())
    workloads += (workloads.empty() ? "" : "|") + std::string(name);
  cmd->add_option("--workload", options->workload, "A built-in workload (" + workloads + ") or a workload file")
      ->capture_default_str();
  std::string backends;
  for (const auto name : bench::bench_backend_names()) backends += (backends.empty() ? "" : ", ") + std::string(name);
  cmd->add_option("--backend", options->backend, "The backend to run on: " + backends)->capture_default_str();
  cmd->add_option("--compare", options->compare,
                  "Run on several backends, alternating round by round, and report ratios to the first")
      ->delimiter(',');
  cmd->add_option("--scale", options->scale, "Records in the demo CRM, roughly")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10'000'000}))
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of the demo CRM and of the parameter draws")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  options->duration_option =
      cmd->add_option("--duration", options->duration, "How long to run each backend: 10s, 500ms, 2m")
          ->capture_default_str();
  options->count_option = cmd->add_option("--count", options->count, "Run this many queries per backend instead")
                              ->check(CLI::PositiveNumber)
                              ->excludes(options->duration_option);
  cmd->add_option("--threads", options->threads, "Concurrent clients")
      ->check(CLI::Range(1U, 1024U))
      ->capture_default_str();
  cmd->add_option("--rounds", options->rounds, "Rounds the run is cut into (their spread is the noise)")
      ->check(CLI::Range(1U, 1000U))
      ->capture_default_str();
  options->warmup_option = cmd->add_option(
      "--warmup", options->warmup,
      "Untimed queries per backend before timing (default 100), or untimed runs of each query with --queries "
      "(default 2)");
  cmd->add_option("--queries", options->queries_file,
                  "Time each query of FILE (one per line; '-' for standard input) on its own instead of a workload");
  cmd->add_flag("--jsonl", options->jsonl, "With --queries: the lines are JSON strings");
  cmd->add_option("--runs", options->runs, "With --queries: timed runs of each query")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))
      ->capture_default_str();
  cmd->add_option("--format", options->format, "table for people, json or csv for machines")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--plot", options->plot,
                  "Also draw throughput and latency per backend into FILE.png or FILE.svg "
                  "(needs gnuplot)");
  cmd->add_option("--max-rows", options->max_rows, "Row cap for LIMIT, as in vtql query")->capture_default_str();
  cmd->add_flag("--show-workload", options->show_workload, "Print the workload's text and stop");
  cmd->add_option("--diff", options->diff,
                  "Compare two JSON outputs (of vtql bench or Google Benchmark): OLD NEW; exit status 1 when a "
                  "metric got worse beyond --threshold and the noise")
      ->expected(2);
  cmd->add_option("--threshold", options->threshold, "With --diff: the smallest change that counts, in percent")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  return [options] { return run_bench(*options); };
}

}  // namespace vtql::cli
