// Reads describe metadata JSON (results, webservice envelopes, arrays and bundles; files and folders) into a Schema.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vtql/schema.hpp"

namespace vtql {
namespace {

// Ordered so that describe_json keeps the keys in the order the server wrote them.
using Json = nlohmann::ordered_json;

// Describe nests six levels deep (bundle → module → fields → field → type → picklist entry); copying and dumping a
// module recurse, so a cap far above that keeps hostile files from exhausting the stack.
constexpr int kMaxDepth = 64;
// Scale of a decimal column when the metadata does not say (docs/LANGUAGE.md, Result forms).
constexpr int kDefaultDecimalScale = 8;
constexpr std::size_t kExcerptLength = 60;

struct TooDeep {};

std::string member_path(std::string_view base, std::string_view key) {
  std::string path(base);
  if (!path.empty()) path += '.';
  path += key;
  return path;
}

std::string element_path(std::string_view base, std::size_t index) {
  std::string path(base);
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

// A value as it appears in the file, shortened to fit in a message.
std::string excerpt(const Json& value, std::size_t length = kExcerptLength) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() <= length) return text;
  std::size_t cut = length;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;  // not inside a UTF-8 character
  text.resize(cut);
  text += "...";
  return text;
}

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// The scale s of a "decimal(p,s)" (or "numeric(p,s)") column type; "decimal(p)" has scale 0. -1 for anything else.
int decimal_scale(std::string_view db_type) {
  std::string_view rest;
  for (std::string_view prefix : {std::string_view("decimal"), std::string_view("numeric")}) {
    if (starts_with_ignoring_case(db_type, prefix)) rest = db_type.substr(prefix.size());
  }
  const auto skip_spaces = [&rest] {
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  };
  const auto read_number = [&rest]() -> int {
    int value = 0;
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9' && digits < 4) {
      value = value * 10 + (rest[digits] - '0');
      ++digits;
    }
    if (digits == 0) return -1;
    rest.remove_prefix(digits);
    return value;
  };
  skip_spaces();
  if (rest.empty() || rest.front() != '(') return -1;
  rest.remove_prefix(1);
  skip_spaces();
  if (read_number() < 0) return -1;
  skip_spaces();
  int scale = 0;
  if (!rest.empty() && rest.front() == ',') {
    rest.remove_prefix(1);
    skip_spaces();
    scale = read_number();
    if (scale < 0) return -1;
    skip_spaces();
  }
  return (!rest.empty() && rest.front() == ')') ? scale : -1;
}

// The x_storage notes of the reference data: storage column and database type of each field.
struct Storage {
  std::unordered_map<std::string_view, std::string_view> columns;
  std::unordered_map<std::string_view, std::string_view> db_types;
};

// Turns the JSON of one source into modules, or into the first error found, with the JSON path of the fault.
class DescribeReader {
 public:
  explicit DescribeReader(std::string_view source) : source_(source) {}

  Status read_document(const Json& document);
  std::vector<ModuleDef>& modules() noexcept { return modules_; }

  Error fail(std::string_view path, std::string_view what, std::string hint = {}) const {
    std::string message = source_;
    message += ": ";
    if (!path.empty()) {
      message += path;
      message += ": ";
    }
    message += what;
    return Error::invalid_metadata(std::move(message), Span{}, std::move(hint));
  }

 private:
  Status read_object(const Json& object, const std::string& path);
  Status read_envelope(const Json& envelope, const std::string& path);
  Status read_bundle(const Json& modules, const std::string& path);
  Status read_module(const Json& object, const std::string& path, std::string_view bundle_key);
  Result<FieldDef> read_field(const Json& object, const std::string& path, const Storage& storage) const;
  Result<Storage> read_storage(const Json& module, const std::string& path) const;

  Result<const std::string*> optional_string(const Json& object, std::string_view key, const std::string& path) const;
  Result<bool> read_flag(const Json& object, std::string_view key, bool fallback, const std::string& path) const;
  Result<std::optional<std::string>> scalar_text(const Json& value, const std::string& path) const;

  std::string source_;
  std::vector<ModuleDef> modules_;
};

Status DescribeReader::read_document(const Json& document) {
  if (document.is_array()) {
    for (std::size_t i = 0; i < document.size(); ++i) {
      const std::string path = element_path("", i);
      if (!document[i].is_object()) {
        return fail(path, "expected a describe result or webservice envelope object, got " + excerpt(document[i]));
      }
      if (Status read = read_object(document[i], path); !read.ok()) return read;
    }
    return Ok{};
  }
  if (!document.is_object()) {
    return fail("", "expected describe metadata (an object or an array of objects), got " + excerpt(document));
  }
  return read_object(document, "");
}

