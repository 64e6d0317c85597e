// The demo CRM's driver: how many records each module gets, in which order modules are filled so that
// references find their targets, and the fates (deleted, converted) of records after insertion.
#include "engine/demo/demo_crm.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

#include "engine/demo/plan.hpp"
#include "engine/demo/random.hpp"
#include "engine/demo/record_builder.hpp"

namespace vtql::demo {
namespace {

// A module's share of the records, in records per 100,000, or a fixed count.
struct Share {
  std::string_view module;
  std::uint64_t per_100k;
  std::uint64_t fixed;
};

// In filling order: every module comes after the modules its references point at.
constexpr Share kShares[] = {
    {"Currency", 0, 2},     {"Users", 0, 0},           {"Groups", 0, 3},       {"DocumentFolders", 0, 2},
    {"Vendors", 500, 0},    {"Products", 2000, 0},     {"PriceBooks", 200, 0}, {"Campaigns", 500, 0},
    {"Accounts", 10000, 0}, {"Contacts", 35000, 0},    {"Leads", 20000, 0},    {"Potentials", 8000, 0},
    {"HelpDesk", 8000, 0},  {"Faq", 500, 0},           {"Quotes", 1000, 0},    {"SalesOrder", 1000, 0},
    {"Invoice", 1500, 0},   {"PurchaseOrder", 500, 0}, {"Documents", 1500, 0}, {"Calendar", 4000, 0},
    {"Events", 4000, 0},    {"Emails", 1500, 0},
};
constexpr std::uint64_t kUnknownEntityPer100k = 500;
constexpr std::uint64_t kUnknownOtherRows = 2;
constexpr std::uint64_t kMinimumRows = 2;
constexpr std::uint64_t kProgressEvery = 4096;
constexpr std::uint64_t kFateSalt = 0x6A09E667F3BCC909ULL;

// A handful of users, a few more in big CRMs.
std::uint64_t user_count(std::uint64_t scale) { return std::min<std::uint64_t>(50, 5 + scale / 200000); }

using catalog::is_actor;

struct Step {
  const ModuleDef* module;
  std::uint64_t count;
};

std::vector<Step> filling_order(const Schema& schema, std::uint64_t scale) {
  std::vector<Step> known;
  std::vector<Step> unknown_others;
  std::vector<Step> unknown_entities;
  std::size_t fixed_steps = 0;  // the fixed-count modules lead kShares
  for (const Share& share : kShares) {
    const ModuleDef* module = schema.find_module(share.module);
    if (module == nullptr) continue;
    std::uint64_t count = share.fixed;
    if (share.module == "Users") count = user_count(scale);
    if (share.per_100k != 0) count = std::max(kMinimumRows, scale * share.per_100k / 100000);
    if (share.per_100k == 0) ++fixed_steps;
    known.push_back({module, count});
  }
  for (const ModuleDef& module : schema.modules()) {
    const bool listed = std::any_of(std::begin(kShares), std::end(kShares),
                                    [&](const Share& share) { return share.module == module.name; });
    if (listed) continue;
    if (module.is_entity) {
      unknown_entities.push_back({&module, std::max(kMinimumRows, scale * kUnknownEntityPer100k / 100000)});
    } else {
      unknown_others.push_back({&module, kUnknownOtherRows});
    }
  }
  // Unknown lookup modules (not entities) may be what known modules point at: fill them right after the fixed ones.
  known.insert(known.begin() + static_cast<std::ptrdiff_t>(fixed_steps), unknown_others.begin(), unknown_others.end());
  known.insert(known.end(), unknown_entities.begin(), unknown_entities.end());
  return known;
}

std::uint32_t parse_prefix(const std::string& prefix) {
  std::uint32_t value = 0;
  std::from_chars(prefix.data(), prefix.data() + prefix.size(), value);
  return value;
}

// The rows a reference field may point at: the modules it refers to that have rows (or are being filled),
// in describe order. User ids and entity ids overlap, so a field that may hold either points at entities only.
void resolve_targets(FieldPlan& field, const ModuleDef& module, const Schema& schema, std::vector<ModuleRows>& rows) {
  const auto& names = field.field->refers_to;
  const bool any_entity = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    const ModuleDef* target = schema.find_module(name);
    return target != nullptr && target->is_entity && !is_actor(name);
  });
  for (const std::string& name : names) {
    const ModuleDef* target = schema.find_module(name);
    if (target == nullptr || (any_entity && is_actor(name))) continue;
    ModuleRows& target_rows = rows[static_cast<std::size_t>(target - schema.modules().data())];
    if (target == &module || !target_rows.live.empty()) field.targets.push_back(&target_rows);
  }
}

}  // namespace

Status generate(storage::Writer& writer, const Schema& schema, const DemoOptions& options) {
  if (schema.find_module("Users") == nullptr) {
    return Error::invalid_argument("the demo CRM needs a Users module to own its records");
  }
  const std::vector<Step> order = filling_order(schema, options.scale);
  std::uint64_t total = 0;
  for (const Step& step : order) total += step.count;

  std::vector<ModuleRows> rows(schema.modules().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].module = &schema.modules()[i];
    rows[i].prefix = parse_prefix(schema.modules()[i].id_prefix);
  }
  const auto rows_of = [&](std::string_view name) -> const ModuleRows* {
    const ModuleDef* module = schema.find_module(name);
    return module == nullptr ? nullptr : &rows[static_cast<std::size_t>(module - schema.modules().data())];
  };
  const Actors actors{rows_of("Users"), rows_of("Groups"), rows_of("Currency")};

  std::uint64_t done = 0;
  storage::Record record;
  for (const Step& step : order) {
    const ModuleDef& module = *step.module;
    ModulePlan plan;
    plan.module = &module;
    plan.count = step.count;
    plan.seed = derive_seed(options.seed, hash_name(module.name));
    plan.fields.reserve(module.fields.size());
    for (std::size_t i = 0; i < module.fields.size(); ++i) {
      plan.fields.push_back(plan_field(module, module.fields[i], static_cast<int>(i)));
      if (plan.fields.back().gen == Gen::kReference) resolve_targets(plan.fields.back(), module, schema, rows);
    }
    plan_module(plan);
    RecordBuilder builder(plan, actors);
    ModuleRows& own = rows[static_cast<std::size_t>(&module - schema.modules().data())];

    for (std::uint64_t ordinal = 0; ordinal < step.count; ++ordinal) {
      builder.build(ordinal, record);
      const std::uint64_t account = plan.track_accounts ? builder.account_of(record) : 0;
      auto id = writer.insert(module, std::move(record));
      if (!id) return std::move(id).error();
      // A record's fate has a stream of its own, so that it never shifts the record's values. The first record of
      // each module stays, so that every module has rows.
      std::uint64_t fate_state = derive_seed(plan.seed ^ kFateSalt, ordinal);
      const std::uint64_t fate = ordinal == 0 ? 1000 : splitmix64(fate_state) % 1000;
      if (fate < plan.delete_permille) {
        if (auto status = writer.retire(module, *id, catalog::RecordState::kDeleted); !status) return status;
      } else if (fate < plan.delete_permille + plan.convert_permille) {
        if (auto status = writer.retire(module, *id, catalog::RecordState::kConverted); !status) return status;
      } else {
        own.live.push_back(*id);
        if (plan.track_accounts) own.accounts.push_back(account);
      }
      ++done;
      if (options.progress && done % kProgressEvery == 0 && done != total) options.progress(done, total);
    }
  }
  if (options.progress) options.progress(total, total);
  return Ok{};
}

}  // namespace vtql::demo
