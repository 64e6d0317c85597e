// Import and export: the CSV reader's edge cases and line numbers, every validation error, skip_bad, all-or-nothing
// writes, export -> import round trips, and hostile values stored and returned verbatim.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "engine/exchange/csv_reader.hpp"
#include "engine/internal.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/engine.hpp"
#include "vtql/exchange.hpp"

namespace vtql {
namespace {

using exchange::CsvReader;
using exchange::CsvRecord;

// Every record of `text` as "line:field|field|..." (quoted fields in brackets), or "line:error@line#field:message".
std::vector<std::string> read_all(const std::string& text, std::size_t block = std::size_t{1} << 20) {
  std::istringstream in(text);
  CsvReader reader(in, block);
  CsvRecord record;
  std::vector<std::string> out;
  while (reader.next(record)) {
    std::string line = std::to_string(record.line) + ":";
    if (!record.ok()) {
      line +=
          "error@" + std::to_string(record.error_line) + "#" + std::to_string(record.error_field) + ":" + record.error;
    } else {
      for (std::size_t i = 0; i < record.size(); ++i) {
        if (i > 0) line += "|";
        line += record.is_quoted(i) ? "[" + std::string(record.field(i)) + "]" : std::string(record.field(i));
      }
    }
    out.push_back(line);
  }
  EXPECT_FALSE(reader.failed());
  return out;
}

// The same records whatever the block size, so that no case depends on where a block ends.
std::vector<std::string> read_checked(const std::string& text) {
  const auto whole = read_all(text);
  for (const std::size_t block : {16, 17, 31}) EXPECT_EQ(read_all(text, block), whole) << "block " << block;
  return whole;
}

using Lines = std::vector<std::string>;

TEST(CsvReader, QuotesEscapesCommasAndNewlines) {
  EXPECT_EQ(read_checked("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n"), (Lines{"1:a|b|c", "2:1|[x,y]|[say \"hi\"]"}));
  // A quoted field spanning lines: the next record starts on the right line.
  EXPECT_EQ(read_checked("a,b\n\"one\ntwo\nthree\",2\nx,y\n"), (Lines{"1:a|b", "2:[one\ntwo\nthree]|2", "5:x|y"}));
  EXPECT_EQ(read_checked("\"\",,\"\"\"\"\n"), (Lines{"1:[]||[\"]"}));
}

TEST(CsvReader, LineEndsByteOrderMarkAndEmptyLines) {
  EXPECT_EQ(read_checked("a,b\r\n1,2\r\n\"3\r\n4\",5\r\n"), (Lines{"1:a|b", "2:1|2", "3:[3\r\n4]|5"}));
  EXPECT_EQ(read_checked("\xEF\xBB\xBFid,name\n1,x"), (Lines{"1:id|name", "2:1|x"}));
  EXPECT_EQ(read_checked("\n\na\r\n\r\n\nb\n\n"), (Lines{"3:a", "6:b"}));
  EXPECT_EQ(read_checked("a,b,\n"), (Lines{"1:a|b|"}));
  EXPECT_EQ(read_checked("a,b,"), (Lines{"1:a|b|"}));
  EXPECT_EQ(read_checked(""), Lines{});
}

TEST(CsvReader, BadQuotesNameTheirLineAndReadingGoesOn) {
  EXPECT_EQ(
      read_checked("a,b\n1,ab\"c\n2,3\n"),
      (Lines{"1:a|b",
             "2:error@2#1:a quote inside an unquoted field (quote the whole field and double the quotes inside it)",
             "3:2|3"}));
  EXPECT_EQ(
      read_checked("a,b\n\"x\ny\"z,1\n2,3\n"),
      (Lines{"1:a|b", "2:error@3#0:a closing quote must be followed by a comma or the end of the line", "4:2|3"}));
  EXPECT_EQ(read_checked("a\n1\n\"open\n\nnever closed\n"),
            (Lines{"1:a", "2:1", "3:error@3#0:the quoted field opened on line 3 is never closed"}));
  EXPECT_EQ(read_checked("a,b\r1,2\n3,4\n"),
            (Lines{"1:error@1#-1:a carriage return that is not followed by a line feed", "2:3|4"}));
}

TEST(CsvReader, InvalidUtf8IsFoundOnItsLine) {
  EXPECT_EQ(read_checked("a,b\n1,\"ok\nstill ok\nbad \xC3\x28\"\n"),
            (Lines{"1:a|b", "2:error@4#1:invalid UTF-8 (byte 0xC3)"}));
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
    std::size_t at = 99;
    EXPECT_FALSE(exchange::valid_utf8(std::string("ab") + bad, &at)) << bad;
    EXPECT_EQ(at, 2u);
  }
  EXPECT_TRUE(exchange::valid_utf8("Zürich, 東京, 🙂, plain ascii text of some length", nullptr));
}

// --- import ---------------------------------------------------------------------------------------------------

std::shared_ptr<Database> empty_sqlite() {
  auto database = Database::open(":memory:");
  EXPECT_TRUE(database.ok());
  return *database;
}

Result<ImportReport> import_text(Database& database, const std::string& module, const std::string& text,
                                 ImportOptions options = {}) {
  std::istringstream in(text);
  return import_records(database, module, in, options);
}

std::string export_text(const Database& database, const std::string& module, DataFormat format = DataFormat::kCsv) {
  std::ostringstream out;
  ExportOptions options;
  options.format = format;
  auto report = export_records(database, module, out, options);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return out.str();
}

std::vector<std::string> answer(const std::shared_ptr<Database>& database, const std::string& query) {
  Settings settings;
  settings.max_rows = 0;
  const Engine engine(database, settings);
  const auto result = engine.query(query);
  if (!result) return {"error: " + result.error().message};
  std::vector<std::string> out;
  for (const auto& row : result->rows) {
    std::string line;
    for (const auto& value : row) line += (value ? *value : "NULL") + "|";
    out.push_back(line);
  }
  return out;
}

std::uint64_t count(const std::shared_ptr<Database>& database, const std::string& module) {
  const auto rows = answer(database, "SELECT count(*) FROM " + module + ";");
  return rows.size() == 1 ? std::stoull(rows[0]) : 0;
}

// The first reported issue as "line/field/message".
std::string first_issue(const Result<ImportReport>& report) {
  if (!report) return "fatal: " + report.error().message + " | " + report.error().hint;
  if (report->errors.empty()) return "no errors";
  const ImportIssue& issue = report->errors.front();
  return std::to_string(issue.line) + "/" + issue.field + "/" + issue.message;
}

const std::string kHeader = "lastname,assigned_user_id,email,birthday,donotcall,account_id\n";

TEST(Import, GoodCsvRowsAreImportedWithNewIds) {
  auto database = empty_sqlite();
  const auto report =
      import_text(*database, "Contacts", kHeader + "Muster,19x1,a@example.com,1980-02-29,1,\nMeier,20x3,,,0,\n");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows_read, 2u);
  EXPECT_EQ(report->imported, 2u);
  EXPECT_EQ(report->bad_rows, 0u);
  EXPECT_EQ(answer(database, "SELECT lastname, birthday, donotcall, assigned_user_id FROM Contacts ORDER BY lastname;"),
            (Lines{"Meier|NULL|0|20x3|12x2|", "Muster|1980-02-29|1|19x1|12x1|"}));
  // createdtime and modifiedtime left out are set to the time of the import.
  EXPECT_EQ(answer(database, "SELECT count(*) FROM Contacts WHERE modifiedtime > '2020-01-01 00:00:00';"),
            (Lines{"2|"}));
}

