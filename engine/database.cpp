// Databases: a schema and the backend that stores its records.
#include "vtql/database.hpp"

#include "engine/demo/demo_crm.hpp"
#include "engine/guard.hpp"
#include "engine/internal.hpp"
#include "engine/storage/memory/memory_backend.hpp"
#include "engine/storage/sqlite/sqlite_backend.hpp"

namespace vtql {

Database::Database(std::shared_ptr<const Schema> schema, std::unique_ptr<storage::Backend> backend)
    : schema_(std::move(schema)), backend_(std::move(backend)) {}

Database::~Database() = default;

std::shared_ptr<Database> Database::in_memory(std::shared_ptr<const Schema> schema) {
  auto backend = std::make_unique<storage::MemoryBackend>(schema);
  return Internals::database(std::move(schema), std::move(backend));
}

Result<std::shared_ptr<Database>> Database::open(const std::string& path, const OpenOptions& options) {
  return guarded("opening the database", [&]() -> Result<std::shared_ptr<Database>> {
    storage::sqlite::SqliteOptions sqlite_options;
    sqlite_options.read_only = options.read_only;
    sqlite_options.create_if_missing = options.create_if_missing;
    sqlite_options.schema = options.schema;
    auto backend = storage::sqlite::SqliteBackend::open(path, sqlite_options);
    if (!backend) return std::move(backend).error();
    auto schema = (*backend)->schema();
    return Internals::database(std::move(schema), std::move(*backend));
  });
}

Result<std::shared_ptr<Database>> Database::demo(std::shared_ptr<const Schema> schema, const DemoOptions& options) {
  return guarded("generating the demo CRM", [&]() -> Result<std::shared_ptr<Database>> {
    auto database = in_memory(std::move(schema));
    if (auto status = database->generate_demo(options); !status) return std::move(status).error();
    return database;
  });
}

Status Database::generate_demo(const DemoOptions& options) {
  return guarded("generating the demo CRM", [&]() -> Status {
    storage::Writer* writer = backend_->writer();
    if (writer == nullptr) return Error::invalid_argument("the database cannot be written");
    demo::DemoOptions demo_options;
    demo_options.scale = options.scale;
    demo_options.seed = options.seed;
    demo_options.progress = options.progress;
    return writer->transaction([&] { return demo::generate(*writer, *schema_, demo_options); });
  });
}

Result<std::shared_ptr<Database>> Database::copy_to_memory() const {
  return guarded("copying the database", [&] { return copy_records(); });
}

Result<std::shared_ptr<Database>> Database::copy_records() const {
  auto copy = in_memory(schema_);
  storage::Writer& writer = *Internals::writer(*copy);
  for (const ModuleDef& module : schema_->modules()) {
    storage::ScanSpec spec;
    spec.module = &module;
    for (std::size_t i = 0; i < module.fields.size(); ++i) spec.columns.push_back(static_cast<int>(i));
    auto cursor = backend_->scan(spec);
    if (!cursor) return std::move(cursor).error();
    const int id_field = module.field_index("id");
    storage::Row row;
    while ((*cursor)->next(row)) {
      const auto* id = std::get_if<types::EntityId>(&row[static_cast<std::size_t>(id_field)]);
      if (id == nullptr) return Error::internal("a record of " + module.name + " without an id");
      const std::uint64_t number = id->number;
      if (auto status = writer.insert_with_id(module, number, row); !status) {
        return std::move(status).error();
      }
    }
    if (auto status = (*cursor)->status(); !status) return std::move(status).error();
  }
  return copy;
}

}  // namespace vtql
