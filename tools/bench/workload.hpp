// Workload files: weighted VTQL query templates whose $parameters are drawn from the loaded data.
//
// The format, line by line ('#' starts a comment line, and a comment after a space on a directive line; blank lines
// are skipped):
//
//   workload NAME                           optional: the workload's name in reports
//   param NAME = Module.field               a value of the field from a live record, drawn uniformly over records
//   param NAME = Module.field prefix N      its first N characters then %, for LIKE:       'Mar%'
//   param NAME = Module.field contains N    N characters from a random place, for LIKE:    '%art%'
//   param NAME = Module.field latest N      one of the N greatest values (text order: time order for dates)
//   param NAME = int LO HI                  an integer in [LO, HI], written bare
//   weight W [name=NAME]                    starts a template: W is its share of the queries
//   SELECT ... $NAME ...;                   the template's query, on one or more lines, ending with ';'
//
// `$NAME` in a query stands for a parameter declared anywhere in the file; every `$NAME` of one query gets the
// same value. Values are written as VTQL literals: quoted strings with '' and backslash escapes, entity ids (id,
// reference and owner fields) bare as 12x34. `$$` is a literal dollar sign.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vtql/status.hpp"

namespace vtql::bench {

enum class ParamKind : std::uint8_t { kValue, kPrefix, kContains, kLatest, kInteger };

struct ParamDef {
  std::string name;
  ParamKind kind = ParamKind::kValue;
  std::string module;  // all kinds but kInteger
  std::string field;
  std::uint64_t length = 0;  // kPrefix, kContains: characters; kLatest: values
  std::int64_t low = 0;      // kInteger
  std::int64_t high = 0;
  Span span;  // the declaration's line in the workload text
};

// A piece of a template: literal query text, or the parameter params[param] when param >= 0.
struct TemplatePiece {
  std::string text;
  int param = -1;
};

struct QueryTemplate {
  std::string name;
  std::uint32_t weight = 1;
  std::string text;  // as written, `$NAME` and all
  std::vector<TemplatePiece> pieces;
  Span span;  // the `weight` line
};

struct Workload {
  std::string name;
  std::string source;  // the text it was parsed from: spans point into it
  std::vector<ParamDef> params;
  std::vector<QueryTemplate> templates;

  std::uint64_t total_weight() const noexcept;
};

// Parses a workload. An error's span points at the faulty line (or word) in `text`; locate() gives its line.
// `name` is the workload's name unless the file has a `workload` line.
Result<Workload> parse_workload(std::string_view text, std::string_view name);

// The workloads compiled into vtql: crm-mix, list, lookup, sync, search, dashboard.
const std::vector<std::string_view>& builtin_workload_names();
// The text of a built-in workload, or empty when there is none by that name.
std::string_view builtin_workload(std::string_view name);

}  // namespace vtql::bench