TEST(Import, HeaderErrorsAreFatalAndNameTheColumn) {
  auto database = empty_sqlite();
  EXPECT_EQ(
      first_issue(import_text(*database, "Contacts", "lastnme,assigned_user_id\nx,19x1\n")),
      "fatal: line 1: Contacts has no field 'lastnme' | did you mean 'lastname'? (field names are case-sensitive)");
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", "lastname,assigned_user_id,lastname\n")),
            "fatal: line 1: the header names field 'lastname' twice | ");
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", "firstname,assigned_user_id\nx,19x1\n")),
            "fatal: line 1: the header has no column for lastname, which is mandatory in Contacts | ");
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", "")),
            "fatal: line 1: the input is empty; a CSV file starts with a header line naming the fields | ");
  const auto unknown = import_text(*database, "Contact", kHeader);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kAccessDenied);
  EXPECT_EQ(unknown.error().hint, "did you mean 'Contacts'?");
  EXPECT_EQ(count(database, "Contacts"), 0u);
}

TEST(Import, EveryKindOfBadValueIsReportedWithLineAndField) {
  struct Case {
    std::string row;
    std::string expected;
  };
  const std::vector<Case> cases{
      {"X,19x1,,1980-02-30,,", "2/birthday/'1980-02-30' is not a date (YYYY-MM-DD)"},
      {"X,19x1,,,yes,", "2/donotcall/'yes' is not a boolean (0 or 1)"},
      {"X,19x1,,,,11-5", "2/account_id/'11-5' is not an entity id such as 12x34"},
      {"X,19x1,,,,12x5", "2/account_id/'12x5': prefix 12 is Contacts; expected an id of Accounts (11x…)"},
      {"X,19x1,,,,99x5", "2/account_id/'99x5': prefix 99 names no module; expected an id of Accounts (11x…)"},
      {"X,11x1,,,,",
       "2/assigned_user_id/'11x1': prefix 11 is Accounts; expected an id of Users (19x…) or Groups (20x…)"},
      {",19x1,,,,", "2/lastname/a mandatory field has no value"},
      {"X,,,,,", "2/assigned_user_id/a mandatory field has no value"},
      {"X,19x1,,,", "2//the row has 5 fields; the header has 6"},
      {"X,19x1,\"a\nb\",\"1980\n\",,", "3/birthday/'1980\n' is not a date (YYYY-MM-DD)"},
      {"X,19x1,a\"b,,,",
       "2/email/a quote inside an unquoted field (quote the whole field and double the quotes inside it)"},
      {"X,19x1,\"\xC3\x28\",,,", "2/email/invalid UTF-8 (byte 0xC3)"},
  };
  for (const Case& c : cases) {
    auto database = empty_sqlite();
    const auto report = import_text(*database, "Contacts", kHeader + "Good,19x1,,,,\n" + c.row + "\n");
    // The good row is on line 2 here, so every expected line is one more.
    ASSERT_TRUE(report.ok()) << report.error().message;
    ASSERT_EQ(report->errors.size(), 1u) << c.row;
    const ImportIssue& issue = report->errors[0];
    EXPECT_EQ(std::to_string(issue.line - 1) + "/" + issue.field + "/" + issue.message, c.expected) << c.row;
    EXPECT_EQ(report->imported, 0u);
    EXPECT_EQ(count(database, "Contacts"), 0u) << "a bad row without skip_bad imports nothing";
  }
  // Values of the other types, through the record codec.
  auto database = empty_sqlite();
  const auto products = import_text(*database, "Products",
                                    "productname,assigned_user_id,unit_price,qtyinstock,discontinued\n"
                                    "A,19x1,12.5x,,1\nB,19x1,3,many,1\n");
  ASSERT_TRUE(products.ok()) << products.error().message;
  ASSERT_EQ(products->errors.size(), 2u);
  EXPECT_EQ(products->errors[0].field, "unit_price");
  EXPECT_EQ(products->errors[0].message, "'12.5x' is not a decimal number such as 1500.50");
  EXPECT_EQ(products->errors[1].line, 3u);
  EXPECT_EQ(products->errors[1].field, "qtyinstock");
}

