// Tests of the demo CRM generator: determinism, shares, connected references, value classes, progress.
#include <functional>

#include "engine/demo/demo_crm.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/demo/plan.hpp"
#include "engine/demo/pools.hpp"
#include "engine/demo/random.hpp"
#include "engine/storage/memory/memory_backend.hpp"

namespace vtql::demo {
namespace {

using storage::Record;

bool matches_class(const types::Value& value, ValueClass value_class) {
  switch (value_class) {
    case ValueClass::kText:
    case ValueClass::kNone:
      return std::holds_alternative<std::string>(value);
    case ValueClass::kInteger:
      return std::holds_alternative<std::int64_t>(value);
    case ValueClass::kDouble:
      return std::holds_alternative<double>(value);
    case ValueClass::kDecimal:
      return std::holds_alternative<types::Decimal>(value);
    case ValueClass::kBoolean:
      return std::holds_alternative<bool>(value);
    case ValueClass::kDate:
      return std::holds_alternative<types::Date>(value);
    case ValueClass::kDateTime:
      return std::holds_alternative<types::DateTime>(value);
    case ValueClass::kTime:
      return std::holds_alternative<types::Time>(value);
    case ValueClass::kEntityId:
      return std::holds_alternative<types::EntityId>(value);
  }
  return false;
}

// FNV-1a over a canonical byte form of every value, in insertion order.
class Digest {
 public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) hash_ = (hash_ ^ bytes[i]) * 0x100000001B3ULL;
  }
  void add_u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      const auto byte = static_cast<unsigned char>(v >> (8 * i));
      add(&byte, 1);
    }
  }
  void add_text(std::string_view text) {
    add_u64(text.size());
    add(text.data(), text.size());
  }
  void add_value(const types::Value& value) {
    add_u64(value.index());
    std::visit([this](const auto& v) { add_part(v); }, value);
  }
  std::uint64_t value() const { return hash_; }

 private:
  void add_part(const types::Null&) {}
  void add_part(const std::string& v) { add_text(v); }
  void add_part(std::int64_t v) { add_u64(static_cast<std::uint64_t>(v)); }
  void add_part(double v) { add_u64(std::bit_cast<std::uint64_t>(v)); }
  void add_part(const types::Decimal& v) { add_text(v.to_string()); }
  void add_part(bool v) { add_u64(v ? 1 : 0); }
  void add_part(types::Date v) { add_u64(static_cast<std::uint64_t>(v.days)); }
  void add_part(types::DateTime v) { add_u64(static_cast<std::uint64_t>(v.seconds)); }
  void add_part(types::Time v) { add_u64(static_cast<std::uint64_t>(v.seconds)); }
  void add_part(types::EntityId v) {
    add_u64(v.prefix);
    add_u64(v.number);
  }

  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

// A backend that stores nothing but checks every record as it arrives and remembers what later checks need.
// Ids follow the memory backend: users and groups share one sequence, entities another, others count per module.
class RecordingBackend final : public storage::Backend, public storage::Writer {
 public:
  struct ModuleLog {
    std::uint64_t inserted = 0;
    std::uint64_t deleted = 0;
    std::uint64_t converted = 0;
    std::unordered_set<std::uint64_t> live;
    std::vector<Record> kept;  // every record when keep_records
  };
  struct Reference {
    const ModuleDef* module;
    const FieldDef* field;
    types::EntityId id;
  };
  struct NullCount {
    std::uint64_t nulls = 0;
    std::uint64_t total = 0;
  };

  explicit RecordingBackend(bool keep_records = false) : keep_records_(keep_records) {}

  std::string_view name() const noexcept override { return "recording"; }
  storage::Capabilities capabilities() const noexcept override { return {}; }
  Result<std::unique_ptr<storage::Cursor>> scan(const storage::ScanSpec&) const override {
    return Error::internal("not scannable");
  }
  Result<std::uint64_t> count(const storage::ScanSpec&) const override { return Error::internal("no count"); }
  bool exists(const ModuleDef& module, std::uint64_t id) const override {
    const auto found = logs_.find(module.name);
    return found != logs_.end() && found->second.live.count(id) != 0;
  }

  Writer* writer() noexcept override { return this; }
  Status transaction(const std::function<Status()>& writes) override { return writes(); }
  bool rolls_back() const noexcept override { return false; }

