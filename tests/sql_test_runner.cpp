// Runs the data-driven .test files under tests/sql: each record's query through the engine, compared with the
// expected outcome, plus free checks (a valid query's canonical text parses back to the same tree).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "engine/internal.hpp"
#include "engine/storage/limited_backend.hpp"
#include "tests/fixture.hpp"
#include "tests/test_file.hpp"
#include "vtql/engine.hpp"

namespace vtql::testing {
namespace {

std::string position(std::string_view text, Span span) {
  const Location where = locate(text, span.offset);
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

std::string rest_of(const std::string& line, std::string_view word) {
  return line.size() > word.size() + 1 ? line.substr(word.size() + 1) : std::string();
}

void run_check(const TestRecord& record) {
  Settings settings;
  if (record.options.count("max_rows")) settings.max_rows = std::stoull(record.options.at("max_rows"));
  if (record.options.count("max_query_bytes"))
    settings.max_query_bytes = std::stoul(record.options.at("max_query_bytes"));
  if (record.options.count("max_predicates")) settings.max_predicates = std::stoul(record.options.at("max_predicates"));
  if (record.options.count("max_in_values")) settings.max_in_values = std::stoul(record.options.at("max_in_values"));
  if (record.options.count("max_order_terms"))
    settings.max_order_terms = std::stoul(record.options.at("max_order_terms"));
  if (record.options.count("max_warnings")) settings.max_warnings = std::stoul(record.options.at("max_warnings"));
  const Engine engine(Schema::builtin(), settings);
  const auto result = engine.check(record.query);
  const std::string& query = record.query;

  std::vector<std::string> caret_lines;
  std::size_t warnings_expected = 0;
  bool expect_ok = false;
  for (const std::string& line : record.expected) {
    if (line == "ok") {
      expect_ok = true;
      ASSERT_TRUE(result.ok()) << "expected a valid query, got " << to_string(result.error().code) << " at "
                               << position(query, result.error().span) << ": " << result.error().message;
    } else if (starts_with(line, "error ")) {
      std::istringstream words(line.substr(6));
      std::string code;
      std::string where;
      words >> code >> where;
      ASSERT_FALSE(result.ok()) << "expected " << code << ", the query was valid: " << ast::to_string(result->syntax());
      EXPECT_EQ(to_string(result.error().code), code) << result.error().message;
      if (!where.empty()) {
        EXPECT_EQ(position(query, result.error().span), where) << result.error().message;
      }
    } else if (starts_with(line, "message ")) {
      ASSERT_FALSE(result.ok());
      EXPECT_NE(result.error().message.find(rest_of(line, "message")), std::string::npos)
          << "message: " << result.error().message;
    } else if (starts_with(line, "hint ")) {
      ASSERT_FALSE(result.ok());
      EXPECT_NE(result.error().hint.find(rest_of(line, "hint")), std::string::npos) << "hint: " << result.error().hint;
    } else if (starts_with(line, "warning ")) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      std::istringstream words(line.substr(8));
      std::string where;
      words >> where;
      std::string text;
      std::getline(words, text);
      if (!text.empty() && text[0] == ' ') text.erase(0, 1);
      const auto& warnings = result->warnings();
      ASSERT_LT(warnings_expected, warnings.size()) << "fewer warnings than expected; missing: " << line;
      const Warning& w = warnings[warnings_expected++];
      EXPECT_EQ(position(query, w.span), where) << w.message;
      EXPECT_NE(w.message.find(text), std::string::npos) << "warning: " << w.message;
    } else if (starts_with(line, "parsed ")) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(nlohmann::json::parse(result->parsed_json()), nlohmann::json::parse(rest_of(line, "parsed")));
    } else if (starts_with(line, "canonical ")) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(ast::to_string(result->syntax()), rest_of(line, "canonical"));
    } else if (starts_with(line, "columns ")) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      std::string joined;
      for (const std::string& c : result->columns()) joined += (joined.empty() ? "" : ",") + c;
      EXPECT_EQ(joined, rest_of(line, "columns"));
    } else if (starts_with(line, "|")) {
      caret_lines.push_back(line.size() > 2 ? line.substr(2) : std::string());
    } else {
      FAIL() << "unknown expectation line: " << line;
    }
  }
  if (expect_ok && result.ok()) {
    EXPECT_EQ(result->warnings().size(), warnings_expected)
        << "unexpected warning: "
        << (result->warnings().size() > warnings_expected ? result->warnings()[warnings_expected].message
                                                          : std::string());
    // The free check: the canonical spelling parses back to the same tree.
    const std::string canonical = ast::to_string(result->syntax());
    const auto again = parse(canonical, settings);
    ASSERT_TRUE(again.ok()) << canonical << ": " << again.error().message;
    EXPECT_TRUE(ast::equal(*again, result->syntax())) << canonical;
  }
  if (!caret_lines.empty()) {
    std::string expected;
    for (std::size_t i = 0; i < caret_lines.size(); ++i) expected += (i ? "\n" : "") + caret_lines[i];
    const Span span = result.ok() ? result->warnings().at(0).span : result.error().span;
    EXPECT_EQ(render_caret(query, span), expected);
  }
}

Settings settings_of(const TestRecord& record) {
  Settings settings;
  if (record.options.count("max_rows")) settings.max_rows = std::stoull(record.options.at("max_rows"));
  return settings;
}

// The databases a query record runs on: the fixture in the memory backend, which takes the whole query; the
// same records behind a backend that can do nothing but scan, so that the engine's own operators do the rest;
// and the fixture in a SQLite database, which takes the whole query as SQL. All three must answer alike.
struct FixtureDatabases {
  std::shared_ptr<Database> full;
  std::shared_ptr<Database> scan_only;
  std::shared_ptr<Database> sqlite;
};