TEST(Import, IdsAreKeptAndCheckedForPrefixAndDuplicates) {
  auto database = empty_sqlite();
  const std::string header = "id,lastname,assigned_user_id\n";
  auto report = import_text(*database, "Contacts", header + "12x500,A,19x1\n12x7,B,19x1\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->imported, 2u);
  EXPECT_EQ(answer(database, "SELECT lastname FROM Contacts ORDER BY lastname;"), (Lines{"A|12x500|", "B|12x7|"}));
  // New ids continue after the largest one kept.
  report = import_text(*database, "Contacts", "lastname,assigned_user_id\nC,19x1\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(answer(database, "SELECT lastname FROM Contacts WHERE lastname = 'C';"), (Lines{"C|12x501|"}));

  EXPECT_EQ(first_issue(import_text(*database, "Contacts", header + "11x9,D,19x1\n")),
            "2/id/'11x9': prefix 11 is Accounts; expected an id of Contacts (12x…)");
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", header + "12x900,D,19x1\n12x7,E,19x1\n")),
            "3/id/Contacts already has a record 7");
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", header + "12x901,D,19x1\n12x901,E,19x1\n")),
            "3/id/Contacts already has a record 901");
  EXPECT_EQ(count(database, "Contacts"), 3u);
}

TEST(Import, SkipBadImportsTheOthersAndLimitsTheReport) {
  auto database = empty_sqlite();
  std::string text = "lastname,assigned_user_id,birthday\n";
  for (int i = 0; i < 100; ++i) text += "Name" + std::to_string(i) + ",19x1," + (i % 4 == 0 ? "soon" : "") + "\n";
  ImportOptions options;
  options.skip_bad = true;
  std::uint64_t calls = 0;
  std::uint64_t last_rows = 0;
  options.progress = [&](std::uint64_t bytes, std::uint64_t rows) {
    ++calls;
    last_rows = rows;
    EXPECT_LE(bytes, text.size());
  };
  const auto report = import_text(*database, "Contacts", text, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->rows_read, 100u);
  EXPECT_EQ(report->imported, 75u);
  EXPECT_EQ(report->skipped, 25u);
  EXPECT_EQ(report->bad_rows, 25u);
  ASSERT_EQ(report->errors.size(), 20u);
  EXPECT_EQ(report->errors[0].line, 2u);
  EXPECT_EQ(report->errors[19].line, 78u);
  const auto described = report->describe_errors();
  EXPECT_EQ(described.front(), "line 2, field birthday: 'soon' is not a date (YYYY-MM-DD)");
  EXPECT_EQ(described.back(), "and 5 more");
  EXPECT_EQ(count(database, "Contacts"), 75u);
  EXPECT_GE(calls, 1u);
  EXPECT_EQ(last_rows, 100u);
}