  Result<std::uint64_t> insert(const ModuleDef& module, const Record& record) override {
    const std::uint64_t id = ids_.next(module);
    check(module, record);
    digest_.add_text(module.name);
    digest_.add_u64(id);
    for (const types::Value& value : record) digest_.add_value(value);
    ModuleLog& log = logs_[module.name];
    ++log.inserted;
    log.live.insert(id);
    if (keep_records_) {
      Record kept = record;
      if (const int slot = module.field_index("id"); slot >= 0) {
        kept[static_cast<std::size_t>(slot)] = types::EntityId{catalog::id_prefix_number(module), id};
      }
      log.kept.push_back(std::move(kept));
    }
    return id;
  }
  Status insert_with_id(const ModuleDef&, std::uint64_t, const Record&) override { return Error::internal("unused"); }
  Status update(const ModuleDef&, std::uint64_t, const Record&) override { return Error::internal("unused"); }
  Status retire(const ModuleDef& module, std::uint64_t id, catalog::RecordState state) override {
    ModuleLog& log = logs_[module.name];
    if (log.live.erase(id) == 0) return Error::internal("retiring a record that is not live");
    ++(state == catalog::RecordState::kDeleted ? log.deleted : log.converted);
    return Ok{};
  }
  Result<std::vector<storage::Change>> changes_since(std::string_view, types::DateTime) const override {
    return Error::internal("unused");
  }

  std::uint64_t digest() const { return digest_.value(); }
  const std::map<std::string, ModuleLog>& logs() const { return logs_; }
  const std::vector<Reference>& references() const { return references_; }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::unordered_map<const FieldDef*, NullCount>& nulls() const { return nulls_; }
  std::uint64_t live(std::string_view module) const {
    const auto found = logs_.find(std::string(module));
    return found == logs_.end() ? 0 : found->second.live.size();
  }

 private:
  void problem(const ModuleDef& module, const FieldDef* field, const std::string& what) {
    if (problems_.size() < 20) problems_.push_back(module.name + "." + (field ? field->name : "") + ": " + what);
  }

  void check(const ModuleDef& module, const Record& record) {
    if (record.size() != module.fields.size()) return problem(module, nullptr, "wrong number of values");
    const types::DateTime* created = nullptr;
    const types::DateTime* modified = nullptr;
    for (std::size_t i = 0; i < record.size(); ++i) {
      const FieldDef& field = module.fields[i];
      const types::Value& value = record[i];
      if (field.is_id()) continue;
      NullCount& count = nulls_[&field];
      ++count.total;
      if (std::holds_alternative<types::Null>(value)) {
        ++count.nulls;
        if (field.mandatory) problem(module, &field, "mandatory field is NULL");
        continue;
      }
      if (!matches_class(value, value_class(field.type))) problem(module, &field, "value of another class");
      if (const auto* decimal = std::get_if<types::Decimal>(&value); decimal && decimal->scale() != field.scale) {
        problem(module, &field, "decimal of scale " + std::to_string(decimal->scale()));
      }
      if (const auto* id = std::get_if<types::EntityId>(&value)) references_.push_back({&module, &field, *id});
      if (field.name == "createdtime") created = std::get_if<types::DateTime>(&value);
      if (field.name == "modifiedtime") modified = std::get_if<types::DateTime>(&value);
    }
    if (created && modified && *modified < *created) problem(module, nullptr, "modified before created");
    if (created && (created->seconds < 1420070400 || created->seconds >= 1782864000)) {  // 2015-01-01, 2026-07-01
      problem(module, nullptr, "createdtime out of 2015..2026");
    }
  }

  bool keep_records_;
  catalog::IdAllocator ids_;
  Digest digest_;
  std::map<std::string, ModuleLog> logs_;
  std::vector<Reference> references_;
  std::vector<std::string> problems_;
  std::unordered_map<const FieldDef*, NullCount> nulls_;
};

std::unique_ptr<RecordingBackend> generate_into(std::uint64_t scale, std::uint64_t seed, bool keep = false) {
  auto backend = std::make_unique<RecordingBackend>(keep);
  DemoOptions options;
  options.scale = scale;
  options.seed = seed;
  const Status status = generate(*backend, *Schema::builtin(), options);
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
  return backend;
}

