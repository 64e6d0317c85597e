// What the subcommands share: loading the schema from the options, and errors as the webservice envelope.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vtql/engine.hpp"

namespace vtql::cli {

struct SchemaOptions {
  std::string schema_path;
  bool no_builtin = false;
};

// Adds --schema and --no-builtin to a subcommand.
void add_schema_options(CLI::App& cmd, SchemaOptions& options);

// The built-in schema, or the --schema files merged over it (or alone with --no-builtin). Prints the error and
// returns nullptr when the files cannot be loaded.
std::shared_ptr<const Schema> load_schema(const SchemaOptions& options, std::string_view command);

// {"code":…,"message":…,"offset":…,"line":…,"column":…,"hint":…} for an error in `query`.
nlohmann::ordered_json error_json(const Error& error, std::string_view query);

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