TEST(Import, BadRowsLeaveTheDatabaseAsItWas) {
  auto database = empty_sqlite();
  ASSERT_TRUE(database->generate_demo(DemoOptions{800, 5, {}}).ok());
  const std::string before = export_text(*database, "Contacts");
  const std::uint64_t contacts = count(database, "Contacts");
  std::string text = "lastname,assigned_user_id\n";
  for (int i = 0; i < 5000; ++i) text += "Name" + std::to_string(i) + ",19x1\n";
  text += "Last,19x\n";  // the very last row is bad: the 5000 before it were already written, then undone
  const auto report = import_text(*database, "Contacts", text);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->imported, 0u);
  EXPECT_EQ(first_issue(report), "5002/assigned_user_id/'19x' is not an entity id such as 12x34");
  EXPECT_EQ(export_text(*database, "Contacts"), before);
  // The id sequence was not used up either: a good import afterwards gets the next ids.
  ASSERT_TRUE(import_text(*database, "Contacts", "lastname,assigned_user_id\nAfter,19x1\n").ok());
  EXPECT_EQ(count(database, "Contacts"), contacts + 1);
}

TEST(Import, JsonLinesRowsAndTheirErrors) {
  auto database = empty_sqlite();
  const std::string text =
      "{\"lastname\":\"Ok\",\"assigned_user_id\":\"19x1\",\"email\":null}\n"
      "\n"
      "{\"lastname\":\"X\",\"assigned_user_id\":\"19x1\",\"emial\":\"a\"}\n"
      "{\"lastname\":\"X\",\"assigned_user_id\":\"19x1\",\"donotcall\":1}\n"
      "{\"lastname\":\"X\",\"assigned_user_id\":\"19x1\"\n"
      "[1,2]\n"
      "{\"lastname\":\"X\xFF\",\"assigned_user_id\":\"19x1\"}\n"
      "{\"assigned_user_id\":\"19x1\"}\r\n"
      "{\"lastname\":\"Also ok\",\"assigned_user_id\":\"20x2\",\"birthday\":\"\"}\r\n";
  ImportOptions options;
  options.format = DataFormat::kJsonLines;
  options.skip_bad = true;
  const auto report = import_text(*database, "Contacts", text, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows_read, 8u);
  EXPECT_EQ(report->imported, 2u);
  ASSERT_EQ(report->errors.size(), 6u);
  EXPECT_EQ(report->errors[0].line, 3u);
  EXPECT_EQ(report->errors[0].field, "emial");
  EXPECT_EQ(report->errors[0].message,
            "Contacts has no field 'emial'; did you mean 'email'? (field names are case-sensitive)");
  EXPECT_EQ(report->errors[1].message, "values are strings (or null) in the webservice form, not number");
  EXPECT_EQ(report->errors[2].line, 5u);
  EXPECT_EQ(report->errors[2].message.substr(0, 63), "not a JSON object: column 42: syntax error while parsing object")
      << report->errors[2].message;
  EXPECT_EQ(report->errors[3].message, "a line must be a JSON object of field names to values");
  EXPECT_EQ(report->errors[4].line, 7u);
  EXPECT_NE(report->errors[4].message.find("UTF-8"), std::string::npos) << report->errors[4].message;
  EXPECT_EQ(report->errors[5].field, "lastname");
  EXPECT_EQ(answer(database, "SELECT lastname, birthday FROM Contacts ORDER BY lastname;"),
            (Lines{"Also ok|NULL|12x2|", "Ok|NULL|12x1|"}));
}