Status DescribeReader::read_object(const Json& object, const std::string& path) {
  if (object.contains("success")) return read_envelope(object, path);
  if (object.contains("modules") && !object.contains("fields")) {
    return read_bundle(object["modules"], member_path(path, "modules"));
  }
  if (!object.contains("name") && !object.contains("fields")) {
    return fail(path, "not describe metadata: expected a describe result with name and fields",
                "accepted forms: a describe result {\"name\":...,\"fields\":[...]}, the webservice envelope "
                "{\"success\":true,\"result\":{...}}, an array of these, or a bundle {\"modules\":{\"Name\":{...}}}");
  }
  return read_module(object, path, {});
}

Status DescribeReader::read_envelope(const Json& envelope, const std::string& path) {
  const Json& success = envelope["success"];
  if (!success.is_boolean()) {
    return fail(member_path(path, "success"), "expected true or false, got " + excerpt(success));
  }
  if (!success.get<bool>()) {
    // Quote the server's own words: they say why describe failed (no access, unknown module, expired session).
    std::string what = "the webservice answered with an error instead of describe metadata";
    const auto error = envelope.find("error");
    if (error == envelope.end()) return fail(path, what);
    const auto code = error->is_object() ? error->find("code") : error->end();
    const auto text = error->is_object() ? error->find("message") : error->end();
    if (code != error->end() && code->is_string() && text != error->end() && text->is_string()) {
      what += ": " + code->get<std::string>() + ": " + text->get<std::string>();
    } else {
      what += ": " + excerpt(*error, 4 * kExcerptLength);
    }
    return fail(path, what);
  }
  const std::string result_path = member_path(path, "result");
  const auto result = envelope.find("result");
  if (result == envelope.end()) return fail(path, "the envelope has no result");
  if (!result->is_object()) return fail(result_path, "expected the describe result object, got " + excerpt(*result));
  return read_module(*result, result_path, {});
}

Status DescribeReader::read_bundle(const Json& modules, const std::string& path) {
  if (modules.is_object()) {
    for (const auto& [key, module] : modules.items()) {
      const std::string module_path = member_path(path, key);
      if (!module.is_object()) return fail(module_path, "expected a module object, got " + excerpt(module));
      if (Status read = read_module(module, module_path, key); !read.ok()) return read;
    }
    return Ok{};
  }
  if (modules.is_array()) {
    for (std::size_t i = 0; i < modules.size(); ++i) {
      const std::string module_path = element_path(path, i);
      if (!modules[i].is_object()) return fail(module_path, "expected a module object, got " + excerpt(modules[i]));
      if (Status read = read_module(modules[i], module_path, {}); !read.ok()) return read;
    }
    return Ok{};
  }
  return fail(path, "expected an object of modules by name, got " + excerpt(modules));
}

