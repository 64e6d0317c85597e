// Export of a module's live records as CSV or JSON Lines: a plan over every record, its rows streamed to the file.
#include <algorithm>
#include <ostream>

#include "engine/binder/bound_query.hpp"
#include "engine/executor/executor.hpp"
#include "engine/guard.hpp"
#include "engine/internal.hpp"
#include "engine/output/json_object.hpp"
#include "engine/planner/plan.hpp"
#include "vtql/exchange.hpp"
#include "vtql/output.hpp"

namespace vtql {
namespace {

constexpr std::uint64_t kProgressEvery = 4096;
constexpr std::size_t kFlushBytes = 1 << 16;

// The export's plan: `id` first, then every readable field in describe order, in id order, all records or the
// first max_rows.
struct ExportPlan {
  std::shared_ptr<binder::BoundQuery> query;
  planner::Plan plan;
};

Result<ExportPlan> plan_export(const Database& database, std::string_view module, std::uint64_t max_rows) {
  const Schema& schema = *database.schema();
  const ModuleDef* target = schema.find_module(module);
  if (target == nullptr) return Error::access_denied("the database has no module '" + std::string(module) + "'");
  std::vector<int> columns;
  const int id_field = target->field_index("id");
  if (id_field >= 0) columns.push_back(id_field);
  for (const int index : target->star_fields()) {
    if (index != id_field) columns.push_back(index);
  }
  const storage::Backend& backend = Internals::backend(database);
  ExportPlan out;
  out.query = binder::all_records(database.schema(), *target, std::move(columns),
                                  max_rows == 0 ? std::nullopt : std::optional<std::uint64_t>(max_rows));
  out.plan = planner::make_plan(*out.query, backend.capabilities(), std::string(backend.name()));
  return out;
}

// Writes the rows it is handed to the stream in the export's format, flushing every kFlushBytes.
class ExportSink final : public RowSink {
 public:
  ExportSink(std::ostream& out, const ExportOptions& options, std::uint64_t total)
      : out_(out), options_(options), total_(total) {
    buffer_.reserve(kFlushBytes * 2);
  }

  void begin(const std::vector<std::string>& columns) override {
    columns_ = columns;
    keys_ = output::json_keys(columns);
    if (options_.format == DataFormat::kCsv) append_csv_record(buffer_, columns);
  }

  void row(std::span<const std::optional<std::string_view>> values) override {
    if (failed_) return;
    if (options_.format == DataFormat::kCsv) {
      append_csv_record(buffer_, values);
    } else {
      output::append_json_object(buffer_, keys_, values);
      buffer_.push_back('\n');
    }
    ++rows_;
    if (buffer_.size() >= kFlushBytes) failed_ = !flush();
    if (options_.progress && rows_ % kProgressEvery == 0) options_.progress(rows_, total_);
  }

  bool flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    return static_cast<bool>(out_);
  }
  bool failed() const noexcept { return failed_; }
  std::uint64_t rows() const noexcept { return rows_; }
  const std::vector<std::string>& columns() const noexcept { return columns_; }

 private:
  std::ostream& out_;
  const ExportOptions& options_;
  std::uint64_t total_;
  std::vector<std::string> columns_;
  std::vector<std::string> keys_;  // output::json_keys of the columns
  std::string buffer_;
  std::uint64_t rows_ = 0;
  bool failed_ = false;
};

}  // namespace

Result<ExportReport> export_records(const Database& database, std::string_view module, std::ostream& out,
                                    const ExportOptions& options) {
  return guarded("the export", [&]() -> Result<ExportReport> {
    auto planned = plan_export(database, module, options.max_rows);
    if (!planned) return std::move(planned).error();
    const storage::Backend& backend = Internals::backend(database);
    std::uint64_t total = 0;
    if (options.progress && backend.capabilities().count) {
      storage::ScanSpec all;
      all.module = planned->query->module;
      if (auto counted = backend.count(all))
        total = options.max_rows == 0 ? *counted : std::min(*counted, options.max_rows);
    }

    ExportSink sink(out, options, total);
    const storage::QueryDeadline deadline(storage::QueryDeadline::after_ms(options.max_query_ms));
    const Status status = executor::run(planned->plan, backend, sink);
    const auto write_error = [&] {
      return Error::io("writing the export failed after " + std::to_string(sink.rows()) + " records");
    };
    if (sink.failed()) return write_error();
    if (!status) return executor::run_failure(status.error());
    if (!sink.flush() || !out.flush()) return write_error();
    if (options.progress) options.progress(sink.rows(), std::max(total, sink.rows()));
    ExportReport report;
    report.columns = sink.columns();
    report.rows = sink.rows();
    return report;
  });
}

Result<std::string> explain_export(const Database& database, std::string_view module, const ExportOptions& options) {
  return guarded("explaining the export", [&]() -> Result<std::string> {
    auto planned = plan_export(database, module, options.max_rows);
    if (!planned) return std::move(planned).error();
    const storage::Backend& backend = Internals::backend(database);
    return planner::explain(planned->plan) + backend.explain(planned->plan.scan, false);
  });
}

}  // namespace vtql
