// Scan specs as SQL: one SELECT (or count) per query over a module's table, with every value a bound parameter.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "engine/storage/backend.hpp"
#include "engine/storage/sqlite/functions.hpp"
#include "engine/storage/sqlite/value_codec.hpp"

namespace vtql::storage::sqlite {

// The names a module's records go by in the database file.
struct TableLayout {
  const ModuleDef* module = nullptr;
  std::string table;                        // quoted
  std::vector<std::string> columns;         // quoted, per field index
  std::vector<std::string> prefix_columns;  // quoted, per field index; empty for fields without one
  std::uint32_t id_prefix = 0;
  // How each field of a record binds to an INSERT (the id first, an owner's prefix after it), kept compact for
  // row-after-row inserts.
  struct InsertColumn {
    bool skip = false;          // the id, bound first
    bool null_as_zero = false;  // references and owners store no value as 0
    bool prefixed = false;      // an owner: its prefix follows in a column of its own
  };
  std::vector<InsertColumn> insert_columns;
  // INSERT of the id and the fields whose `given` entry is '1' (one character per field, in describe order).
  std::string insert_sql_for(const std::string& given) const;

  explicit TableLayout(const ModuleDef& module);
};

// The column that holds a record's catalog::RecordState as its number: live (0), deleted (1), converted lead (2).
inline constexpr const char* kStateColumn = "\"#state\"";

struct PointerArgument {
  const void* pointer = nullptr;
  const char* type = nullptr;
};
using Parameter = std::variant<SqlValue, PointerArgument>;

struct SqlQuery final : CompiledScan {
  std::string sql;
  std::vector<Parameter> parameters;
  std::vector<std::unique_ptr<InSet>> sets;  // the large IN lists the parameters point at
  // Per selected column of the spec: whether a prefix follows it (owners; references when resolved), and whether
  // that prefix is a resolved reference's (0: no live record).
  std::vector<std::uint8_t> prefixed;
  std::vector<std::uint8_t> resolved;
  // Set by the backend when it keeps the query with a plan: the key of its statement in each connection's cache,
  // and how to read each selected column.
  std::uint64_t key = 0;
  std::vector<ColumnDecoder> decoders;

  // Binds every parameter; SQLITE_OK or SQLite's error code.
  int bind(sqlite3_stmt* stmt) const;
};

// SELECT of spec.columns (each owner with its prefix column, each reference with the prefix of the module that
// holds it when spec.resolve_references) of live records matching spec.filter, in spec.order then id, with
// spec.offset and spec.limit. `max_parameters` is the connection's limit: IN lists that would pass it go through
// vtql_in with one parameter each. Errors when even that is too many.
Result<SqlQuery> build_select(const TableLayout& layout, const ScanSpec& spec, int max_parameters,
                              const Schema& schema);
// SELECT count(*) of live records matching spec.filter.
Result<SqlQuery> build_count(const TableLayout& layout, const ScanSpec& spec, int max_parameters);

}  // namespace vtql::storage::sqlite
