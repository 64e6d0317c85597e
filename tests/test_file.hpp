// Reader for the data-driven .test files: records of a query and its expected outcome.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace vtql::testing {

// One record:
//   check [max_rows=N] [escaped]     the directive, with options
//   SELECT ... ;                     the query: every line up to ----
//   ----
//   expected lines                   up to a blank line or the end of the file
struct TestRecord {
  std::string file;
  int line = 0;  // of the directive
  std::string directive;
  std::map<std::string, std::string> options;
  std::string query;
  std::vector<std::string> expected;
};

// Reads every record of a file; a malformed file gives a record with directive "malformed" and the reason.
std::vector<TestRecord> read_test_file(const std::string& path);

// Lists the .test files below `dir`, sorted.
std::vector<std::string> list_test_files(const std::string& dir);

// Resolves the C-style escapes of an `escaped` query: \n \t \r \0 \\ \xHH.
std::string unescape(const std::string& text);

}  // namespace vtql::testing