// A number too large for the JSON reader is a bad row like any other, not a failure of the import.
TEST(Import, JsonNumbersOutOfRangeAreBadRows) {
  auto database = empty_sqlite();
  const std::string text =
      "{\"x\":1e400}\n"
      "{\"lastname\":\"Ok\",\"assigned_user_id\":\"19x1\",\"donotcall\":-1e999}\n"
      "{\"lastname\":\"Ok\",\"assigned_user_id\":\"19x1\"}\n";
  ImportOptions options;
  options.format = DataFormat::kJsonLines;
  options.skip_bad = true;
  const auto report = import_text(*database, "Contacts", text, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->imported, 1u);
  ASSERT_EQ(report->errors.size(), 2u);
  EXPECT_EQ(report->errors[0].line, 1u);
  EXPECT_NE(report->errors[0].message.find("number overflow"), std::string::npos) << report->errors[0].message;
  EXPECT_EQ(report->errors[1].line, 2u);
}

TEST(Import, MemoryBackendGetsAllRowsOrNone) {
  auto database = Database::in_memory(Schema::builtin());
  EXPECT_EQ(first_issue(import_text(*database, "Contacts", "lastname,assigned_user_id\nA,19x1\nB,19y1\n")),
            "3/assigned_user_id/'19y1' is not an entity id such as 12x34");
  EXPECT_EQ(count(database, "Contacts"), 0u);
  const auto report = import_text(*database, "Contacts", "id,lastname,assigned_user_id\n12x3,A,19x1\n12x3,B,19x1\n");
  EXPECT_EQ(first_issue(report), "3/id/Contacts already has a record 3");
  EXPECT_EQ(count(database, "Contacts"), 0u);
  ASSERT_TRUE(import_text(*database, "Contacts", "id,lastname,assigned_user_id\n12x3,A,19x1\n12x4,B,19x1\n").ok());
  EXPECT_EQ(answer(database, "SELECT lastname FROM Contacts ORDER BY lastname;"), (Lines{"A|12x3|", "B|12x4|"}));
}

