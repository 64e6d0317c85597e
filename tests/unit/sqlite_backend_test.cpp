// The SQLite backend: stored forms, files (create, reopen, refuse what is not vtql's), writes and the change log,
// schema extension, transactions, large conditions, hostile values and concurrent readers, each against memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <sqlite3.h>

#include "engine/internal.hpp"
#include "engine/storage/backend.hpp"
#include "engine/storage/sqlite/value_codec.hpp"
#include "engine/types/value_ops.hpp"
#include "vtql/engine.hpp"

namespace vtql {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("vtql-sqlite-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> lines(const Result<ResultSet>& result) {
  std::vector<std::string> out;
  if (!result) {
    out.push_back("error " + std::string(to_string(result.error().code)) + ": " + result.error().message);
    return out;
  }
  std::string header;
  for (const auto& c : result->columns) header += c + "|";
  out.push_back(header);
  for (const auto& row : result->rows) {
    std::string line;
    for (const auto& v : row) line += (v ? *v : "NULL") + "|";
    out.push_back(line);
  }
  return out;
}

DemoOptions small_demo() {
  DemoOptions options;
  options.scale = 1500;
  options.seed = 3;
  return options;
}

// The demo CRM in memory and in a SQLite file, the same records in each.
struct Pair {
  std::shared_ptr<Database> memory;
  std::shared_ptr<Database> sqlite;
};

Pair demo_pair(const std::string& path) {
  auto memory = Database::demo(Schema::builtin(), small_demo());
  EXPECT_TRUE(memory.ok());
  OpenOptions options;
  options.create_if_missing = true;
  auto sqlite = Database::open(path, options);
  EXPECT_TRUE(sqlite.ok()) << sqlite.error().message;
  auto status = (*sqlite)->generate_demo(small_demo());
  EXPECT_TRUE(status.ok()) << status.error().message;
  return {*memory, *sqlite};
}

void expect_same(const Pair& pair, const std::string& query, Settings settings = {}) {
  const Engine memory(pair.memory, settings);
  const Engine sqlite(pair.sqlite, settings);
  EXPECT_EQ(lines(memory.query(query)), lines(sqlite.query(query))) << query;
}

TEST(SqliteValueCodec, DecimalKeysOrderAsTheNumbers) {
  std::mt19937_64 random(42);
  std::vector<types::Decimal> values;
  for (const char* text : {"0", "0.00", "1", "1.0", "-1", "10", "9.99", "-0.001", "0.001", "123456789012345678.5",
                           "-123456789012345678.5", "0.000000000000000000000000000001", "-99999999999999999999"}) {
    values.push_back(*types::Decimal::parse(text));
  }
  for (int i = 0; i < 2000; ++i) {
    const auto mantissa = static_cast<std::int64_t>(random() % 2000001) - 1000000;
    values.emplace_back(types::Decimal::Mantissa(mantissa), static_cast<int>(random() % 9));
  }
  for (const auto& a : values) {
    const std::string key = storage::sqlite::encode_decimal_key(a);
    const auto back = storage::sqlite::decode_decimal_key(key);
    ASSERT_TRUE(back.has_value()) << a.to_string();
    EXPECT_EQ(*back, a) << a.to_string();
  }
  for (std::size_t i = 0; i + 1 < values.size(); i += 1) {
    const auto& a = values[i];
    const auto& b = values[(i * 7919 + 13) % values.size()];
    const int by_key = storage::sqlite::encode_decimal_key(a).compare(storage::sqlite::encode_decimal_key(b));
    const auto by_value = a <=> b;
    EXPECT_EQ(by_key < 0, by_value < 0) << a.to_string() << " vs " << b.to_string();
    EXPECT_EQ(by_key == 0, by_value == 0) << a.to_string() << " vs " << b.to_string();
  }
}

TEST(SqliteBackend, AnswersAsTheMemoryBackendOverTheDemo) {
  TempDir dir;
  const Pair pair = demo_pair(dir.file("crm.db"));
  for (const char* q : {
           "SELECT count(*) FROM Contacts;",
           "SELECT * FROM Contacts ORDER BY lastname DESC, firstname LIMIT 7, 30;",
           "SELECT firstname, lastname, account_id FROM Contacts WHERE mailingcity = 'zurich' OR lastname LIKE 'M%';",
           "SELECT accountname, annual_revenue FROM Accounts WHERE annual_revenue > '100000.5' ORDER BY "
           "annual_revenue;",
           "SELECT * FROM Potentials WHERE amount >= 1000 AND closingdate < '2023-01-01' ORDER BY amount DESC;",
           "SELECT ticket_title, parent_id FROM HelpDesk WHERE parent_id LIKE '1%' ORDER BY parent_id LIMIT 50;",
           "SELECT * FROM Leads WHERE assigned_user_id != '19x1' ORDER BY assigned_user_id, createdtime LIMIT 40;",
           "SELECT count(*) FROM Products WHERE discontinued = 1 AND unit_price < 500;",
           "SELECT subject FROM Calendar WHERE time_start >= '10:00:00' ORDER BY time_start LIMIT 20;",
       }) {
    expect_same(pair, q);
  }
  Settings uncapped;
  uncapped.max_rows = 0;
  expect_same(pair, "SELECT lastname, email FROM Contacts ORDER BY email;", uncapped);
}

TEST(SqliteBackend, ReopensWithItsSchemaAndRecords) {
  TempDir dir;
  const std::string path = dir.file("crm.db");
  std::vector<std::string> before;
  {
    const Pair pair = demo_pair(path);
    before = lines(Engine(pair.sqlite).query("SELECT * FROM Accounts ORDER BY accountname LIMIT 20;"));
  }
  OpenOptions read_only;
  read_only.read_only = true;
  auto again = Database::open(path, read_only);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(lines(Engine(*again).query("SELECT * FROM Accounts ORDER BY accountname LIMIT 20;")), before);
  // The describe metadata comes back whole, storage notes included (the scale of decimals).
  for (const ModuleDef& module : Schema::builtin()->modules()) {
    const ModuleDef* stored = (*again)->schema()->find_module(module.name);
    ASSERT_NE(stored, nullptr) << module.name;
    EXPECT_EQ(stored->describe_json, module.describe_json) << module.name;
    ASSERT_EQ(stored->fields.size(), module.fields.size());
    for (std::size_t i = 0; i < module.fields.size(); ++i) EXPECT_EQ(stored->fields[i].scale, module.fields[i].scale);
  }
  // Read-only means read-only.
  const ModuleDef& contacts = *(*again)->schema()->find_module("Contacts");
  EXPECT_FALSE(Internals::writer(**again)->retire(contacts, 1, catalog::RecordState::kDeleted).ok());
}

TEST(SqliteBackend, RefusesFilesThatAreNotVtqlDatabasesAndChangesNothing) {
  TempDir dir;
  const std::string text = dir.file("notes.txt");
  std::ofstream(text) << "SELECT * FROM Contacts; this is not a database\n";
  const std::string text_before = read_bytes(text);
  auto opened = Database::open(text, {});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kIoError);
  EXPECT_EQ(read_bytes(text), text_before);