// Whether `reference` points at a live record of a module the field may refer to.
bool resolves(const storage::Backend& backend, const Schema& schema, const RecordingBackend::Reference& reference) {
  const auto live_in = [&](std::string_view name) {
    const ModuleDef* target = schema.find_module(name);
    return target != nullptr && std::to_string(reference.id.prefix) == target->id_prefix &&
           backend.exists(*target, reference.id.number);
  };
  const FieldDef& field = *reference.field;
  if (field.type == FieldType::kOwner) return live_in("Users") || live_in("Groups");
  if (field.refers_to.empty()) {
    // vtiger keeps these without naming a module: roles H1..H5, and the folder's creator, a user.
    if (field.name == "roleid") return reference.id.prefix == 0 && reference.id.number >= 1 && reference.id.number <= 5;
    return live_in("Users");
  }
  return std::any_of(field.refers_to.begin(), field.refers_to.end(), live_in);
}

// No value of the wrong class, no NULL where mandatory, and every reference resolves in `target` (the recording
// backend itself, or another backend filled with the same scale and seed).
void expect_sound(const RecordingBackend& backend, const storage::Backend* target = nullptr) {
  EXPECT_TRUE(backend.problems().empty()) << backend.problems().front();
  const auto schema = Schema::builtin();
  std::uint64_t unresolved = 0;
  for (const auto& reference : backend.references()) {
    if (resolves(target != nullptr ? *target : backend, *schema, reference)) continue;
    if (++unresolved <= 5) {
      ADD_FAILURE() << reference.module->name << "." << reference.field->name << " = " << reference.id.prefix << "x"
                    << reference.id.number << " points at no live record it may refer to";
    }
  }
  EXPECT_EQ(unresolved, 0U);
}

TEST(DemoRandomTest, StreamsAreFixedOnEveryPlatform) {
  std::uint64_t state = 0;
  EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFULL);  // the published first output of splitmix64 from 0
  Rng rng(42);
  const std::uint64_t first = rng.next();
  Rng again(42);
  EXPECT_EQ(again.next(), first);
  // Checked against an independent implementation of xoshiro256** and of the range mappings.
  EXPECT_EQ(first, 0x15780B2E0C2EC716ULL);
  Rng ranges(7);
  EXPECT_EQ(ranges.below(10), 7U);
  EXPECT_EQ(ranges.between(-5, 5), -2);
  EXPECT_EQ(ranges.log_spread(2, 4), 98298);
}

TEST(DemoRandomTest, RangesStayInBounds) {
  Rng rng(1);
  for (int i = 0; i < 10000; ++i) {
    EXPECT_LT(rng.below(7), 7U);
    const auto v = rng.between(-3, 3);
    EXPECT_GE(v, -3);
    EXPECT_LE(v, 3);
    const auto spread = rng.log_spread(1, 3);
    EXPECT_GE(spread, 10);
    EXPECT_LT(spread, 10000);
  }
  EXPECT_EQ(rng.below(0), 0U);
  EXPECT_GE(rng.below(std::uint64_t{1} << 40), 0U);
}

TEST(DemoCalendarTest, AgreesWithTheEngineDates) {
  for (const auto& [year, month, day] : {std::array{1950, 1, 1}, std::array{1970, 1, 1}, std::array{2000, 2, 29},
                                         std::array{2015, 12, 31}, std::array{2030, 6, 30}}) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    const std::int32_t days = days_from_civil(year, month, day);
    EXPECT_EQ(days, types::parse_date(text)->days) << text;
    EXPECT_EQ(year_of_days(days), year) << text;
  }
}

TEST(DemoCaseTest, MapsLatinGreekCyrillic) {
  EXPECT_EQ(utf8_upper("Müller Łukasz Ødegaard zoë straße"), "MÜLLER ŁUKASZ ØDEGAARD ZOË STRAßE");
  EXPECT_EQ(utf8_lower("ÂNGELA DVOŘÁK ΑΘΉΝΑ ОЛЬГА"), "ângela dvořák αθήνα ольга");
  EXPECT_EQ(utf8_upper("田中 yılmaz"), "田中 YıLMAZ");  // CJK and the dotless i are kept
}

TEST(DemoCrmTest, SameSeedSameData) {
  const auto a = generate_into(1000, 7);
  const auto b = generate_into(1000, 7);
  EXPECT_EQ(a->digest(), b->digest());
  const auto c = generate_into(1000, 8);
  EXPECT_NE(a->digest(), c->digest());
}

