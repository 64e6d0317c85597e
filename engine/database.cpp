// Databases: a schema and the backend that stores its records.
#include "vtql/database.hpp"

#include "engine/demo/demo_crm.hpp"
#include "engine/storage/memory/memory_backend.hpp"

namespace vtql {

Database::Database(std::shared_ptr<const Schema> schema, std::unique_ptr<storage::Backend> backend)
    : schema_(std::move(schema)), backend_(std::move(backend)) {}

Database::~Database() = default;

std::shared_ptr<Database> Database::in_memory(std::shared_ptr<const Schema> schema) {
  auto backend = std::make_unique<storage::MemoryBackend>(schema);
  return std::make_shared<Database>(std::move(schema), std::move(backend));
}

Result<std::shared_ptr<Database>> Database::demo(std::shared_ptr<const Schema> schema, const DemoOptions& options) {
  auto database = in_memory(std::move(schema));
  demo::DemoOptions demo_options;
  demo_options.scale = options.scale;
  demo_options.seed = options.seed;
  demo_options.progress = options.progress;
  if (auto status = demo::generate(database->backend(), *database->schema(), demo_options); !status) {
    return std::move(status).error();
  }
  return database;
}

}  // namespace vtql
