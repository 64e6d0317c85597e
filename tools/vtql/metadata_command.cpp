// `vtql describe` and `vtql listtypes`: the module metadata, answered as the webservice answers them.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include "tools/vtql/commands.hpp"
#include "tools/vtql/common.hpp"

namespace vtql::cli {
namespace {

struct MetadataOptions {
  std::string module;
  SchemaOptions schema;
};

int run_describe(const MetadataOptions& options) {
  const auto schema = load_schema(options.schema, "describe");
  if (schema == nullptr) return kExitUsage;
  const ModuleDef* module = schema->find_module(options.module);
  if (module == nullptr) {
    std::vector<std::string_view> names;
    for (const ModuleDef& m : schema->modules()) names.push_back(m.name);
    const std::string close = closest_name(options.module, names);
    const Error error = Error::access_denied(
        "Permission to perform the operation is denied for name : " + options.module, {},
        close.empty() ? std::string() : "did you mean '" + close + "'? (module names are case-sensitive)");
    std::cout << error_envelope(error) << "\n";
    return kExitInvalid;
  }
  std::cout << success_envelope(module->describe_json) << "\n";
  return kExitOk;
}

int run_listtypes(const MetadataOptions& options) {
  const auto schema = load_schema(options.schema, "listtypes");
  if (schema == nullptr) return kExitUsage;
  std::vector<const ModuleDef*> modules;
  for (const ModuleDef& m : schema->modules()) modules.push_back(&m);
  std::sort(modules.begin(), modules.end(), [](const ModuleDef* a, const ModuleDef* b) { return a->name < b->name; });
  nlohmann::ordered_json types = nlohmann::ordered_json::array();
  nlohmann::ordered_json information = nlohmann::ordered_json::object();
  for (const ModuleDef* m : modules) {
    types.push_back(m->name);
    information[m->name] = {{"isEntity", m->is_entity}, {"label", m->label}, {"singular", m->label}};
  }
  nlohmann::ordered_json result{{"types", types}, {"information", information}};
  std::cout << success_envelope(dump(result)) << "\n";
  return kExitOk;
}

}  // namespace

std::function<int()> add_describe_command(CLI::App& app) {
  auto options = std::make_shared<MetadataOptions>();
  CLI::App* cmd = app.add_subcommand("describe", "A module's describe metadata, as the webservice's describe answers");
  cmd->add_option("module", options->module, "Module name (case-sensitive), for example Contacts")->required();
  add_schema_options(*cmd, options->schema);
  add_database_options(*cmd, options->schema, /*with_backend=*/false);
  return [options] { return run_describe(*options); };
}

std::function<int()> add_listtypes_command(CLI::App& app) {
  auto options = std::make_shared<MetadataOptions>();
  CLI::App* cmd = app.add_subcommand("listtypes", "The modules, as the webservice's listtypes answers");
  add_schema_options(*cmd, options->schema);
  add_database_options(*cmd, options->schema, /*with_backend=*/false);
  return [options] { return run_listtypes(*options); };
}

}  // namespace vtql::cli
