// What the subcommands share: loading the schema from the options, and errors as the webservice envelope.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vtql/engine.hpp"
#include "vtql/output.hpp"

namespace vtql::cli {

struct SchemaOptions {
  std::string schema_path;
  bool no_builtin = false;
  std::string db_path;             // --db: a SQLite database file, which holds its own schema
  std::string backend = "sqlite";  // --backend: with --db, run on the file or on a copy in memory
};

// Adds --schema and --no-builtin to a subcommand.
void add_schema_options(CLI::App& cmd, SchemaOptions& options);
// Adds --db FILE (excluding --schema and --no-builtin), and --backend when `with_backend`.
void add_database_options(CLI::App& cmd, SchemaOptions& options, bool with_backend);

// The schema of the --db file, or the built-in schema, or the --schema files merged over it (or alone with
// --no-builtin). Prints the error and returns nullptr when it cannot be loaded.
std::shared_ptr<const Schema> load_schema(const SchemaOptions& options, std::string_view command);

// The --db file opened read-only, or with --backend memory its records copied into memory. Prints the error and
// returns nullptr when it cannot be opened. REQUIRES: !options.db_path.empty()
std::shared_ptr<Database> open_database_file(const SchemaOptions& options, std::string_view command);

// Dumps JSON as one line; invalid UTF-8 from the input is replaced rather than failing the output.
std::string dump(const nlohmann::ordered_json& json);

// Writes the line of `query` holding `span`, with a caret line under it, indented by two spaces.
void print_caret(std::ostream& os, std::string_view query, Span span);

// Writes a query error for people: the code, position, message, the query line with a caret, and the hint.
void print_error(std::ostream& os, std::string_view query, const Error& error);

// Reads queries as JSON strings, one per line, calling `each` with the text or with nullopt and the line number
// for a line that is not a JSON string.
void read_jsonl(std::istream& in, const std::function<void(std::optional<std::string>, std::size_t)>& each);

}  // namespace vtql::cli