const FixtureDatabases& fixture(const std::string& name) {
  static std::map<std::string, FixtureDatabases> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) {
    auto database = load_fixture(std::string(VTQL_SQL_TEST_DIR) + "/fixtures/" + name + ".jsonl");
    if (!database) throw std::runtime_error(database.error().message);
    FixtureDatabases both;
    both.full = *database;
    both.scan_only = Internals::database(
        both.full->schema(),
        std::make_unique<storage::LimitedBackend>(Internals::backend(*both.full), storage::Capabilities{}));
    OpenOptions options;
    options.schema = both.full->schema();
    auto sqlite = Database::open(":memory:", options);
    if (!sqlite) throw std::runtime_error(sqlite.error().message);
    if (auto status = load_fixture_into(**sqlite, std::string(VTQL_SQL_TEST_DIR) + "/fixtures/" + name + ".jsonl");
        !status) {
      throw std::runtime_error(status.error().message);
    }
    both.sqlite = *sqlite;
    it = loaded.emplace(name, std::move(both)).first;
  }
  return it->second;
}

std::string render(const std::optional<std::string>& value) { return value ? *value : "NULL"; }

std::vector<std::string> table_lines(const ResultSet& result) {
  std::vector<std::string> lines;
  std::string header;
  for (std::size_t i = 0; i < result.columns.size(); ++i) header += (i ? " | " : "") + result.columns[i];
  lines.push_back(header);
  for (const auto& row : result.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + render(row[i]);
    lines.push_back(line);
  }
  return lines;
}

// Engine::stream must hand over exactly what Engine::query returns, or fail with the same code.
void expect_stream_agrees(const Engine& engine, const std::string& query, const Result<ResultSet>& queried,
                          const char* backend) {
  int begins = 0;
  const auto streamed = testing::streamed(engine, query, &begins);
  ASSERT_EQ(streamed.ok(), queried.ok()) << backend << ": " << (streamed.ok() ? "" : streamed.error().message);
  if (!queried.ok()) {
    EXPECT_EQ(streamed.error().code, queried.error().code) << backend;
    return;
  }
  EXPECT_EQ(begins, 1) << backend;
  EXPECT_EQ(table_lines(*streamed), table_lines(*queried)) << backend << ": stream disagrees with query";
}

void run_query(const TestRecord& record) {
  const std::string name = record.options.count("fixture") ? record.options.at("fixture") : "crm";
  const FixtureDatabases& databases = fixture(name);
  const Settings settings = settings_of(record);
  const Engine full(databases.full, settings);
  const Engine scan_only(databases.scan_only, settings);
  const Engine sqlite(databases.sqlite, settings);
  const auto result = full.query(record.query);
  const auto reference = scan_only.query(record.query);
  const auto in_sqlite = sqlite.query(record.query);

  // All plans must agree, error or rows.
  ASSERT_EQ(result.ok(), reference.ok()) << (result.ok() ? reference.error().message : result.error().message);
  ASSERT_EQ(result.ok(), in_sqlite.ok()) << (result.ok() ? in_sqlite.error().message : result.error().message);
  if (result.ok()) {
    EXPECT_EQ(table_lines(*result), table_lines(*reference)) << "the engine's operators disagree with the backend";
    EXPECT_EQ(table_lines(*result), table_lines(*in_sqlite)) << "the SQLite backend disagrees with the memory backend";
  } else {
    EXPECT_EQ(result.error().code, reference.error().code);
    EXPECT_EQ(result.error().code, in_sqlite.error().code);
  }
  expect_stream_agrees(full, record.query, result, "memory");
  expect_stream_agrees(scan_only, record.query, reference, "scan-only");
  expect_stream_agrees(sqlite, record.query, in_sqlite, "sqlite");

  if (!record.expected.empty() && record.expected.front().rfind("error ", 0) == 0) {
    std::istringstream words(record.expected.front().substr(6));
    std::string code;
    std::string where;
    words >> code >> where;
    ASSERT_FALSE(result.ok()) << "expected " << code;
    EXPECT_EQ(to_string(result.error().code), code) << result.error().message;
    if (!where.empty()) {
      EXPECT_EQ(position(record.query, result.error().span), where) << result.error().message;
    }
    return;
  }
  ASSERT_TRUE(result.ok()) << to_string(result.error().code) << " at " << position(record.query, result.error().span)
                           << ": " << result.error().message;
  std::vector<std::string> expected = record.expected;
  const std::vector<std::string> actual = table_lines(*result);
  if (expected != actual) {
    std::string shown;
    for (const std::string& line : actual) shown += "\n" + line;
    ADD_FAILURE() << "rows differ; vtql returned:" << shown;
  }
}

class SqlTestFile : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlTestFile, Records) {
  const auto records = read_test_file(GetParam());
  ASSERT_FALSE(records.empty()) << "no records in " << GetParam();
  for (const TestRecord& record : records) {
    SCOPED_TRACE(record.file + ":" + std::to_string(record.line));
    if (record.directive == "check") {
      run_check(record);
    } else if (record.directive == "query") {
      run_query(record);
    } else {
      ADD_FAILURE() << "unknown directive '" << record.directive << "'"
                    << (record.expected.empty() ? "" : ": " + record.expected.front());
    }
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(std::string(VTQL_SQL_TEST_DIR).size() + 1);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Sql, SqlTestFile, ::testing::ValuesIn(list_test_files(VTQL_SQL_TEST_DIR)), test_name);

}  // namespace
}  // namespace vtql::testing
