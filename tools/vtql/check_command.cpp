// `vtql check`: validates queries against the built-in schema or the user's describe files.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/vtql/commands.hpp"
#include "vtql/engine.hpp"

namespace vtql::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> queries;
  std::string schema_path;
  bool no_builtin = false;
  std::string dialect = "vtiger";
  std::uint64_t max_rows = 100;
  bool jsonl = false;
  std::string format = "text";
};

nlohmann::ordered_json position(std::string_view text, Span span) {
  const Location where = locate(text, span.offset);
  return {{"offset", span.offset}, {"line", where.line}, {"column", where.column}};
}

nlohmann::ordered_json to_json(std::string_view query, const Result<CheckedQuery>& result) {
  nlohmann::ordered_json out;
  out["query"] = query;
  out["success"] = result.ok();
  if (result.ok()) {
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    for (const Warning& w : result->warnings()) {
      nlohmann::ordered_json item{{"message", w.message}};
      item.update(position(query, w.span));
      warnings.push_back(std::move(item));
    }
    out["warnings"] = std::move(warnings);
    out["parsed"] = nlohmann::ordered_json::parse(result->parsed_json());
  } else {
    const Error& e = result.error();
    nlohmann::ordered_json error{{"code", to_string(e.code)}, {"message", e.message}};
    error.update(position(query, e.span));
    error["hint"] = e.hint.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.hint);
    out["error"] = std::move(error);
  }
  return out;
}

std::string indent(const std::string& block) {
  std::string out = "  ";
  for (const char c : block) {
    out.push_back(c);
    if (c == '\n') out += "  ";
  }
  return out;
}

void print_text(std::ostream& os, std::string_view query, const Result<CheckedQuery>& result) {
  if (result.ok()) {
    os << "valid: " << ast::to_string(result->syntax()) << "\n";
    for (const Warning& w : result->warnings()) {
      const Location where = locate(query, w.span.offset);
      os << "warning at " << where.line << ":" << where.column << ": " << w.message << "\n"
         << indent(render_caret(query, w.span)) << "\n";
    }
    return;
  }
  const Error& e = result.error();
  const Location where = locate(query, e.span.offset);
  os << "error: " << to_string(e.code) << " at " << where.line << ":" << where.column << ": " << e.message << "\n"
     << indent(render_caret(query, e.span)) << "\n";
  if (!e.hint.empty()) os << "  hint: " << e.hint << "\n";
}

int run(const CheckOptions& options) {
  if (options.dialect != "vtiger") {
    std::cerr << "vtql check: the " << options.dialect << " dialect is not available in this version\n";
    return kExitUsage;
  }
  std::shared_ptr<const Schema> schema = Schema::builtin();
  if (!options.schema_path.empty()) {
    auto loaded = Schema::load(options.schema_path);
    if (!loaded) {
      std::cerr << "vtql check: " << loaded.error().message << "\n";
      return kExitUsage;
    }
    schema = options.no_builtin ? *loaded : schema->merged_with(**loaded);
  }
  Settings settings;
  settings.max_rows = options.max_rows;
  const Engine engine(schema, settings);
  const bool json = options.jsonl || options.format == "json";

  bool all_valid = true;
  auto check_one = [&](std::string_view query) {
    const auto result = engine.check(query);
    all_valid = all_valid && result.ok();
    if (json) {
      // A query that is not valid UTF-8 is echoed with U+FFFD for its bad bytes rather than failing the output.
      std::cout << to_json(query, result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_text(std::cout, query, result);
    }
  };

  if (options.jsonl) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!parsed.is_string()) {
        all_valid = false;
        nlohmann::ordered_json out{{"query", nullptr},
                                   {"success", false},
                                   {"error",
                                    {{"code", "INVALID_ARGUMENT"},
                                     {"message", "line " + std::to_string(number) + " of the input is not a JSON string"},
                                     {"hint", "send each query as a JSON string on its own line"}}}};
        std::cout << out.dump() << "\n";
        continue;
      }
      check_one(parsed.get<std::string>());
    }
  } else {
    if (options.queries.empty()) {
      std::cerr << "vtql check: give queries as arguments, or --jsonl to read them from standard input\n";
      return kExitUsage;
    }
    for (const std::string& query : options.queries) check_one(query);
  }
  std::cout.flush();
  return all_valid ? kExitOk : kExitInvalid;
}

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Check queries against the schema: valid, or where and why not");
  cmd->add_option("queries", options->queries, "Queries to check (each ends in ';')");
  cmd->add_option("--schema", options->schema_path,
                  "Describe metadata: a describe JSON file, an envelope, a bundle or a directory of *.json files; "
                  "its modules replace or add to the built-in ones");
  cmd->add_flag("--no-builtin", options->no_builtin, "With --schema: use only the given modules");
  cmd->add_option("--dialect", options->dialect, "Query dialect")->check(CLI::IsMember({"vtiger", "extended"}));
  cmd->add_option("--max-rows", options->max_rows, "Row cap for LIMIT (0: no cap)");
  cmd->add_flag("--jsonl", options->jsonl, "Read queries as JSON strings, one per line, from standard input; answer "
                                           "one JSON object per line");
  cmd->add_option("--format", options->format, "Output for queries given as arguments")
      ->check(CLI::IsMember({"text", "json"}));
  return [options] { return run(*options); };
}

}  // namespace vtql::cli
