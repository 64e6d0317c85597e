// Loading of fixture files into databases of any backend.
#include "tests/fixture.hpp"
#include "engine/internal.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/storage/record_codec.hpp"

namespace vtql::testing {
namespace {

Status load_lines(Database& database, std::istream& in, const std::string& path) {
  const Schema& schema = *database.schema();
  storage::Writer& writer = *Internals::writer(database);
  struct Later {
    const ModuleDef* module;
    std::uint64_t id;
    bool deleted;
  };
  std::vector<Later> later;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& why) {
      return Error::invalid_argument(path + ":" + std::to_string(number) + ": " + why);
    };
    const auto entry = nlohmann::json::parse(line, nullptr, false);
    if (!entry.is_object() || !entry.contains("module") || !entry.contains("record")) return fail("not a fixture line");
    const ModuleDef* module = schema.find_module(entry["module"].get<std::string>());
    if (module == nullptr) return fail("unknown module");
    auto decoded = storage::decode_record(entry["record"].dump(), *module, schema);
    if (!decoded) return fail(decoded.error().message);
    if (!decoded->id) return fail("the record has no id");
    if (auto status = writer.insert_with_id(*module, *decoded->id, std::move(decoded->record)); !status) {
      return fail(status.error().message);
    }
    if (entry.value("deleted", false)) later.push_back({module, *decoded->id, true});
    if (entry.value("converted", false)) later.push_back({module, *decoded->id, false});
  }
  for (const Later& l : later) {
    const auto state = l.deleted ? catalog::RecordState::kDeleted : catalog::RecordState::kConverted;
    auto status = writer.retire(*l.module, l.id, state);
    if (!status) return status;
  }
  return Ok{};
}

}  // namespace

Result<std::shared_ptr<Database>> load_fixture(const std::string& path) {
  std::shared_ptr<const Schema> schema = Schema::builtin();
  // fixtures/NAME.jsonl may come with fixtures/NAME.schema.json: describe metadata of modules to add.
  const std::string extra = path.substr(0, path.rfind('.')) + ".schema.json";
  if (std::ifstream(extra).good()) {
    auto overlay = Schema::load(extra);
    if (!overlay) return std::move(overlay).error();
    schema = schema->merged_with(**overlay);
  }
  auto database = Database::in_memory(schema);
  if (auto status = load_fixture_into(*database, path); !status) return std::move(status).error();
  return database;
}

Status load_fixture_into(Database& database, const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::io("cannot read " + path);
  return Internals::writer(database)->transaction([&] { return load_lines(database, in, path); });
}

Result<ResultSet> streamed(const Engine& engine, std::string_view query, int* begins) {
  ResultCollector sink;
  Status status = engine.stream(query, sink);
  if (begins != nullptr) *begins = sink.begins();
  if (!status) return std::move(status).error();
  return std::move(sink.result());
}

}  // namespace vtql::testing
