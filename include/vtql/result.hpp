// A query's answer in the webservice's shape: named columns, and rows of strings or nulls; and the sinks that take
// it row by row.
//
// Thread-safety: a ResultSet is a plain value. A RowSink is called from the thread that runs the query, one call at
// a time; a sink shared by queries on several threads must lock itself.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vtql {

struct ResultSet {
  // Field names in order: the select list (or every readable field for `*`) with `id` last unless named;
  // {"count"} for COUNT(*).
  std::vector<std::string> columns;
  // One entry per column: the value's webservice string form, or nullopt for null.
  std::vector<std::vector<std::optional<std::string>>> rows;

  // The webservice's result array: [{"column":"value"|null,...},...].
  std::string to_json() const;
};

// Takes a result row by row, for a caller that writes rows out as they come (a server writing its response)
// instead of keeping them: no row is materialised, and for most queries nothing is allocated per row.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Once, before the rows: the result's columns, as ResultSet::columns.
  virtual void begin(const std::vector<std::string>& columns) = 0;
  // One row: per column its webservice string form, or nullopt for null. The views are valid only during the call.
  virtual void row(std::span<const std::optional<std::string_view>> values) = 0;
};

// A sink that keeps what it is handed, as the ResultSet Engine::query would return.
class ResultCollector final : public RowSink {
 public:
  void begin(const std::vector<std::string>& columns) override;
  void row(std::span<const std::optional<std::string_view>> values) override;
  // Room for `rows` rows, for a caller that knows how many may come.
  void reserve(std::size_t rows) { result_.rows.reserve(rows); }

  ResultSet& result() noexcept { return result_; }
  // How many times begin() was called: once for a stream that ran.
  int begins() const noexcept { return begins_; }

 private:
  ResultSet result_;
  int begins_ = 0;
};

}  // namespace vtql