  const std::string other = dir.file("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const std::string other_before = read_bytes(other);
  opened = Database::open(other, {});
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("not a vtql database"), std::string::npos) << opened.error().message;
  EXPECT_EQ(read_bytes(other), other_before);
  EXPECT_FALSE(fs::exists(other + "-wal"));

  OpenOptions read_only;
  read_only.read_only = true;
  EXPECT_FALSE(Database::open(dir.file("missing.db"), read_only).ok());
  EXPECT_FALSE(fs::exists(dir.file("missing.db")));
  EXPECT_FALSE(Database::open(dir.file("missing.db"), {}).ok());
  EXPECT_FALSE(fs::exists(dir.file("missing.db")));
}

// A column renamed behind vtql's back is an error, never the column's name read as a string for every row.
TEST(SqliteBackend, ADamagedTableFailsInsteadOfAnsweringWithNames) {
  TempDir dir;
  const std::string path = dir.file("crm.db");
  { const Pair pair = demo_pair(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "ALTER TABLE \"Contacts\" RENAME COLUMN \"lastname\" TO \"gone\"", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  OpenOptions read_only;
  read_only.read_only = true;
  auto again = Database::open(path, read_only);
  if (!again.ok()) {  // refusing the file at open, naming the table, is as good
    EXPECT_NE(again.error().message.find("Contacts"), std::string::npos) << again.error().message;
    return;
  }
  const auto result = Engine(*again).query("SELECT lastname FROM Contacts LIMIT 3;");
  ASSERT_FALSE(result.ok()) << "a row: " << lines(result).back();
  EXPECT_EQ(result.error().code, ErrorCode::kDatabaseQueryError);
}

TEST(SqliteBackend, WritesAndTheChangeLogMatchMemory) {
  auto memory = Database::in_memory(Schema::builtin());
  auto sqlite = Database::open(":memory:", {});
  ASSERT_TRUE(sqlite.ok()) << sqlite.error().message;
  for (const auto& database : {memory, *sqlite}) {
    const Schema& schema = *database->schema();
    const ModuleDef& accounts = *schema.find_module("Accounts");
    storage::Writer& writer = *Internals::writer(*database);
    auto record = [&](const std::string& name, std::int64_t modified) {
      storage::Record r(accounts.fields.size(), types::Null{});
      r[static_cast<std::size_t>(accounts.field_index("accountname"))] = name;
      r[static_cast<std::size_t>(accounts.field_index("modifiedtime"))] = types::DateTime{modified};
      return r;
    };
    auto a = writer.insert(accounts, record("Alpha", 100));
    auto b = writer.insert(accounts, record("Beta", 200));
    auto c = writer.insert(accounts, record("Gamma", 300));
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(*b, *a + 1);
    ASSERT_TRUE(writer.update(accounts, *a, record("Alpha 2", 400)).ok());
    ASSERT_TRUE(writer.retire(accounts, *b, catalog::RecordState::kDeleted).ok());
    EXPECT_FALSE(writer.retire(accounts, *b, catalog::RecordState::kDeleted).ok());
    EXPECT_FALSE(writer.update(accounts, *b, record("again", 500)).ok());
    EXPECT_FALSE(writer.insert_with_id(accounts, *c, record("duplicate", 1)).ok());
    EXPECT_FALSE(Internals::backend(*database).exists(accounts, *b));
    EXPECT_TRUE(Internals::backend(*database).exists(accounts, *c));
  }
  const auto changes = [](const std::shared_ptr<Database>& database) {
    auto all = Internals::writer(*database)->changes_since("Accounts", types::DateTime{150});
    EXPECT_TRUE(all.ok());
    std::vector<std::string> out;
    for (const auto& c : *all) {
      out.push_back(c.module + " " + std::to_string(c.id) + (c.deleted ? " deleted " : " ") +
                    std::to_string(c.modified.seconds));
    }
    return out;
  };
  EXPECT_EQ(changes(memory), changes(*sqlite));
  EXPECT_EQ(changes(*sqlite).size(), 3u);
  const char* q = "SELECT accountname, modifiedtime FROM Accounts;";
  EXPECT_EQ(lines(Engine(memory).query(q)), lines(Engine(*sqlite).query(q)));
}

TEST(SqliteBackend, AFailedTransactionKeepsNothing) {
  TempDir dir;
  OpenOptions options;
  options.create_if_missing = true;
  auto database = Database::open(dir.file("crm.db"), options);
  ASSERT_TRUE(database.ok());
  const ModuleDef& accounts = *(*database)->schema()->find_module("Accounts");
  storage::Writer& backend = *Internals::writer(**database);
  const auto status = backend.transaction([&]() -> Status {
    for (int i = 0; i < 10; ++i) {
      storage::Record r(accounts.fields.size(), types::Null{});
      r[static_cast<std::size_t>(accounts.field_index("accountname"))] = "Account " + std::to_string(i);
      if (auto inserted = backend.insert(accounts, std::move(r)); !inserted) return std::move(inserted).error();
    }
    // Inside the transaction the writes are visible to the writer.
    EXPECT_EQ(lines(Engine(*database).query("SELECT count(*) FROM Accounts;")).at(1), "10|");
    return Error::invalid_argument("a bad row");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(lines(Engine(*database).query("SELECT count(*) FROM Accounts;")).at(1), "0|");
}

// The Contacts indexes in the file, and whether a reference lookup uses one.
std::vector<std::string> contact_indexes(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::vector<std::string> names;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'Contacts' ORDER BY name",
                     -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id FROM Contacts WHERE account_id = 5", -1, &stmt, nullptr);
  std::string plan;
  while (sqlite3_step(stmt) == SQLITE_ROW) plan += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  names.push_back(plan.find("INDEX \"Contacts#account_id\"") != std::string::npos ||
                          plan.find("INDEX Contacts#account_id") != std::string::npos
                      ? "lookup uses an index"
                      : "lookup scans: " + plan);
  return names;
}

// A transaction that fills a table drops its secondary indexes while it inserts and builds them again before it
// commits; rolled back, the old ones are back untouched.
TEST(SqliteBackend, BulkInsertsRebuildTheIndexesOrLeaveThemAsTheyWere) {
  TempDir dir;
  const std::string path = dir.file("crm.db");
  const std::vector<std::string> expected = {"Contacts#account_id", "Contacts#contact_id", "Contacts#modifiedby",
                                             "Contacts#modifiedtime", "lookup uses an index"};
  const auto bulk = [&](int rows, int before, bool fail) {
    OpenOptions options;
    options.create_if_missing = true;
    auto database = Database::open(path, options);
    EXPECT_TRUE(database.ok());
    const ModuleDef& contacts = *(*database)->schema()->find_module("Contacts");
    storage::Writer& backend = *Internals::writer(**database);
    return backend.transaction([&]() -> Status {
      storage::Record r(contacts.fields.size(), types::Null{});
      for (int i = 0; i < rows; ++i) {
        r[static_cast<std::size_t>(contacts.field_index("lastname"))] = "Name " + std::to_string(i);
        r[static_cast<std::size_t>(contacts.field_index("assigned_user_id"))] = types::EntityId{19, 1};
        if (auto inserted = backend.insert(contacts, r); !inserted) return std::move(inserted).error();
      }
      // Inside the transaction the rows are there to read, with or without indexes.
      EXPECT_EQ(lines(Engine(*database).query("SELECT count(*) FROM Contacts WHERE lastname LIKE 'Name %';")),
                (std::vector<std::string>{"count|", std::to_string(before + rows) + "|"}));
      if (fail) return Error::invalid_argument("a bad row");
      return Status(Ok{});
    });
  };
  ASSERT_TRUE(bulk(10'000, 0, false).ok());
  EXPECT_EQ(contact_indexes(path), expected);
  ASSERT_FALSE(bulk(20'000, 10'000, true).ok());
  EXPECT_EQ(contact_indexes(path), expected);
  auto database = Database::open(path, {});
  ASSERT_TRUE(database.ok());
  EXPECT_EQ(lines(Engine(*database).query("SELECT count(*) FROM Contacts;")).at(1), "10000|");
}

TEST(SqliteBackend, AddsModulesAndFieldsToAnExistingFile) {
  TempDir dir;
  const std::string path = dir.file("crm.db");
  {
    OpenOptions options;
    options.create_if_missing = true;
    ASSERT_TRUE(Database::open(path, options).ok());
  }
  auto overlay = Schema::from_json(R"({"name":"Projects","label":"Projects","idPrefix":"45","isEntity":true,
    "fields":[{"name":"id","label":"Id","type":{"name":"autogenerated"}},
              {"name":"projectname","label":"Name","type":{"name":"string"}},
              {"name":"budget","label":"Budget","type":{"name":"currency"}}]})");
  ASSERT_TRUE(overlay.ok()) << overlay.error().message;
  OpenOptions extend;
  extend.schema = *overlay;
  {
    auto database = Database::open(path, extend);
    ASSERT_TRUE(database.ok()) << database.error().message;
    const ModuleDef& projects = *(*database)->schema()->find_module("Projects");
    storage::Record r(projects.fields.size(), types::Null{});
    r[1] = std::string("Bridge");
    r[2] = *types::Decimal::parse("1250.5");
    ASSERT_TRUE(Internals::writer(**database)->insert(projects, r).ok());
  }
  OpenOptions read_only;
  read_only.read_only = true;
  auto again = Database::open(path, read_only);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(lines(Engine(*again).query("SELECT projectname, budget FROM Projects WHERE budget > 1000;")),
            (std::vector<std::string>{"projectname|budget|id|", "Bridge|1250.50000000|45x1|"}));

  // A field may not change how it is stored.
  auto changed = Schema::from_json(R"({"name":"Projects","label":"Projects","idPrefix":"45","isEntity":true,
    "fields":[{"name":"id","label":"Id","type":{"name":"autogenerated"}},
              {"name":"projectname","label":"Name","type":{"name":"integer"}}]})");
  ASSERT_TRUE(changed.ok());
  extend.schema = *changed;
  auto refused = Database::open(path, extend);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidMetadata);
}

TEST(SqliteBackend, LargeConditionsRunAsInMemory) {
  TempDir dir;
  const Pair pair = demo_pair(dir.file("crm.db"));
  // An IN list past the inline limit goes through vtql_in.
  std::string in = "SELECT lastname FROM Contacts WHERE id IN (";
  for (int i = 1; i <= 3000; ++i) in += (i > 1 ? ", '12x" : "'12x") + std::to_string(i * 3) + "'";
  expect_same(pair, in + ") ORDER BY lastname LIMIT 100;");
  std::string names = "SELECT lastname FROM Contacts WHERE lastname IN (";
  for (int i = 0; i < 1500; ++i) names += (i > 0 ? ", 'n" : "'n") + std::to_string(i) + "'";
  expect_same(pair, names + ", 'müller', 'SMITH ') LIMIT 100;");
  // Thousands of predicates stay below SQLite's expression depth.
  std::string many = "SELECT count(*) FROM Contacts WHERE lastname != 'x0'";
  for (int i = 1; i < 5000; ++i) many += " AND lastname != 'x" + std::to_string(i) + "'";
  expect_same(pair, many + ";");
  std::string ors = "SELECT lastname FROM Contacts WHERE lastname = 'x0'";
  for (int i = 1; i < 5000; ++i) ors += " OR lastname = 'x" + std::to_string(i) + "'";
  expect_same(pair, ors + " OR mailingcity LIKE 'z%';");
}

TEST(SqliteBackend, HostileValuesAreOnlyValues) {
  auto sqlite = Database::open(":memory:", {});
  ASSERT_TRUE(sqlite.ok());
  auto memory = Database::in_memory(Schema::builtin());
  const std::string nul("a\0b", 3);
  const std::vector<std::string> names = {"O'Brien",
                                          "') OR (1=1",
                                          "\" OR \"\"=\"",
                                          "back\\slash",
                                          nul,
                                          "'; DROP TABLE \"Contacts\"; --",
                                          std::string(1 << 20, 'x')};
  for (const auto& database : {memory, *sqlite}) {
    const ModuleDef& contacts = *database->schema()->find_module("Contacts");
    for (const std::string& name : names) {
      storage::Record r(contacts.fields.size(), types::Null{});
      r[static_cast<std::size_t>(contacts.field_index("lastname"))] = name;
      ASSERT_TRUE(Internals::writer(*database)->insert(contacts, r).ok());
    }
  }
  const Pair pair{memory, *sqlite};
  for (const char* q : {"SELECT lastname FROM Contacts WHERE lastname = 'O''Brien';",
                        "SELECT lastname FROM Contacts WHERE lastname = ''') OR (1=1';",
                        "SELECT lastname FROM Contacts WHERE lastname = 'x'') OR (1=1';",
                        "SELECT lastname FROM Contacts WHERE lastname = 'back\\\\slash';",
                        "SELECT lastname FROM Contacts WHERE lastname LIKE '%DROP TABLE%';",
                        "SELECT lastname FROM Contacts WHERE lastname IN ('\" OR \"\"=\"', 'none');",
                        "SELECT count(*) FROM Contacts WHERE lastname LIKE 'xxxx%';"}) {
    expect_same(pair, q);
  }
  EXPECT_EQ(lines(Engine(*sqlite).query("SELECT count(*) FROM Contacts;")).at(1), "7|");
  const auto stored = Engine(*sqlite).query("SELECT lastname FROM Contacts WHERE lastname LIKE 'a_b';");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->rows.size(), 1u);
  EXPECT_EQ(*stored->rows[0][0], nul);
}

TEST(SqliteBackend, AQueryStopsAtItsTimeLimit) {
  TempDir dir;
  const Pair pair = demo_pair(dir.file("crm.db"));
  std::string slow = "SELECT count(*) FROM Contacts WHERE lastname LIKE '%zz0%'";
  for (int i = 1; i < 3000; ++i) slow += " OR lastname LIKE '%zz" + std::to_string(i) + "%'";
  slow += ";";
  Settings limited;
  limited.max_query_ms = 1;
  const auto stopped = Engine(pair.sqlite, limited).query(slow);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().code, ErrorCode::kDatabaseQueryError);
  EXPECT_NE(stopped.error().message.find("time limit"), std::string::npos) << stopped.error().message;
  // The connection is fine afterwards, and without the limit the same query answers.
  EXPECT_TRUE(Engine(pair.sqlite, limited).query("SELECT count(*) FROM Accounts;").ok());
  Settings unlimited;
  unlimited.max_query_ms = 0;
  EXPECT_EQ(lines(Engine(pair.sqlite, unlimited).query(slow)), lines(Engine(pair.memory, unlimited).query(slow)));
}

TEST(SqliteBackend, ConcurrentReadersAgree) {
  TempDir dir;
  const Pair pair = demo_pair(dir.file("crm.db"));
  const std::vector<std::string> queries = {
      "SELECT * FROM Contacts WHERE lastname LIKE '%er%' ORDER BY lastname LIMIT 30;",
      "SELECT count(*) FROM Leads WHERE leadsource = 'Web Site';",
      "SELECT accountname, account_id FROM Accounts ORDER BY modifiedtime DESC LIMIT 10;"};
  std::vector<std::vector<std::string>> expected;
  for (const auto& q : queries) expected.push_back(lines(Engine(pair.memory).query(q)));
  const Engine engine(pair.sqlite);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 60; ++i) {
        const std::size_t k = static_cast<std::size_t>(t + i) % queries.size();
        if (lines(engine.query(queries[k])) != expected[k]) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace vtql