Status DescribeReader::read_module(const Json& object, const std::string& path, std::string_view bundle_key) {
  ModuleDef module;
  {
    auto name = optional_string(object, "name", path);
    if (!name.ok()) return std::move(name).error();
    if (*name == nullptr || (*name)->empty()) return fail(path, "module has no name");
    module.name = **name;
  }
  if (!bundle_key.empty() && module.name != bundle_key) {
    return fail(member_path(path, "name"),
                "module name \"" + module.name + "\" differs from its key \"" + std::string(bundle_key) + "\"");
  }
  const auto fields = object.find("fields");
  if (fields == object.end()) return fail(path, "module " + module.name + " has no fields");
  const std::string fields_path = member_path(path, "fields");
  if (!fields->is_array()) return fail(fields_path, "expected an array of fields, got " + excerpt(*fields));

  if (auto label = optional_string(object, "label", path); !label.ok()) {
    return std::move(label).error();
  } else {
    module.label = *label != nullptr ? **label : module.name;
  }

  if (const auto prefix = object.find("idPrefix"); prefix != object.end() && !prefix->is_null()) {
    if (prefix->is_number_unsigned()) {
      module.id_prefix = std::to_string(prefix->get<std::uint64_t>());
    } else if (prefix->is_string()) {
      module.id_prefix = prefix->get<std::string>();
    }
    const bool digits = !module.id_prefix.empty() && std::all_of(module.id_prefix.begin(), module.id_prefix.end(),
                                                                 [](char c) { return c >= '0' && c <= '9'; });
    // Nine digits at most, as a query's ids may have: every prefix fits the 32 bits ids keep it in.
    if (!digits || module.id_prefix.size() > 9) {
      return fail(member_path(path, "idPrefix"),
                  "expected the digits of entity ids before the x (at most nine), got " + excerpt(*prefix));
    }
  }

  struct FlagSpec {
    std::string_view key;
    bool* target;
  };
  for (const FlagSpec& flag : {FlagSpec{"isEntity", &module.is_entity}, FlagSpec{"createable", &module.createable},
                               FlagSpec{"updateable", &module.updateable}, FlagSpec{"deleteable", &module.deleteable},
                               FlagSpec{"retrieveable", &module.retrieveable}}) {
    auto value = read_flag(object, flag.key, true, path);
    if (!value.ok()) return std::move(value).error();
    *flag.target = *value;
  }

  if (const auto label_fields = object.find("labelFields"); label_fields != object.end() && !label_fields->is_null()) {
    // vtiger 7 sends "firstname,lastname"; some versions send the list itself.
    if (label_fields->is_string()) {
      module.label_fields = label_fields->get<std::string>();
    } else if (label_fields->is_array() &&
               std::all_of(label_fields->begin(), label_fields->end(), [](const Json& v) { return v.is_string(); })) {
      for (const Json& field : *label_fields) {
        if (!module.label_fields.empty()) module.label_fields += ',';
        module.label_fields += field.get<std::string>();
      }
    } else {
      return fail(member_path(path, "labelFields"),
                  "expected a comma-separated list of fields, got " + excerpt(*label_fields));
    }
  }

  auto storage = read_storage(object, path);
  if (!storage.ok()) return std::move(storage).error();

  module.fields.reserve(fields->size());
  for (std::size_t i = 0; i < fields->size(); ++i) {
    const std::string field_path = element_path(fields_path, i);
    auto field = read_field((*fields)[i], field_path, *storage);
    if (!field.ok()) return std::move(field).error();
    module.fields.push_back(std::move(field).value());
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    if (!seen.insert(module.fields[i].name).second) {
      return fail(member_path(element_path(fields_path, i), "name"),
                  "duplicate field \"" + module.fields[i].name + "\"");
    }
  }
  if (seen.find("id") == seen.end()) {
    return fail(fields_path, "module " + module.name + " has no id field",
                "describe always lists an `id` field: {\"name\":\"id\",\"type\":{\"name\":\"autogenerated\"}}");
  }

  Json described = object;
  described.erase("x_storage");  // vtql's storage notes, not part of describe
  module.describe_json = described.dump(-1, ' ', false, Json::error_handler_t::replace);
  module.index_fields();
  modules_.push_back(std::move(module));
  return Ok{};
}

Result<FieldDef> DescribeReader::read_field(const Json& object, const std::string& path, const Storage& storage) const {
  if (!object.is_object()) return fail(path, "expected a field object, got " + excerpt(object));
  FieldDef field;
  {
    auto name = optional_string(object, "name", path);
    if (!name.ok()) return std::move(name).error();
    if (*name == nullptr || (*name)->empty()) return fail(path, "field has no name");
    field.name = **name;
  }
  const auto type = object.find("type");
  const bool has_type_name = type != object.end() && type->is_object() && type->contains("name") &&
                             (*type)["name"].is_string() && !(*type)["name"].get_ref<const std::string&>().empty();
  if (!has_type_name) {
    return fail(path, "field has no type.name", "the type is an object, as in \"type\":{\"name\":\"string\"}");
  }
  const std::string type_path = member_path(path, "type");
  field.type_name = (*type)["name"].get<std::string>();
  field.type = field_type_from_name(field.type_name);

  if (auto label = optional_string(object, "label", path); !label.ok()) {
    return std::move(label).error();
  } else {
    field.label = *label != nullptr ? **label : field.name;
  }

  if (const auto refers_to = type->find("refersTo"); refers_to != type->end() && !refers_to->is_null()) {
    const std::string refers_path = member_path(type_path, "refersTo");
    if (!refers_to->is_array()) {
      return fail(refers_path, "expected an array of module names, got " + excerpt(*refers_to));
    }
    for (std::size_t i = 0; i < refers_to->size(); ++i) {
      const Json& module = (*refers_to)[i];
      if (!module.is_string()) {
        return fail(element_path(refers_path, i), "expected a module name, got " + excerpt(module));
      }
      field.refers_to.push_back(module.get<std::string>());
    }
  }

  if (const auto values = type->find("picklistValues"); values != type->end() && !values->is_null()) {
    const std::string values_path = member_path(type_path, "picklistValues");
    if (!values->is_array()) return fail(values_path, "expected an array of picklist values, got " + excerpt(*values));
    for (std::size_t i = 0; i < values->size(); ++i) {
      const Json& entry = (*values)[i];
      const std::string entry_path = element_path(values_path, i);
      // Describe sends {"label":..., "value":...}; hand-written files often list the values alone.
      const bool is_pair = entry.is_object();
      if (is_pair && !entry.contains("value")) return fail(entry_path, "picklist entry has no value");
      auto text =
          scalar_text(is_pair ? entry["value"] : entry, is_pair ? member_path(entry_path, "value") : entry_path);
      if (!text.ok()) return std::move(text).error();
      if (!text->has_value()) return fail(entry_path, "picklist value is null");
      field.picklist.push_back(std::move(**text));
    }
  }

  // Describe calls it "default"; some clients rename it "defaultValue". type.defaultValue is only the first
  // picklist value, not the field's default, so it is not read.
  for (std::string_view key : {std::string_view("default"), std::string_view("defaultValue")}) {
    const auto value = object.find(key);
    if (value == object.end()) continue;
    auto text = scalar_text(*value, member_path(path, key));
    if (!text.ok()) return std::move(text).error();
    field.default_value = std::move(*text);
    break;
  }

  struct FlagSpec {
    std::string_view key;
    bool fallback;
    bool* target;
  };
  for (const FlagSpec& flag :
       {FlagSpec{"mandatory", false, &field.mandatory}, FlagSpec{"nullable", true, &field.nullable},
        FlagSpec{"editable", true, &field.editable}}) {
    auto value = read_flag(object, flag.key, flag.fallback, path);
    if (!value.ok()) return std::move(value).error();
    *flag.target = *value;
  }

  if (const auto column = storage.columns.find(field.name); column != storage.columns.end()) {
    field.column = std::string(column->second);
  }
  if (const auto db_type = storage.db_types.find(field.name); db_type != storage.db_types.end()) {
    field.scale = decimal_scale(db_type->second);
  }
  if (field.scale < 0 &&
      (field.type == FieldType::kCurrency || field.type == FieldType::kDecimal || field.type == FieldType::kDouble)) {
    field.scale = kDefaultDecimalScale;
  }
  return field;
}

