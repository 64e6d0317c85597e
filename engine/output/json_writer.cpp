// JSON strings (invalid UTF-8 written as U+FFFD), and the webservice's result array written row by row.
#include <utf8proc.h>

#include "engine/output/json_object.hpp"
#include "vtql/output.hpp"

namespace vtql {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The bytes a sequence that starts with `lead` has, or 1 for a byte that starts none.
std::size_t sequence_length(unsigned char lead) noexcept {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

// Whether the bytes from `i` start a valid character; its length in *length either way (for a broken sequence, the
// lead byte and the continuation bytes after it, so that it becomes one replacement character).
bool valid_character(std::string_view text, std::size_t i, std::size_t* length) noexcept {
  utf8proc_int32_t code_point = 0;
  const auto read = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                     static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
  if (read > 0) {
    *length = static_cast<std::size_t>(read);
    return true;
  }
  const std::size_t most = sequence_length(static_cast<unsigned char>(text[i]));
  std::size_t n = 1;
  while (n < most && i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
  *length = n;
  return false;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  constexpr const char* kHex = "0123456789abcdef";
  out.push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    // Runs of printable ASCII go in whole.
    std::size_t run = i;
    while (run < text.size()) {
      const auto byte = static_cast<unsigned char>(text[run]);
      if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      std::size_t length = 1;
      if (valid_character(text, i, &length)) {
        out.append(text.data() + i, length);
      } else {
        out += kReplacement;
      }
      i += length;
      continue;
    }
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
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
    ++i;
  }
  out.push_back('"');
}

namespace output {

std::vector<std::string> json_keys(const std::vector<std::string>& columns) {
  std::vector<std::string> keys;
  keys.reserve(columns.size());
  for (const std::string& column : columns) {
    std::string key;
    append_json_string(key, column);
    key.push_back(':');
    keys.push_back(std::move(key));
  }
  return keys;
}

void append_json_object(std::string& out, const std::vector<std::string>& keys,
                        std::span<const std::optional<std::string_view>> values) {
  out.push_back('{');
  for (std::size_t i = 0; i < values.size() && i < keys.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += keys[i];
    if (values[i]) {
      append_json_string(out, *values[i]);
    } else {
      out += "null";
    }
  }
  out.push_back('}');
}

}  // namespace output

void JsonRowWriter::begin(const std::vector<std::string>& columns) {
  keys_ = output::json_keys(columns);
  out_.assign(1, '[');
  rows_ = 0;
  closed_ = false;
}

void JsonRowWriter::row(std::span<const std::optional<std::string_view>> values) {
  if (closed_) {
    out_.pop_back();
    closed_ = false;
  }
  if (rows_ > 0) out_.push_back(',');
  output::append_json_object(out_, keys_, values);
  ++rows_;
}

std::string_view JsonRowWriter::finish() {
  if (out_.empty()) out_.push_back('[');
  if (!closed_) {
    out_.push_back(']');
    closed_ = true;
  }
  return out_;
}

std::string ResultSet::to_json() const {
  JsonRowWriter writer;
  writer.begin(columns);
  std::vector<std::optional<std::string_view>> views(columns.size());
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < views.size() && i < row.size(); ++i) {
      views[i] = row[i] ? std::optional<std::string_view>(*row[i]) : std::nullopt;
    }
    writer.row(views);
  }
  return std::string(writer.finish());
}

}  // namespace vtql
