// The SQLite backend's read side: scans compiled to one statement each, counts, lookups and their plans.
#include <atomic>

#include "engine/storage/sqlite/backend_parts.hpp"

namespace vtql::storage::sqlite {
namespace {

// Reads rows of a statement into rows of typed values.
class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(SqliteBackend::Lease lease, Statement statement, std::shared_ptr<const SqlQuery> query,
               const TableLayout& layout);
  ~SqliteCursor() override;

  bool next(Row& row) override;
  Status status() const override { return status_; }

 private:
  SqliteBackend::Lease lease_;
  DeadlineWatch watch_;
  Statement statement_;
  std::shared_ptr<const SqlQuery> query_;
  const TableLayout& layout_;
  Status status_ = Ok{};
  bool done_ = false;
};

SqliteCursor::SqliteCursor(SqliteBackend::Lease lease, Statement statement, std::shared_ptr<const SqlQuery> query,
                           const TableLayout& layout)
    : lease_(std::move(lease)),
      watch_(*lease_),
      statement_(std::move(statement)),
      query_(std::move(query)),
      layout_(layout) {}

SqliteCursor::~SqliteCursor() { lease_->recycle(query_->key, query_->sql, std::move(statement_)); }

bool SqliteCursor::next(Row& row) {
  if (done_) return false;
  sqlite3_stmt* stmt = statement_.get();
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    done_ = true;
    if (rc == SQLITE_INTERRUPT)
      status_ = deadline_error();
    else if (rc != SQLITE_DONE)
      status_ = lease_->error("reading " + layout_.module->name);
    return false;
  }
  row.resize(query_->decoders.size());
  int position = 0;
  for (std::size_t i = 0; i < query_->decoders.size(); ++i) {
    const ColumnDecoder& decoder = query_->decoders[i];
    std::uint32_t prefix = decoder.fixed_prefix;
    if (decoder.prefixed) prefix = static_cast<std::uint32_t>(sqlite3_column_int64(stmt, position + 1));
    if (decoder.resolved && prefix == 0) {
      row[i].emplace<types::Null>();  // refers to no live record
    } else {
      decode_column(stmt, position, decoder, prefix, row[i]);
    }
    position += decoder.prefixed ? 2 : 1;
  }
  return true;
}

}  // namespace

// The spec's statement, compiled once per prepared query: its SQL text and parameters do not change between runs.
Result<std::shared_ptr<const SqlQuery>> SqliteBackend::compile(const TableLayout& layout, const ScanSpec& spec,
                                                               bool count) const {
  const auto build = [&]() -> Result<std::shared_ptr<const SqlQuery>> {
    auto built =
        count ? build_count(layout, spec, max_parameters_) : build_select(layout, spec, max_parameters_, *schema_);
    if (!built) return std::move(built).error();
    static std::atomic<std::uint64_t> next_key{0};
    if (spec.compiled) built->key = ++next_key;  // a query compiled for one run keeps no statement by key
    if (!count) {
      for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        ColumnDecoder decoder =
            column_decoder(layout.module->fields[static_cast<std::size_t>(spec.columns[i])], layout.id_prefix);
        decoder.prefixed = built->prefixed[i] != 0;
        decoder.resolved = built->resolved[i] != 0;
        built->decoders.push_back(decoder);
      }
    }
    return std::make_shared<const SqlQuery>(std::move(*built));
  };
  if (spec.compiled == nullptr) return build();
  return spec.compiled->get_or_compile<SqlQuery>(this, build);
}

Result<std::unique_ptr<Cursor>> SqliteBackend::scan(const ScanSpec& spec) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return Error::database("no table for module " + spec.module->name);
  auto query = compile(*layout, spec, false);
  if (!query) return std::move(query).error();
  Lease lease = acquire();
  if (!lease) return *lease.error;
  auto statement = lease->prepare((*query)->key, (*query)->sql);
  if (!statement) return std::move(statement).error();
  if ((*query)->bind(statement->get()) != SQLITE_OK) return lease->error("binding the query's values");
  return std::unique_ptr<Cursor>(
      std::make_unique<SqliteCursor>(std::move(lease), std::move(*statement), std::move(*query), *layout));
}

std::string SqliteBackend::explain(const ScanSpec& spec, bool count) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return {};
  auto query = compile(*layout, spec, count);
  if (!query) return "SQL: " + query.error().message + "\n";
  return "SQL: " + (*query)->sql + "\n";
}

Result<std::uint64_t> SqliteBackend::count(const ScanSpec& spec) const {
  const TableLayout* layout = layout_for(*spec.module);
  if (layout == nullptr) return Error::database("no table for module " + spec.module->name);
  auto query = compile(*layout, spec, true);
  if (!query) return std::move(query).error();
  Lease lease = acquire();
  if (!lease) return *lease.error;
  auto statement = lease->prepare((*query)->key, (*query)->sql);
  if (!statement) return std::move(statement).error();
  Result<std::uint64_t> result = std::uint64_t{0};
  if ((*query)->bind(statement->get()) != SQLITE_OK) {
    result = lease->error("binding the query's values");
  } else {
    const DeadlineWatch watch(*lease);
    const int rc = sqlite3_step(statement->get());
    if (rc == SQLITE_ROW) {
      result = static_cast<std::uint64_t>(sqlite3_column_int64(statement->get(), 0));
    } else if (rc == SQLITE_INTERRUPT) {
      result = deadline_error();
    } else {
      result = lease->error("counting " + spec.module->name);
    }
  }
  lease->recycle((*query)->key, (*query)->sql, std::move(*statement));
  return result;
}

bool SqliteBackend::exists(const ModuleDef& module, std::uint64_t id) const {
  const TableLayout* layout = layout_for(module);
  if (layout == nullptr || id > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
  Lease lease = acquire();
  if (!lease) return false;
  const std::string sql = "SELECT 1 FROM " + layout->table + " WHERE \"id\" = ? AND " + kStateColumn + " = 0";
  auto statement = lease->prepare(sql);
  if (!statement) return false;
  sqlite3_bind_int64(statement->get(), 1, static_cast<std::int64_t>(id));
  const bool found = sqlite3_step(statement->get()) == SQLITE_ROW;
  lease->recycle(sql, std::move(*statement));
  return found;
}

}  // namespace vtql::storage::sqlite