TEST(DemoCrmTest, EveryModuleGetsRowsAtScale1000) {
  const auto backend = generate_into(1000, 1, /*keep=*/true);
  expect_sound(*backend);
  for (const ModuleDef& module : Schema::builtin()->modules()) {
    EXPECT_GT(backend->live(module.name), 0U) << module.name;
  }
  EXPECT_EQ(backend->live("Groups"), 3U);
  EXPECT_GE(backend->live("Currency"), 1U);
  EXPECT_LE(backend->live("Currency"), 2U);
  EXPECT_LE(backend->live("DocumentFolders"), 2U);
  EXPECT_GE(backend->live("Users"), 5U);

  // The admin comes first and is the only administrator.
  const auto schema = Schema::builtin();
  const ModuleDef& users = *schema->find_module("Users");
  const auto& kept = backend->logs().at("Users").kept;
  const auto user_field = [&](std::size_t row, std::string_view name) { return kept[row][users.field_index(name)]; };
  EXPECT_EQ(std::get<std::string>(user_field(0, "user_name")), "admin");
  EXPECT_EQ(std::get<bool>(user_field(0, "is_admin")), true);
  std::unordered_set<std::string> names;
  for (std::size_t row = 0; row < kept.size(); ++row) {
    names.insert(std::get<std::string>(user_field(row, "user_name")));
    if (row > 0) {
      EXPECT_EQ(std::get<bool>(user_field(row, "is_admin")), false);
    }
  }
  EXPECT_EQ(names.size(), kept.size()) << "user names repeat";
}

TEST(DemoCrmTest, UserNamesAreUniqueAtTheLargestUserCount) {
  // 50 users is the most the demo makes; their names come from the ordinal, so this holds at any seed.
  std::unordered_set<std::string> names;
  const auto firsts = pools::first_names();
  const auto lasts = pools::last_names();
  for (std::uint64_t ordinal = 1; ordinal < 50; ++ordinal) {
    names.insert(std::string(firsts[(ordinal + 3) % firsts.size()].slug) + "." +
                 std::string(lasts[(ordinal * 5 + 7) % lasts.size()].slug));
  }
  EXPECT_EQ(names.size(), 49U);
}

TEST(DemoCrmTest, SharesFollowThePlanAt100k) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
  RecordingBackend backend;
  DemoOptions options;
  options.scale = 100000;
  options.seed = 3;
  options.progress = [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
  ASSERT_TRUE(generate(backend, *Schema::builtin(), options).ok());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("seconds", std::to_string(seconds));
  expect_sound(backend);

  std::uint64_t inserted = 0;
  std::uint64_t deleted = 0;
  for (const auto& [name, log] : backend.logs()) {
    inserted += log.inserted;
    deleted += log.deleted;
  }
  EXPECT_GT(inserted, 95000U);
  EXPECT_LT(inserted, 105000U);
  EXPECT_GT(deleted, inserted / 200);  // about 1%
  EXPECT_LT(deleted, inserted / 50);
  const auto share = [&](std::string_view module) { return backend.logs().at(std::string(module)).inserted; };
  EXPECT_GE(share("Users"), 5U);
  EXPECT_LE(share("Users"), 10U);
  EXPECT_NEAR(share("Contacts"), 35000, 1000);
  EXPECT_NEAR(share("Leads"), 20000, 1000);
  EXPECT_NEAR(share("Accounts"), 10000, 500);
  EXPECT_NEAR(share("Potentials"), 8000, 500);
  EXPECT_NEAR(share("HelpDesk"), 8000, 500);
  EXPECT_NEAR(share("Products"), 2000, 200);
  const auto& leads = backend.logs().at("Leads");
  EXPECT_GT(leads.converted, leads.inserted / 20);  // about 8% converted
  EXPECT_LT(leads.converted, leads.inserted / 8);

  // Progress: every few thousand records, increasing, ending at the total.
  ASSERT_GT(calls.size(), 10U);
  for (std::size_t i = 1; i < calls.size(); ++i) {
    EXPECT_GT(calls[i].first, calls[i - 1].first);
    EXPECT_EQ(calls[i].second, calls[0].second);
  }
  EXPECT_EQ(calls.back().first, calls.back().second);
  EXPECT_EQ(calls.back().second, inserted);

  // Owners are users mostly and groups sometimes.
  std::uint64_t user_owned = 0;
  std::uint64_t group_owned = 0;
  for (const auto& reference : backend.references()) {
    if (reference.field->type != FieldType::kOwner) continue;
    (reference.id.prefix == 19 ? user_owned : group_owned) += 1;
    EXPECT_TRUE(reference.id.prefix == 19 || reference.id.prefix == 20);
  }
  EXPECT_GT(group_owned * 20, user_owned + group_owned);
  EXPECT_LT(group_owned * 5, user_owned + group_owned);
}