Result<Storage> DescribeReader::read_storage(const Json& module, const std::string& path) const {
  Storage storage;
  const auto notes = module.find("x_storage");
  if (notes == module.end() || notes->is_null()) return storage;
  const std::string notes_path = member_path(path, "x_storage");
  if (!notes->is_object()) return fail(notes_path, "expected an object, got " + excerpt(*notes));

  if (const auto columns = notes->find("columns"); columns != notes->end() && !columns->is_null()) {
    const std::string columns_path = member_path(notes_path, "columns");
    if (!columns->is_object()) {
      return fail(columns_path, "expected an object of columns by field, got " + excerpt(*columns));
    }
    for (const auto& [field, column] : columns->items()) {
      if (!column.is_string()) {
        return fail(member_path(columns_path, field), "expected \"table.column\", got " + excerpt(column));
      }
      storage.columns.emplace(field, column.get_ref<const std::string&>());
    }
  }
  if (const auto meta = notes->find("field_meta"); meta != notes->end() && !meta->is_null()) {
    const std::string meta_path = member_path(notes_path, "field_meta");
    if (!meta->is_object()) return fail(meta_path, "expected an object of field notes by field, got " + excerpt(*meta));
    for (const auto& [field, facts] : meta->items()) {
      const std::string facts_path = member_path(meta_path, field);
      if (!facts.is_object()) return fail(facts_path, "expected an object, got " + excerpt(facts));
      const auto db_type = facts.find("db_type");
      if (db_type == facts.end() || db_type->is_null()) continue;
      if (!db_type->is_string()) {
        return fail(member_path(facts_path, "db_type"),
                    "expected a column type such as \"decimal(25,8)\", got " + excerpt(*db_type));
      }
      storage.db_types.emplace(field, db_type->get_ref<const std::string&>());
    }
  }
  return storage;
}

Result<const std::string*> DescribeReader::optional_string(const Json& object, std::string_view key,
                                                           const std::string& path) const {
  const auto value = object.find(key);
  if (value == object.end() || value->is_null()) return static_cast<const std::string*>(nullptr);
  if (!value->is_string()) return fail(member_path(path, key), "expected a string, got " + excerpt(*value));
  return &value->get_ref<const std::string&>();
}

Result<bool> DescribeReader::read_flag(const Json& object, std::string_view key, bool fallback,
                                       const std::string& path) const {
  const auto value = object.find(key);
  if (value == object.end() || value->is_null()) return fallback;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_number_integer()) {
    const auto number = value->get<std::int64_t>();
    if (number == 0 || number == 1) return number == 1;
  }
  if (value->is_string()) {
    // Some modules' describe passes database values through: "1" and "" (or "0") instead of true and false.
    const std::string& text = value->get_ref<const std::string&>();
    if (text == "1" || text == "true") return true;
    if (text.empty() || text == "0" || text == "false") return false;
  }
  return fail(member_path(path, key), "expected true or false, got " + excerpt(*value));
}

