// Export of a module's live records as CSV or JSON Lines, streamed from a scan in id order in the string forms.
#include <algorithm>
#include <ostream>

#include "engine/executor/executor.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/exchange.hpp"

namespace vtql {
namespace {

constexpr std::uint64_t kProgressEvery = 4096;
constexpr std::size_t kFlushBytes = 1 << 16;

void append_csv(std::string& out, const std::optional<std::string>& value) {
  if (!value) return;  // NULL: an empty field
  const std::string& text = *value;
  // The empty string is quoted so that it reads back as itself, not as NULL.
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out.push_back('"');
  for (const char c : text) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  out.push_back('"');
}

void append_json_string(std::string& out, std::string_view text) {
  constexpr const char* kHex = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          out += "\\u00";
          out.push_back(kHex[byte >> 4]);
          out.push_back(kHex[byte & 15]);
      }
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

Result<ExportReport> export_records(const Database& database, std::string_view module, std::ostream& out,
                                    const ExportOptions& options) {
  const Schema& schema = *database.schema();
  const ModuleDef* target = schema.find_module(module);
  if (target == nullptr) {
    return Error{ErrorCode::kAccessDenied, "the database has no module '" + std::string(module) + "'", {}, {}};
  }
  const storage::Backend& backend = database.backend();

  storage::ScanSpec spec;
  spec.module = target;
  const int id_field = target->field_index("id");
  if (id_field >= 0) spec.columns.push_back(id_field);
  for (const int index : target->star_fields()) {
    if (index != id_field) spec.columns.push_back(index);
  }
  spec.resolve_references = backend.capabilities().references;

  ExportReport report;
  for (const int index : spec.columns) report.columns.push_back(target->fields[static_cast<std::size_t>(index)].name);
  std::uint64_t total = 0;
  if (options.progress && backend.capabilities().count) {
    storage::ScanSpec all;
    all.module = target;
    if (auto counted = backend.count(all)) total = *counted;
  }

  auto cursor = backend.scan(spec);
  if (!cursor) return std::move(cursor).error();

  std::string buffer;
  buffer.reserve(kFlushBytes * 2);
  const auto flush = [&]() -> bool {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    return static_cast<bool>(out);
  };
  const bool csv = options.format == DataFormat::kCsv;
  if (csv) {
    for (std::size_t i = 0; i < report.columns.size(); ++i) {
      if (i > 0) buffer.push_back(',');
      append_csv(buffer, report.columns[i]);
    }
    buffer += "\r\n";
  }

  storage::Row row;
  while ((*cursor)->next(row)) {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      const FieldDef& field = target->fields[static_cast<std::size_t>(spec.columns[i])];
      const std::optional<std::string> text =
          executor::output_string(row[i], field, schema, backend, spec.resolve_references);
      if (csv) {
        if (i > 0) buffer.push_back(',');
        append_csv(buffer, text);
      } else {
        buffer.push_back(i == 0 ? '{' : ',');
        append_json_string(buffer, report.columns[i]);
        buffer.push_back(':');
        if (text) {
          append_json_string(buffer, *text);
        } else {
          buffer += "null";
        }
      }
    }
    buffer += csv ? "\r\n" : "}\n";
    ++report.rows;
    if (buffer.size() >= kFlushBytes && !flush()) {
      return Error{
          ErrorCode::kIoError, "writing the export failed after " + std::to_string(report.rows) + " records", {}, {}};
    }
    if (options.progress && report.rows % kProgressEvery == 0) options.progress(report.rows, total);
  }
  if (auto status = (*cursor)->status(); !status) return std::move(status).error();
  if (!flush() || !out.flush()) {
    return Error{
        ErrorCode::kIoError, "writing the export failed after " + std::to_string(report.rows) + " records", {}, {}};
  }
  if (options.progress) options.progress(report.rows, std::max(total, report.rows));
  return report;
}

}  // namespace vtql
