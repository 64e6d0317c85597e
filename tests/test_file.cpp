// Reader for the data-driven .test files.
#include "tests/test_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vtql::testing {

std::vector<std::string> list_test_files(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".test") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char c = text[++i];
    switch (c) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case '0':
        out.push_back('\0');
        break;
      case 'x':
        if (i + 2 < text.size()) {
          out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
          i += 2;
        }
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  return out;
}

std::vector<TestRecord> read_test_file(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  std::vector<TestRecord> records;
  std::size_t i = 0;
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; };
  while (i < lines.size()) {
    if (blank(lines[i]) || lines[i][0] == '#') {
      ++i;
      continue;
    }
    TestRecord record;
    record.file = path;
    record.line = static_cast<int>(i + 1);
    std::istringstream words(lines[i]);
    words >> record.directive;
    for (std::string option; words >> option;) {
      const auto eq = option.find('=');
      record.options[option.substr(0, eq)] = eq == std::string::npos ? "" : option.substr(eq + 1);
    }
    ++i;
    std::string query;
    bool first = true;
    while (i < lines.size() && lines[i] != "----") {
      if (!first) query += "\n";
      query += lines[i];
      first = false;
      ++i;
    }
    if (i == lines.size()) {
      record.directive = "malformed";
      record.expected = {"no ---- line after the query"};
      records.push_back(std::move(record));
      break;
    }
    ++i;  // ----
    record.query = record.options.count("escaped") ? unescape(query) : query;
    while (i < lines.size() && !blank(lines[i])) record.expected.push_back(lines[i++]);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace vtql::testing