Result<std::optional<std::string>> DescribeReader::scalar_text(const Json& value, const std::string& path) const {
  if (value.is_null()) return std::optional<std::string>();
  if (value.is_string()) return std::optional<std::string>(value.get<std::string>());
  if (value.is_boolean()) return std::optional<std::string>(value.get<bool>() ? "1" : "0");
  if (value.is_number()) return std::optional<std::string>(value.dump());
  return fail(path, "expected a string or number, got " + excerpt(value));
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at " preamble.
std::string describe_parse_error(const nlohmann::json::parse_error& error) {
  std::string_view text = error.what();
  if (const auto bracket = text.find("] "); bracket != std::string_view::npos) text.remove_prefix(bracket + 2);
  constexpr std::string_view kPreamble = "parse error at ";
  if (text.substr(0, kPreamble.size()) == kPreamble) {
    return "invalid JSON at " + std::string(text.substr(kPreamble.size()));
  }
  return "invalid JSON: " + std::string(text);
}

Result<std::vector<ModuleDef>> read_modules(std::string_view text, std::string_view source) {
  DescribeReader reader(source);
  Json document;
  try {
    const Json::parser_callback_t depth_guard = [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxDepth) throw TooDeep{};
      return true;
    };
    document = Json::parse(text.begin(), text.end(), depth_guard);
  } catch (const nlohmann::json::parse_error& error) {
    Error failure = reader.fail("", describe_parse_error(error));
    // nlohmann counts the byte it stopped at from 1; a span counts from 0.
    const std::size_t offset = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0, text.size());
    failure.span =
        Span{static_cast<std::uint32_t>(std::min<std::size_t>(offset, UINT32_MAX)), offset < text.size() ? 1U : 0U};
    return failure;
  } catch (const TooDeep&) {
    return reader.fail("", "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  if (Status read = reader.read_document(document); !read.ok()) return std::move(read).error();
  return std::move(reader.modules());
}

Error io_error(const std::string& path, const std::error_code& code) {
  return Error::io("cannot read " + path + ": " + code.message());
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path.string(), std::error_code(errno, std::generic_category()));
  std::string text(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
  if (in.bad()) return io_error(path.string(), std::error_code(errno, std::generic_category()));
  return text;
}

}  // namespace

Result<std::shared_ptr<const Schema>> Schema::from_json(std::string_view text, std::string_view source) {
  try {
    auto modules = read_modules(text, source);
    if (!modules.ok()) return std::move(modules).error();
    return std::make_shared<const Schema>(std::move(modules).value());
  } catch (const nlohmann::json::exception& error) {
    // Every access above is type-checked first, so this is a gap in those checks rather than bad input alone.
    return Error::invalid_metadata(std::string(source) + ": " + error.what());
  } catch (const std::exception& error) {
    return Error::internal(std::string("loading ") + std::string(source) + ": " + error.what());
  }
}

Result<std::shared_ptr<const Schema>> Schema::load(const std::string& path) {
  namespace fs = std::filesystem;
  try {
    std::error_code code;
    const fs::file_status status = fs::status(path, code);
    if (code) return io_error(path, code);

    std::vector<fs::path> files;
    if (fs::is_directory(status)) {
      for (fs::directory_iterator it(path, code), end; !code && it != end; it.increment(code)) {
        std::error_code entry_code;
        if (it->path().extension() == ".json" && it->is_regular_file(entry_code)) files.push_back(it->path());
      }
      if (code) return io_error(path, code);
      if (files.empty()) return Error::io(path + ": the directory holds no *.json files");
      // Sorted, so that which of two files defining a module wins does not depend on the file system.
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(path);
    }

    std::vector<ModuleDef> modules;
    for (const fs::path& file : files) {
      auto text = read_file(file);
      if (!text.ok()) return std::move(text).error();
      auto read = read_modules(*text, file.string());
      if (!read.ok()) return std::move(read).error();
      std::move(read->begin(), read->end(), std::back_inserter(modules));
    }
    return std::make_shared<const Schema>(std::move(modules));
  } catch (const nlohmann::json::exception& error) {
    return Error::invalid_metadata(path + ": " + error.what());
  } catch (const std::exception& error) {
    return Error::internal("loading " + path + ": " + error.what());
  }
}

}  // namespace vtql
