// `vtql query` and `vtql explain`: run queries over the demo CRM (the embedded default) and print rows or plans.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "tools/vtql/commands.hpp"
#include "tools/vtql/common.hpp"

namespace vtql::cli {
namespace {

struct QueryOptions {
  std::vector<std::string> queries;
  SchemaOptions schema;
  std::uint64_t max_rows = 100;
  std::uint32_t timeout_ms = Settings{}.max_query_ms;
  std::uint64_t scale = 1000;
  std::uint64_t seed = 1;
  bool jsonl = false;
  std::string format = "table";
};

// A progress bar on standard error while the demo CRM is generated, when standard error is a terminal.
std::function<void(std::uint64_t, std::uint64_t)> progress_bar() {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [last = -1](std::uint64_t done, std::uint64_t total) mutable {
    const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    if (percent == last) return;
    last = percent;
    const int width = 40;
    const int filled = percent * width / 100;
    std::fprintf(stderr, "\rgenerating the demo CRM [%s%s] %3d%%",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), percent);
    if (done >= total) std::fprintf(stderr, "\r%*s\r", width + 40, "");
    std::fflush(stderr);
  };
}

// One character of `s` from `i`: its length in bytes and the columns a terminal gives it (wide East Asian
// characters two, combining marks none). A byte that starts no valid UTF-8 character is one column.
std::pair<std::size_t, std::size_t> next_character(std::string_view s, std::size_t i) {
  utf8proc_int32_t code_point = 0;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                       static_cast<utf8proc_ssize_t>(s.size() - i), &code_point);
  if (length <= 0) return {1, 1};
  if (code_point < 0x20) return {1, 1};  // a control character, printed as a space
  const int width = utf8proc_charwidth(code_point);
  return {static_cast<std::size_t>(length), width < 0 ? 0 : static_cast<std::size_t>(width)};
}

std::size_t display_width(std::string_view s) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto [length, width] = next_character(s, i);
    columns += width;
    i += length;
  }
  return columns;
}

// Cuts a value to `width` columns for the table, marking the cut; control characters print as spaces.
std::string cell(const std::optional<std::string>& value, std::size_t width) {
  if (!value) return "NULL";
  const std::string_view text = *value;
  std::string out;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [length, char_width] = next_character(text, i);
    if (columns + char_width > width) {
      out += "…";
      break;
    }
    columns += char_width;
    for (std::size_t k = i; k < i + length; ++k)
      out.push_back(static_cast<unsigned char>(text[k]) < 0x20 ? ' ' : text[k]);
    i += length;
  }
  return out;
}

void print_table(std::ostream& os, const ResultSet& result) {
  constexpr std::size_t kMaxWidth = 40;
  std::vector<std::size_t> widths;
  std::vector<std::vector<std::string>> cells;
  for (const std::string& c : result.columns) widths.push_back(display_width(c));
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(cell(row[i], kMaxWidth));
      widths[i] = std::max(widths[i], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      os << (i == 0 ? "" : " | ") << values[i];
      if (i + 1 < values.size()) os << std::string(widths[i] - display_width(values[i]), ' ');
    }
    os << "\n";
  };
  print_line(result.columns);
  for (std::size_t i = 0; i < widths.size(); ++i) os << (i == 0 ? "" : "-+-") << std::string(widths[i], '-');
  os << "\n";
  for (const auto& line : cells) print_line(line);
  os << "(" << result.rows.size() << (result.rows.size() == 1 ? " row)\n" : " rows)\n");
}

void print_csv(std::ostream& os, const ResultSet& result) {
  std::string out;
  append_csv_record(out, result.columns);
  std::vector<std::optional<std::string_view>> views(result.columns.size());
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < views.size(); ++i)
      views[i] = row[i] ? std::optional<std::string_view>(*row[i]) : std::nullopt;
    append_csv_record(out, views);
  }
  os << out;
}

std::shared_ptr<Database> open_database(const QueryOptions& options, std::string_view command) {
  if (!options.schema.db_path.empty()) return open_database_file(options.schema, command);
  const auto schema = load_schema(options.schema, command);
  if (schema == nullptr) return nullptr;
  DemoOptions demo;
  demo.scale = options.scale;
  demo.seed = options.seed;
  demo.progress = progress_bar();
  // The embedded default is SQLite; the demo lives in a SQLite database in memory unless --backend memory.
  Result<std::shared_ptr<Database>> database = Error{};
  if (options.schema.backend == "memory") {
    database = Database::demo(schema, demo);
  } else {
    OpenOptions open;
    open.schema = schema;
    database = Database::open(":memory:", open);
    if (database) {
      if (auto status = (*database)->generate_demo(demo); !status) database = std::move(status).error();
    }
  }
  if (!database) {
    std::cerr << "vtql " << command << ": " << database.error().message << "\n";
    return nullptr;
  }
  return *database;
}

