// The text forms of answers, written in one place for the program, the export and servers: JSON strings, CSV
// fields, the webservice envelope, and sinks that write a query's rows as they come.
//
// Text that is not valid UTF-8 never makes invalid JSON: each broken sequence (a byte that starts no character,
// or a lead byte with the continuation bytes that follow it) is written as U+FFFD. CSV is written byte for byte.
//
// Thread-safety: the functions are pure; a writer object is used by one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vtql/engine.hpp"
#include "vtql/result.hpp"
#include "vtql/status.hpp"

namespace vtql {

// Appends `text` as a JSON string, quotes included.
void append_json_string(std::string& out, std::string_view text);

// Appends one CSV field (RFC 4180). NULL is an empty field and the empty string is "", so that the two read back
// apart (as PostgreSQL's CSV does); a value holding a comma, a quote or a line break is quoted, its quotes doubled.
void append_csv_field(std::string& out, std::optional<std::string_view> value);
// Appends a CSV record: the fields separated by commas, then CRLF.
void append_csv_record(std::string& out, std::span<const std::optional<std::string_view>> values);
void append_csv_record(std::string& out, const std::vector<std::string>& values);

// The webservice's answer to a request that succeeded: {"success":true,"result":<result_json>}, where
// `result_json` is already JSON.
std::string success_envelope(std::string_view result_json);

// The error object of an answer: {"code":"QUERY_SYNTAX_ERROR","message":"..."}, followed, when `query` is the
// text the error refers to, by where the fault is and how to fix it: "offset" (bytes), "line", "column" (UTF-8
// characters, from 1) and "hint" (null when there is none). Without `query`, "hint" only when there is one.
std::string error_json(const Error& error, std::optional<std::string_view> query = std::nullopt);

// The webservice's answer to a request that failed: {"success":false,"error":<error_json>}.
std::string error_envelope(const Error& error, std::optional<std::string_view> query = std::nullopt);

// The envelope of a query's outcome: its rows as the webservice's result array, or its error (with its position
// in `query`).
std::string query_envelope(const Result<ResultSet>& result, std::string_view query);

// vtql check's answer for one query, a JSON object: {"query":"...","success":true,"warnings":[{"message",
// "offset","line","column"},...],"parsed":{...}} or {"query":"...","success":false,"error":<error_json>};
// "query" is null when there was no query text to check (a line of input that is not one).
std::string check_answer(std::optional<std::string_view> query, const Result<CheckedQuery>& result);

// Writes a query's rows as the webservice's result array, [{"column":"value"|null,...},...], into a string as
// they come. Reusable: begin() starts a new array.
class JsonRowWriter final : public RowSink {
 public:
  void begin(const std::vector<std::string>& columns) override;
  void row(std::span<const std::optional<std::string_view>> values) override;
  // The array so far, closed; the writer may go on taking rows after it.
  std::string_view finish();
  std::uint64_t rows() const noexcept { return rows_; }

 private:
  std::vector<std::string> keys_;  // per column, its name as a JSON string and a colon
  std::string out_;
  std::uint64_t rows_ = 0;
  bool closed_ = false;
};

// Writes a query's rows as CSV, a header line of the column names first, into a string as they come.
class CsvRowWriter final : public RowSink {
 public:
  void begin(const std::vector<std::string>& columns) override;
  void row(std::span<const std::optional<std::string_view>> values) override;
  // The text written so far; clear() empties it, for a caller that flushes it to a file between rows.
  std::string& text() noexcept { return out_; }
  std::uint64_t rows() const noexcept { return rows_; }

 private:
  std::string out_;
  std::uint64_t rows_ = 0;
};

}  // namespace vtql
