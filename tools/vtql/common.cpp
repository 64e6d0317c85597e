// Schema loading, JSON errors and caret rendering shared by the subcommands.
#include "tools/vtql/common.hpp"

#include <iostream>

#include "tools/vtql/commands.hpp"

namespace vtql::cli {

void add_schema_options(CLI::App& cmd, SchemaOptions& options) {
  cmd.add_option("--schema", options.schema_path,
                 "Describe metadata: a describe JSON file, an envelope, a bundle or a directory of *.json files; its "
                 "modules replace or add to the built-in ones");
  cmd.add_flag("--no-builtin", options.no_builtin, "With --schema: use only the given modules");
}

void add_database_options(CLI::App& cmd, SchemaOptions& options, bool with_backend) {
  CLI::Option* db = cmd.add_option("--db", options.db_path,
                                   "A vtql SQLite database file (made by vtql demo or vtql import); it holds its own "
                                   "schema");
  for (const char* name : {"--schema", "--no-builtin"}) {
    if (CLI::Option* other = cmd.get_option_no_throw(name)) db->excludes(other);
  }
  if (with_backend) {
    cmd.add_option("--backend", options.backend,
                   "sqlite (the default) runs on the --db file, or on the demo CRM in a SQLite database in memory; "
                   "memory holds the records in vtql's in-memory columns")
        ->check(CLI::IsMember({"sqlite", "memory"}));
  }
}

std::shared_ptr<Database> open_database_file(const SchemaOptions& options, std::string_view command) {
  OpenOptions open;
  open.read_only = true;
  auto database = Database::open(options.db_path, open);
  if (database && options.backend == "memory") database = (*database)->copy_to_memory();
  if (!database) {
    std::cerr << "vtql " << command << ": " << database.error().message << "\n";
    if (!database.error().hint.empty()) std::cerr << "  hint: " << database.error().hint << "\n";
    return nullptr;
  }
  return *database;
}

std::shared_ptr<const Schema> load_schema(const SchemaOptions& options, std::string_view command) {
  if (!options.db_path.empty()) {
    const auto database = open_database_file(SchemaOptions{{}, false, options.db_path, "sqlite"}, command);
    return database == nullptr ? nullptr : database->schema();
  }
  std::shared_ptr<const Schema> schema = Schema::builtin();
  if (options.schema_path.empty()) return schema;
  auto loaded = Schema::load(options.schema_path);
  if (!loaded) {
    std::cerr << "vtql " << command << ": " << loaded.error().message << "\n";
    return nullptr;
  }
  return options.no_builtin ? *loaded : schema->merged_with(**loaded);
}

std::string dump(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {
std::string indent(const std::string& block) {
  std::string out = "  ";
  for (const char c : block) {
    out.push_back(c);
    if (c == '\n') out += "  ";
  }
  return out;
}
}  // namespace

void print_caret(std::ostream& os, std::string_view query, Span span) {
  os << indent(render_caret(query, span)) << "\n";
}

void print_error(std::ostream& os, std::string_view query, const Error& e) {
  const Location where = locate(query, e.span.offset);
  os << "error: " << to_string(e.code) << " at " << where.line << ":" << where.column << ": " << e.message << "\n";
  if (!query.empty()) print_caret(os, query, e.span);
  if (!e.hint.empty()) os << "  hint: " << e.hint << "\n";
}

void read_jsonl(std::istream& in, const std::function<void(std::optional<std::string>, std::size_t)>& each) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_string()) {
      each(parsed.get<std::string>(), number);
    } else {
      each(std::nullopt, number);
    }
  }
}

}  // namespace vtql::cli
