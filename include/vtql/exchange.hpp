// Import of records into a database's module from CSV or JSON Lines, and export of a module's live records.
//
// Values are in the webservice's string forms: ids and references "<prefix>x<number>" (12x5), decimals, booleans
// "0"/"1", dates "YYYY-MM-DD", datetimes "YYYY-MM-DD HH:MM:SS". Files are UTF-8.
//
// CSV (RFC 4180): the first line names the fields; fields may be quoted, with "" for a quote inside, and a quoted
// field may hold commas and line breaks; lines end in CRLF or LF; a UTF-8 byte order mark is skipped; empty lines
// are skipped. An empty unquoted field is NULL and a quoted empty field ("") is the empty string, as in
// PostgreSQL's CSV, so that an export imports back unchanged.
// JSON Lines: one object of field name -> string or null per line; a field not given is NULL.
//
// Thread-safety: an import writes through the database's writer (other writers wait); an export reads like a
// query and may run alongside others. The streams belong to the caller and are used only during the call.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vtql/database.hpp"
#include "vtql/status.hpp"

namespace vtql {

enum class DataFormat : std::uint8_t { kCsv, kJsonLines };

// The format a file name implies: .csv, or .jsonl / .ndjson (any letter case); nullopt for anything else.
std::optional<DataFormat> format_from_path(std::string_view path);
// "csv" or "jsonl".
std::string_view to_string(DataFormat format) noexcept;

struct ImportOptions {
  DataFormat format = DataFormat::kCsv;
  // Leave bad rows out and import the others. Without it, one bad row means nothing is imported (every row is
  // still read and checked, so that the report lists the errors of the whole file).
  bool skip_bad = false;
  // The most errors the report keeps; the others are only counted (ImportReport::bad_rows).
  std::size_t max_errors = 20;
  // Called every few thousand rows and once at the end, with the bytes and rows read so far. May be empty. On
  // SQLite it is called from the thread that reads the input, which is not the caller's.
  std::function<void(std::uint64_t bytes_read, std::uint64_t rows_read)> progress;
};

// A bad row: its line in the file (where the fault is; for CSV the physical line, counting the header as 1),
// the field concerned (empty when the fault is not one field's) and what is wrong.
struct ImportIssue {
  std::uint64_t line = 0;
  std::string field;
  std::string message;
};

struct ImportReport {
  std::uint64_t rows_read = 0;      // data rows (records) read, good or bad
  std::uint64_t imported = 0;       // records written and committed
  std::uint64_t skipped = 0;        // bad rows left out (with skip_bad)
  std::uint64_t bad_rows = 0;       // rows with an error; one issue is reported per row
  std::vector<ImportIssue> errors;  // the first max_errors issues, in file order

  // "line 12, field email: ..." for each kept issue, then "and N more" when some were not kept.
  std::vector<std::string> describe_errors() const;
};

// Imports the records read from `in` into `module` of `database`, checked against the module's describe metadata:
// every column must name a field of the module (the error gives the closest name as a hint), every value must parse
// for its field's type, a reference's prefix must name a module the field refers to, and mandatory fields must
// have values. An `id` column keeps the source's ids (a row with an empty id, or a file without the column, gets
// a new one); `createdtime` and `modifiedtime` left NULL are set to the time of the import (UTC).
//
// All rows are written in one write transaction: on SQLite a failure, bad rows without skip_bad, or a kill
// part-way leave the database as it was. On SQLite a second thread reads and checks the input while the calling
// thread writes. The in-memory backend has no transactions, so there the records are held
// until the whole input has been read and checked, and written only then.
//
// Returns the report when the file could be read to its end: bad rows are in the report, not an error. Errors:
// ACCESS_DENIED for an unknown module; INVALID_ARGUMENT for a header that cannot be used (unknown or repeated
// column, a mandatory field without a column), with the line; IO_ERROR when reading fails; DATABASE_QUERY_ERROR
// when the backend fails (nothing is imported then).
Result<ImportReport> import_records(Database& database, std::string_view module, std::istream& in,
                                    const ImportOptions& options = {});

struct ExportOptions {
  DataFormat format = DataFormat::kCsv;
  // Called every few thousand rows and once at the end with the rows written and the module's live records
  // (counted before the export starts; 0 when the backend cannot count). May be empty.
  std::function<void(std::uint64_t rows_written, std::uint64_t total)> progress;
  // How long the export may read, in milliseconds, before it stops with DATABASE_QUERY_ERROR (0: no limit), as
  // Settings::max_query_ms for a query.
  std::uint32_t max_query_ms = 0;
  // The most records to write, the first in id order (0: all of them).
  std::uint64_t max_rows = 0;
};

struct ExportReport {
  std::vector<std::string> columns;  // the fields written, in order
  std::uint64_t rows = 0;
};

// Writes the live records of `module` to `out`, one at a time as they are read (the module is never held in
// memory whole), in id order. The columns are `id` first, then every readable field in describe order (the
// fields of SELECT *, with id moved to the front so that each line starts with its key). CSV has a header line
// and CRLF line ends; NULL is an empty field and the empty string "". JSON Lines has one object per record with
// every column, NULL as null. References are written as the id of the module that holds the record (as the
// webservice returns them); a reference to a record that is no longer live is NULL.
//
// The export runs as a query would (a plan over the module's records, streamed), under options.max_query_ms.
// Errors: ACCESS_DENIED for an unknown module; DATABASE_QUERY_ERROR when reading fails or takes too long; IO_ERROR
// when writing fails.
Result<ExportReport> export_records(const Database& database, std::string_view module, std::ostream& out,
                                    const ExportOptions& options = {});

// The plan an export of `module` with `options` runs, as Engine::explain shows a query's: what the backend reads
// and what vtql adds above it.
Result<std::string> explain_export(const Database& database, std::string_view module,
                                   const ExportOptions& options = {});

}  // namespace vtql