TEST(DemoCrmTest, MemoryBackendHoldsTheSameLiveRecords) {
  const auto schema = Schema::builtin();
  storage::MemoryBackend memory(schema);
  DemoOptions options;
  options.scale = 3000;
  options.seed = 11;
  ASSERT_TRUE(generate(memory, *schema, options).ok());
  const auto recorded = generate_into(3000, 11);
  for (const ModuleDef& module : schema->modules()) {
    storage::ScanSpec spec;
    spec.module = &module;
    const auto count = memory.count(spec);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, recorded->live(module.name)) << module.name;
  }
  expect_sound(*recorded, &memory);
}

TEST(DemoCrmTest, ModuleCountsDoNotShiftOtherValues) {
  // A record's own values come from its own stream: at another scale the first contact has the same name, mail
  // and city (only its dates and the ids it points at move).
  const auto small = generate_into(1000, 2, /*keep=*/true);
  const auto large = generate_into(4000, 2, /*keep=*/true);
  const ModuleDef& contacts = *Schema::builtin()->find_module("Contacts");
  const Record& a = small->logs().at("Contacts").kept.front();
  const Record& b = large->logs().at("Contacts").kept.front();
  for (std::string_view name : {"firstname", "lastname", "email", "mailingcity", "title"}) {
    EXPECT_EQ(a[contacts.field_index(name)], b[contacts.field_index(name)]) << name;
  }
}

TEST(DemoCrmTest, OptionalFieldsAreSometimesNullAndTextIsInternational) {
  const auto backend = generate_into(20000, 5, /*keep=*/true);
  const auto schema = Schema::builtin();
  const ModuleDef& contacts = *schema->find_module("Contacts");
  for (std::string_view name : {"mobile", "birthday", "account_id", "email", "mailingcity"}) {
    const auto& count = backend->nulls().at(contacts.find_field(name));
    EXPECT_GT(count.nulls, 0U) << name;
    EXPECT_LT(count.nulls, count.total) << name;
  }
  bool accented = false;
  bool trailing_space = false;
  bool upper_variant = false;
  bool cjk = false;
  const int lastname = contacts.field_index("lastname");
  for (const Record& record : backend->logs().at("Contacts").kept) {
    const auto& name = std::get<std::string>(record[lastname]);
    accented = accented || name.starts_with("Müller") || name.starts_with("Ødegaard");
    trailing_space = trailing_space || name.ends_with(' ');
    upper_variant = upper_variant || name == "MÜLLER" || name == "ØDEGAARD" || name == "SMITH";
    cjk = cjk || name == "田中";
  }
  EXPECT_TRUE(accented && trailing_space && upper_variant && cjk);

  // Most contacts belong to an account; most potentials about a contact name the contact's own account.
  const auto& count = backend->nulls().at(contacts.find_field("account_id"));
  EXPECT_LT(count.nulls * 5, count.total);
  std::unordered_map<std::uint64_t, std::uint64_t> account_of_contact;
  const int contact_id = contacts.field_index("id");
  const int contact_account = contacts.field_index("account_id");
  for (const Record& record : backend->logs().at("Contacts").kept) {
    if (const auto* account = std::get_if<types::EntityId>(&record[contact_account])) {
      account_of_contact[std::get<types::EntityId>(record[contact_id]).number] = account->number;
    }
  }
  const ModuleDef& potentials = *schema->find_module("Potentials");
  const int potential_contact = potentials.field_index("contact_id");
  const int related_to = potentials.field_index("related_to");
  int linked = 0;
  int same = 0;
  for (const Record& record : backend->logs().at("Potentials").kept) {
    const auto* contact = std::get_if<types::EntityId>(&record[potential_contact]);
    const auto* account = std::get_if<types::EntityId>(&record[related_to]);
    if (contact == nullptr || account == nullptr || !account_of_contact.count(contact->number)) continue;
    ++linked;
    same += account_of_contact[contact->number] == account->number ? 1 : 0;
  }
  EXPECT_GT(linked, 100);
  EXPECT_GT(same * 10, linked * 7);
}

}  // namespace
}  // namespace vtql::demo