// --- export and round trips ------------------------------------------------------------------------------------

TEST(Export, CsvAndJsonLinesForms) {
  auto database = empty_sqlite();
  ASSERT_TRUE(import_text(*database, "Contacts",
                          "id,lastname,firstname,assigned_user_id,description,birthday\n"
                          "12x4,\"Quote \"\"q\"\", comma\",\"\",19x1,\"two\r\nlines\",2001-01-31\n")
                  .ok());
  const std::string csv = export_text(*database, "Contacts");
  const std::string header = csv.substr(0, csv.find("\r\n"));
  EXPECT_EQ(header.substr(0, 30), "id,salutationtype,firstname,co");
  const std::string row = csv.substr(header.size() + 2);
  EXPECT_EQ(row.substr(0, 12), "12x4,,\"\",,,\"");  // NULL is empty, the empty string is ""
  EXPECT_NE(row.find("\"Quote \"\"q\"\", comma\""), std::string::npos);
  EXPECT_NE(row.find("\"two\r\nlines\""), std::string::npos);
  const std::string jsonl = export_text(*database, "Contacts", DataFormat::kJsonLines);
  EXPECT_EQ(jsonl.substr(0, 55), "{\"id\":\"12x4\",\"salutationtype\":null,\"firstname\":\"\",\"cont");
  EXPECT_NE(jsonl.find("\"description\":\"two\\r\\nlines\""), std::string::npos);
  EXPECT_NE(jsonl.find("\"birthday\":\"2001-01-31\""), std::string::npos);
  EXPECT_EQ(jsonl.back(), '\n');
  std::ostringstream out;
  const auto unknown = export_records(*database, "Nope", out);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kAccessDenied);
}

// Users cannot go through an export (their passwords, which are mandatory, are never exported) and the demo leaves
// DocumentFolders' mandatory createdby empty: the round trips copy these two through the backends, record by
// record, so that references to them resolve in the copy as in the source.
const std::vector<std::string> kCopiedDirectly{"Users", "DocumentFolders"};

void copy_directly(const Database& source, Database& copy, const std::string& name) {
  const ModuleDef& module = *source.schema()->find_module(name);
  storage::ScanSpec spec;
  spec.module = &module;
  for (std::size_t i = 0; i < module.fields.size(); ++i) spec.columns.push_back(static_cast<int>(i));
  auto cursor = Internals::backend(source).scan(spec);
  ASSERT_TRUE(cursor.ok());
  const auto id_field = static_cast<std::size_t>(module.field_index("id"));
  const ModuleDef& target = *copy.schema()->find_module(name);
  storage::Row row;
  while ((*cursor)->next(row)) {
    const std::uint64_t id = std::get<types::EntityId>(row[id_field]).number;
    ASSERT_TRUE(Internals::writer(copy)->insert_with_id(target, id, row).ok());
  }
}

// Every other module of the schema.
std::vector<std::string> round_trip_modules(const Schema& schema) {
  std::vector<std::string> out;
  for (const ModuleDef& module : schema.modules()) {
    if (std::find(kCopiedDirectly.begin(), kCopiedDirectly.end(), module.name) == kCopiedDirectly.end()) {
      out.push_back(module.name);
    }
  }
  return out;
}

