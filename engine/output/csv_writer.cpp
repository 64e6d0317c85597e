// CSV fields and records (RFC 4180, NULL apart from the empty string), and the rows of a query written as CSV.
#include "vtql/output.hpp"

namespace vtql {

void append_csv_field(std::string& out, std::optional<std::string_view> value) {
  if (!value) return;  // NULL: an empty field
  const std::string_view text = *value;
  // The empty string is quoted so that it reads back as itself, not as NULL.
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string_view::npos) {
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

void append_csv_record(std::string& out, std::span<const std::optional<std::string_view>> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_csv_field(out, values[i]);
  }
  out += "\r\n";
}

void append_csv_record(std::string& out, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_csv_field(out, std::string_view(values[i]));
  }
  out += "\r\n";
}

void CsvRowWriter::begin(const std::vector<std::string>& columns) {
  out_.clear();
  rows_ = 0;
  append_csv_record(out_, columns);
}

void CsvRowWriter::row(std::span<const std::optional<std::string_view>> values) {
  append_csv_record(out_, values);
  ++rows_;
}

}  // namespace vtql
