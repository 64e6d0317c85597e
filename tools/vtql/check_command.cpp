// `vtql check`: validates queries against the built-in schema or the user's describe files.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "tools/vtql/commands.hpp"
#include "tools/vtql/common.hpp"

namespace vtql::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> queries;
  SchemaOptions schema;
  std::string dialect = "vtiger";
  std::uint64_t max_rows = 100;
  bool jsonl = false;
  std::string format = "text";
};

void print_text(std::ostream& os, std::string_view query, const Result<CheckedQuery>& result) {
  if (!result.ok()) return print_error(os, query, result.error());
  os << "valid: " << ast::to_string(result->syntax()) << "\n";
  for (const Warning& w : result->warnings()) {
    const Location where = locate(query, w.span.offset);
    os << "warning at " << where.line << ":" << where.column << ": " << w.message << "\n";
    print_caret(os, query, w.span);
  }
}

int run(const CheckOptions& options) {
  const auto schema = load_schema(options.schema, "check");
  if (schema == nullptr) return kExitUsage;
  Settings settings;
  settings.max_rows = options.max_rows;
  const Engine engine(schema, settings);
  const bool json = options.jsonl || options.format == "json";

  bool all_valid = true;
  auto check_one = [&](std::string_view query) {
    const auto result = engine.check(query);
    all_valid = all_valid && result.ok();
    if (json) {
      std::cout << check_answer(query, result) << "\n";
    } else {
      print_text(std::cout, query, result);
    }
  };

  if (options.jsonl) {
    read_jsonl(std::cin, [&](std::optional<std::string> query, std::size_t line) {
      if (query) return check_one(*query);
      all_valid = false;
      const Error error = Error::invalid_argument("line " + std::to_string(line) + " of the input is not a JSON string",
                                                  {}, "send each query as a JSON string on its own line");
      std::cout << check_answer(std::nullopt, error) << "\n";
    });
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
  add_schema_options(*cmd, options->schema);
  add_database_options(*cmd, options->schema, /*with_backend=*/false);
  cmd->add_option("--dialect", options->dialect, "Query dialect (vtiger: the webservice's own, the only one so far)")
      ->check(CLI::IsMember({"vtiger"}));
  cmd->add_option("--max-rows", options->max_rows, "Row cap for LIMIT (0: no cap)");
  cmd->add_flag("--jsonl", options->jsonl,
                "Read queries as JSON strings, one per line, from standard input; answer "
                "one JSON object per line");
  cmd->add_option("--format", options->format, "Output for queries given as arguments")
      ->check(CLI::IsMember({"text", "json"}));
  return [options] { return run(*options); };
}

}  // namespace vtql::cli