void round_trip(DataFormat format) {
  auto source = empty_sqlite();
  ASSERT_TRUE(source->generate_demo(DemoOptions{2500, 11, {}}).ok());
  auto copy = empty_sqlite();
  const auto modules = round_trip_modules(*source->schema());
  ASSERT_GT(modules.size(), 10u);
  for (const std::string& module : kCopiedDirectly) copy_directly(*source, *copy, module);
  for (const std::string& module : modules) {
    const std::string text = export_text(*source, module, format);
    ImportOptions options;
    options.format = format;
    const auto report = import_text(*copy, module, text, options);
    ASSERT_TRUE(report.ok()) << module << ": " << report.error().message;
    EXPECT_EQ(report->bad_rows, 0u) << module << ": " << first_issue(report);
  }
  // Compared line by line, so that a difference shows as one record rather than as two whole files.
  const auto split = [](const std::string& text) {
    Lines out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  for (const std::string& module : modules) {
    const Lines copied = split(export_text(*copy, module, format));
    const Lines original = split(export_text(*source, module, format));
    ASSERT_EQ(copied.size(), original.size()) << module;
    for (std::size_t i = 0; i < copied.size(); ++i) ASSERT_EQ(copied[i], original[i]) << module << " line " << i + 1;
    EXPECT_EQ(answer(copy, "SELECT * FROM " + module + ";"), answer(source, "SELECT * FROM " + module + ";")) << module;
  }
  for (const char* query :
       {"SELECT lastname, account_id FROM Contacts WHERE mailingcity = 'Zürich' ORDER BY lastname;",
        "SELECT count(*) FROM Contacts WHERE donotcall = 1;",
        "SELECT accountname FROM Accounts WHERE annual_revenue > '1000000' ORDER BY annual_revenue DESC;",
        "SELECT ticket_title FROM HelpDesk WHERE parent_id = '11x5' OR ticketstatus = 'Open';",
        "SELECT * FROM Leads WHERE modifiedtime > '2020-06-01 00:00:00' ORDER BY modifiedtime;"}) {
    const auto expected = answer(source, query);
    ASSERT_FALSE(expected.empty()) << query;
    EXPECT_NE(expected[0].substr(0, 6), "error:") << expected[0];
    EXPECT_EQ(answer(copy, query), expected) << query;
  }
}

TEST(RoundTrip, CsvExportImportsBackToTheSameAnswers) { round_trip(DataFormat::kCsv); }
TEST(RoundTrip, JsonLinesExportImportsBackToTheSameAnswers) { round_trip(DataFormat::kJsonLines); }

TEST(Export, MemoryBackendWritesWhatSqliteWrites) {
  auto sqlite = empty_sqlite();
  ASSERT_TRUE(sqlite->generate_demo(DemoOptions{1200, 4, {}}).ok());
  auto memory = sqlite->copy_to_memory();
  ASSERT_TRUE(memory.ok());
  for (const char* module : {"Contacts", "HelpDesk", "Invoice"}) {
    EXPECT_EQ(export_text(**memory, module), export_text(*sqlite, module)) << module;
    EXPECT_EQ(export_text(**memory, module, DataFormat::kJsonLines),
              export_text(*sqlite, module, DataFormat::kJsonLines))
        << module;
  }
}

TEST(Import, HeaderOnlyAndLongBadValues) {
  auto database = empty_sqlite();
  const auto empty = import_text(*database, "Contacts", "lastname,assigned_user_id\r\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->rows_read, 0u);
  EXPECT_EQ(empty->imported, 0u);
  // A bad value of a megabyte is quoted in the message only in part.
  const auto long_value = import_text(*database, "Contacts",
                                      "lastname,assigned_user_id,birthday\nX,19x1," + std::string(1 << 20, '7') + "\n");
  ASSERT_TRUE(long_value.ok());
  EXPECT_EQ(first_issue(long_value),
            "2/birthday/'" + std::string(40, '7') + "…' (1048576 bytes) is not a date (YYYY-MM-DD)");
}

// --- hostile values --------------------------------------------------------------------------------------------

TEST(Import, HostileValuesAreStoredVerbatimAndTouchNothingElse) {
  auto database = empty_sqlite();
  ASSERT_TRUE(database->generate_demo(DemoOptions{600, 9, {}}).ok());
  const std::string accounts_before = export_text(*database, "Accounts");
  const std::string contacts_before = export_text(*database, "Contacts");
  const std::uint64_t contacts = count(database, "Contacts");

  const std::vector<std::string> values{
      "') OR (1=1",
      "x'; DROP TABLE Contacts; --",
      "\" OR \"\"=\"",
      "back\\slash\\' and \\\\",
      std::string("nul\0byte\0", 10),
      "%_* LIKE wildcards",
      std::string(1 << 20, 'M') + "é",
  };
  std::string csv = "id,lastname,assigned_user_id,description\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string quoted = "\"";
    for (const char c : values[i]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    csv += "12x" + std::to_string(900000 + i) + "," + quoted + "\",19x1," + quoted + "\"\n";
  }
  const auto report = import_text(*database, "Contacts", csv);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->imported, values.size()) << first_issue(report);

  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string id = "12x" + std::to_string(900000 + i);
    Settings settings;
    const Engine engine(database, settings);
    const auto result = engine.query("SELECT lastname, description FROM Contacts WHERE id = '" + id + "';");
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->rows.size(), 1u) << id;
    EXPECT_EQ(*result->rows[0][0], values[i]) << id;
    EXPECT_EQ(*result->rows[0][1], values[i]) << id;
  }
  EXPECT_EQ(count(database, "Contacts"), contacts + values.size());
  EXPECT_EQ(export_text(*database, "Accounts"), accounts_before);
  const std::string contacts_after = export_text(*database, "Contacts");
  EXPECT_EQ(contacts_after.substr(0, contacts_before.size()), contacts_before) << "the earlier records are unchanged";

  // The same values through JSON Lines, and back out through both export forms.
  auto copy = empty_sqlite();
  ImportOptions jsonl;
  jsonl.format = DataFormat::kJsonLines;
  const auto again = import_text(*copy, "Contacts", export_text(*database, "Contacts", DataFormat::kJsonLines), jsonl);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->bad_rows, 0u) << first_issue(again);
  EXPECT_EQ(answer(copy, "SELECT lastname FROM Contacts WHERE id = '12x900004';"),
            answer(database, "SELECT lastname FROM Contacts WHERE id = '12x900004';"));
  EXPECT_EQ(answer(copy, "SELECT description FROM Contacts WHERE id = '12x900006';"),
            (Lines{values[6] + "|12x900006|"}));
}

