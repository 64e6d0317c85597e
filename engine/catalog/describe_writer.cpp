// Writes a module's describe metadata with its storage notes, for databases that keep their schema in the file.
#include "engine/catalog/describe_writer.hpp"

#include <nlohmann/json.hpp>

namespace vtql::catalog {

std::string describe_with_storage(const ModuleDef& module) {
  using Json = nlohmann::ordered_json;
  Json described = Json::parse(module.describe_json, nullptr, false);
  if (!described.is_object()) described = Json::object();
  Json columns = Json::object();
  Json meta = Json::object();
  for (const FieldDef& field : module.fields) {
    if (!field.column.empty()) columns[field.name] = field.column;
    if (field.scale >= 0) meta[field.name] = Json{{"db_type", "decimal(65," + std::to_string(field.scale) + ")"}};
  }
  described["x_storage"] = Json{{"columns", std::move(columns)}, {"field_meta", std::move(meta)}};
  return described.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vtql::catalog