int run_query(const QueryOptions& options) {
  const auto database = open_database(options, "query");
  if (database == nullptr) return kExitUsage;
  Settings settings;
  settings.max_rows = options.max_rows;
  settings.max_query_ms = options.timeout_ms;
  const Engine engine(database, settings);
  const std::string format = options.jsonl ? "json" : options.format;

  bool all_ok = true;
  auto run_one = [&](std::string_view query) {
    const auto result = engine.query(query);
    all_ok = all_ok && result.ok();
    if (format == "json") {
      std::cout << query_envelope(result, query) << "\n";
    } else if (!result) {
      print_error(std::cerr, query, result.error());
    } else if (format == "csv") {
      print_csv(std::cout, *result);
    } else {
      print_table(std::cout, *result);
    }
  };
  if (options.jsonl) {
    read_jsonl(std::cin, [&](std::optional<std::string> query, std::size_t line) {
      if (query) return run_one(*query);
      all_ok = false;
      std::cout << error_envelope(
                       Error::invalid_argument("line " + std::to_string(line) + " of the input is not a JSON string"))
                << "\n";
    });
  } else {
    if (options.queries.empty()) {
      std::cerr << "vtql query: give a query as an argument, or --jsonl to read them from standard input\n";
      return kExitUsage;
    }
    for (const std::string& query : options.queries) run_one(query);
  }
  std::cout.flush();
  return all_ok ? kExitOk : kExitInvalid;
}

int run_explain(const QueryOptions& options) {
  if (options.queries.empty()) {
    std::cerr << "vtql explain: give a query as an argument\n";
    return kExitUsage;
  }
  Settings settings;
  settings.max_rows = options.max_rows;
  std::unique_ptr<Engine> engine;
  if (options.schema.db_path.empty()) {
    const auto schema = load_schema(options.schema, "explain");
    if (schema == nullptr) return kExitUsage;
    std::shared_ptr<Database> empty = Database::in_memory(schema);
    if (options.schema.backend == "sqlite") {
      OpenOptions open;
      open.schema = schema;
      auto sqlite = Database::open(":memory:", open);
      if (!sqlite) {
        std::cerr << "vtql explain: " << sqlite.error().message << "\n";
        return kExitUsage;
      }
      empty = *sqlite;
    }
    engine = std::make_unique<Engine>(empty, settings);
  } else {
    const auto database = open_database_file(options.schema, "explain");
    if (database == nullptr) return kExitUsage;
    engine = std::make_unique<Engine>(database, settings);
  }
  bool all_ok = true;
  for (const std::string& query : options.queries) {
    const auto plan = engine->explain(query);
    all_ok = all_ok && plan.ok();
    if (plan) {
      std::cout << *plan;
    } else {
      print_error(std::cerr, query, plan.error());
    }
  }
  return all_ok ? kExitOk : kExitInvalid;
}

void add_common(CLI::App& cmd, QueryOptions& options) {
  cmd.add_option("queries", options.queries, "Queries (each ends in ';')");
  add_schema_options(cmd, options.schema);
  add_database_options(cmd, options.schema, /*with_backend=*/true);
  cmd.add_option("--timeout", options.timeout_ms, "Milliseconds a query may run before it stops (0: no limit)")
      ->capture_default_str();
  cmd.add_option("--max-rows", options.max_rows, "Row cap for LIMIT; no LIMIT means this many rows (0: no cap)");
}

}  // namespace

std::function<int()> add_query_command(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Run queries over a database file, or over the built-in demo CRM");
  add_common(*cmd, *options);
  CLI::Option* db = cmd->get_option("--db");
  cmd->add_option("--scale", options->scale, "Records in the demo CRM, roughly")
      ->check(CLI::Range(1, 10'000'000))
      ->excludes(db);
  cmd->add_option("--seed", options->seed, "Seed of the demo CRM: the same scale and seed give the same data")
      ->check(CLI::NonNegativeNumber)
      ->excludes(db);
  cmd->add_option("--format", options->format, "table for people, json for the webservice envelope, csv for rows")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_flag("--jsonl", options->jsonl,
                "Read queries as JSON strings, one per line, from standard input; answer one envelope per line");
  return [options] { return run_query(*options); };
}

std::function<int()> add_explain_command(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Show the plan of a query: what the backend does and what vtql adds");
  add_common(*cmd, *options);
  return [options] { return run_explain(*options); };
}

}  // namespace vtql::cli