// An export is a plan like a query's: explain shows it, and it stops at its time limit like one.
TEST(Export, RunsThroughAPlan) {
  DemoOptions demo;
  demo.scale = 200;
  auto memory = Database::demo(Schema::builtin(), demo);
  ASSERT_TRUE(memory.ok());
  auto plan = explain_export(**memory, "Contacts");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_NE(plan->find("Scan Contacts (memory)"), std::string::npos) << *plan;
  EXPECT_NE(plan->find("order: id ASC"), std::string::npos) << *plan;

  OpenOptions open;
  auto sqlite = Database::open(":memory:", open);
  ASSERT_TRUE(sqlite.ok());
  ASSERT_TRUE((*sqlite)->generate_demo(demo).ok());
  plan = explain_export(**sqlite, "Contacts");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_NE(plan->find("SQL: SELECT"), std::string::npos) << *plan;
  EXPECT_EQ(explain_export(**sqlite, "Nope").error().code, ErrorCode::kAccessDenied);

  // The same rows from both backends, in id order, id first.
  std::ostringstream from_memory;
  std::ostringstream from_sqlite;
  ASSERT_TRUE(export_records(**memory, "Contacts", from_memory).ok());
  ASSERT_TRUE(export_records(**sqlite, "Contacts", from_sqlite).ok());
  EXPECT_EQ(from_memory.str(), from_sqlite.str());
  EXPECT_EQ(from_memory.str().rfind("id,", 0), 0u);

  // The row cap of the plan: the first records in id order.
  ExportOptions first_two;
  first_two.max_rows = 2;
  std::ostringstream two;
  auto report = export_records(**sqlite, "Contacts", two, first_two);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 2u);
  EXPECT_EQ(from_memory.str().rfind(two.str(), 0), 0u);  // a prefix of the whole export
}

}  // namespace
}  // namespace vtql
