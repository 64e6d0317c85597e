// The SQLite backend's schema store: the tables of a new file, the describe metadata kept in it, modules and
// fields added to an existing file, and the id sequences read back when it opens.
#include <algorithm>

#include "engine/catalog/describe_writer.hpp"
#include "engine/storage/sqlite/backend_parts.hpp"

namespace vtql::storage::sqlite {

std::string create_table_sql(const ModuleDef& module) {
  const TableLayout layout(module);
  std::string sql =
      "CREATE TABLE " + layout.table + " (\"id\" INTEGER PRIMARY KEY, " + kStateColumn + " INTEGER NOT NULL DEFAULT 0";
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    const FieldDef& field = module.fields[i];
    if (field.is_id()) continue;
    sql += ", " + layout.columns[i] + " " + declared_type(field);
    if (!layout.prefix_columns[i].empty()) sql += ", " + layout.prefix_columns[i] + " INTEGER";
  }
  return sql + ")";
}

std::vector<SecondaryIndex> secondary_indexes(const ModuleDef& module) {
  const TableLayout layout(module);
  std::vector<SecondaryIndex> out;
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    const FieldDef& field = module.fields[i];
    if (field.type != FieldType::kReference && field.name != "modifiedtime") continue;
    std::string name = quote_identifier(module.name + "#" + field.name);
    std::string sql = "CREATE INDEX IF NOT EXISTS " + name + " ON " + layout.table + " (" + layout.columns[i] + ")";
    out.push_back({std::move(name), std::move(sql)});
  }
  return out;
}

std::vector<std::string> index_sql(const ModuleDef& module) {
  std::vector<std::string> out;
  for (SecondaryIndex& index : secondary_indexes(module)) out.push_back(std::move(index.create_sql));
  return out;
}

Status SqliteBackend::create_tables(const Schema& schema) {
  return write([&]() -> Status {
    Connection& db = *writer_;
    if (auto s = db.exec("CREATE TABLE vtql_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "CREATE TABLE vtql_modules (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                         "describe TEXT NOT NULL);"
                         "CREATE TABLE vtql_deleted (seq INTEGER PRIMARY KEY, module TEXT NOT NULL, "
                         "id INTEGER NOT NULL, modifiedtime INTEGER)");
        !s) {
      return s;
    }
    if (auto s = run(db, "INSERT INTO vtql_meta VALUES ('format', ?)", {SqlValue(std::string(kFormat))}); !s) return s;
    for (const ModuleDef& module : schema.modules()) {
      if (auto s = db.exec(create_table_sql(module)); !s) return s;
      for (const std::string& sql : index_sql(module)) {
        if (auto s = db.exec(sql); !s) return s;
      }
    }
    return store_schema(schema);
  });
}

Status SqliteBackend::store_schema(const Schema& schema) {
  Connection& db = *writer_;
  if (auto s = db.exec("DELETE FROM vtql_modules"); !s) return s;
  std::int64_t position = 0;
  for (const ModuleDef& module : schema.modules()) {
    if (auto s = run(db, "INSERT INTO vtql_modules VALUES (?, ?, ?)",
                     {SqlValue(position++), SqlValue(module.name), SqlValue(catalog::describe_with_storage(module))});
        !s) {
      return s;
    }
  }
  return Ok{};
}

Status SqliteBackend::load_schema(const SqliteOptions& options) {
  Connection& db = *writer_;
  auto format = db.prepare("SELECT value FROM vtql_meta WHERE key = 'format'");
  if (!format || sqlite3_step(format->get()) != SQLITE_ROW ||
      std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(format->get(), 0))) != kFormat) {
    return Error::io(path_ + " is not a vtql database (no vtql_meta format " + kFormat + ")");
  }
  format = Statement();
  auto modules = db.prepare("SELECT describe FROM vtql_modules ORDER BY position");
  if (!modules) return std::move(modules).error();
  std::string bundle = "[";
  int rc;
  while ((rc = sqlite3_step(modules->get())) == SQLITE_ROW) {
    if (bundle.size() > 1) bundle += ',';
    bundle += reinterpret_cast<const char*>(sqlite3_column_text(modules->get(), 0));
  }
  if (rc != SQLITE_DONE) return db.error("reading the schema");
  modules = Statement();
  bundle += ']';
  auto stored = Schema::from_json(bundle, path_);
  if (!stored) return std::move(stored).error();
  schema_ = *stored;
  if (options.schema && !options.schema->modules().empty()) {
    if (read_only_) return Error::invalid_argument("cannot add modules to a database opened read-only");
    auto merged = schema_->merged_with(*options.schema);
    if (auto status = write([&] { return extend_tables(*schema_, *options.schema); }); !status) return status;
    schema_ = std::move(merged);
    if (auto status = write([&] { return store_schema(*schema_); }); !status) return status;
  }
  return Ok{};
}

// New modules get a table; a module given again keeps its table and gains columns for its new fields.
Status SqliteBackend::extend_tables(const Schema& old_schema, const Schema& overlay) {
  Connection& db = *writer_;
  for (const ModuleDef& module : overlay.modules()) {
    const ModuleDef* old = old_schema.find_module(module.name);
    if (old == nullptr) {
      if (auto s = db.exec(create_table_sql(module)); !s) return s;
    } else {
      const TableLayout layout(module);
      for (std::size_t i = 0; i < module.fields.size(); ++i) {
        const FieldDef& field = module.fields[i];
        const FieldDef* before = old->find_field(field.name);
        if (before != nullptr) {
          if (storage_of(*before) != storage_of(field) || has_prefix_column(*before) != has_prefix_column(field) ||
              stores_null_as_zero(*before) != stores_null_as_zero(field)) {
            return Error::invalid_metadata(module.name + "." + field.name + " is stored as " +
                                               std::string(to_string(before->type)) + " and cannot become " +
                                               std::string(to_string(field.type)),
                                           {}, "give the field its old type, or a new name");
          }
          continue;
        }
        if (auto s = db.exec("ALTER TABLE " + layout.table + " ADD COLUMN " + layout.columns[i] + " " +
                             declared_type(field));
            !s) {
          return s;
        }
        if (!layout.prefix_columns[i].empty()) {
          if (auto s = db.exec("ALTER TABLE " + layout.table + " ADD COLUMN " + layout.prefix_columns[i] + " INTEGER");
              !s) {
            return s;
          }
        }
      }
    }
    for (const std::string& sql : index_sql(module)) {
      if (auto s = db.exec(sql); !s) return s;
    }
  }
  return Ok{};
}

void SqliteBackend::build_layouts() {
  for (const ModuleDef& module : schema_->modules()) {
    layouts_.push_back(std::make_unique<TableLayout>(module));
    by_module_[&module] = layouts_.back().get();
  }
}

Status SqliteBackend::read_sequences() {
  Connection& db = *writer_;
  for (const auto& layout : layouts_) {
    const std::string sql = "SELECT max(\"id\") FROM " + layout->table;
    auto statement = db.prepare(sql);
    if (!statement) return std::move(statement).error();
    if (sqlite3_step(statement->get()) != SQLITE_ROW) return db.error("reading ids of " + layout->module->name);
    ids_.note(*layout->module, static_cast<std::uint64_t>(sqlite3_column_int64(statement->get(), 0)));
    db.recycle(sql, std::move(*statement));
  }
  return Ok{};
}

}  // namespace vtql::storage::sqlite
