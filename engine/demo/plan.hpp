// The demo CRM's plan: how each field of a module is filled (chosen once per module), and the rows generated so far.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "vtql/schema.hpp"

namespace vtql::demo {

// What fills a field. Text generators give std::string; number generators give a scaled integer that is emitted in
// the field's own class (integer, double, decimal at the field's scale, or text); date generators give a Date or a
// DateTime as the field wants.
enum class Gen : std::uint8_t {
  kNull,          // always NULL: `id` (set by the backend), tags, picklists without values
  kRecordNumber,  // "CON123": text + ordinal
  kFirstName,
  kLastName,      // with a few case and trailing-space variants
  kPersonName,    // someone else's full name (an assistant)
  kCompany,       // the record's company, with variants
  kPersonEmail,   // from the record's names; role 1: at a free mail domain; text: a fixed domain
  kCompanyEmail,  // text@company domain
  kPhone,
  kWebsite,
  kStreet,  // the address of group `group`
  kCity,
  kState,
  kZip,
  kCountry,
  kPoBox,
  kPool,          // a random item of `pool`
  kIndexed,       // item ordinal % size of `pool` (fixed rows: groups, folders, currencies)
  kPoolCompany,   // "<item> <company>"
  kPoolLastName,  // "<item> <last name>"
  kPoolYear,      // "<item> <year created>"
  kDealName,      // "<company> - <item>"
  kProductName,
  kSentences,  // lo..hi sentences of `pool`
  kCode,       // a random pattern of `pool`: '#' digit, '@' capital letter
  kConstant,   // text
  kUserName,
  kAccessKey,
  kPassword,
  kFileName,
  kFileType,
  kPicklist,
  kPicklistDefault,  // the field's default value mostly, else any value
  kMultiPicklist,
  kNumber,        // uniform lo..hi, in units of 10^-scale
  kLogNumber,     // a whole number of lo + 1 .. hi + 1 digits (Rng::log_spread), then `scale` random decimals
  kChoice,        // an item of `numbers`, in units of 10^-scale
  kInventory,     // role: an InventoryRole, from the record's line item
  kDeal,          // role: a DealRole, from the record's deal
  kPrice,         // role 0: the record's unit price, role 1: its purchase cost
  kCurrencyRate,  // the conversion rate of the record's currency (role 1: of the currency row itself)
  kCurrencyInfo,  // the currency row's name (role 0), code (1), symbol (2) or vtiger default id (3)
  kSequence,      // ordinal + 1
  kDurationHours,
  kDurationMinutes,
  kBoolean,  // true with lo permille
  kDate,     // anchor + lo..hi days
  kCreated,
  kModified,
  kStartTime,
  kEndTime,
  kReference,    // a live record of `targets`
  kOwner,        // a user mostly, a group sometimes
  kCurrencyRef,  // the record's currency
  kCreatorUser,  // the admin, for references vtiger keeps to users without saying so (createdby)
  kRoleId,       // Users.roleid: vtiger's role H<n>, which is no module
};

// Generators that produce numbers (and so obey a field's numeric class and scale).
inline bool is_number_gen(Gen gen) {
  switch (gen) {
    case Gen::kNumber:
    case Gen::kLogNumber:
    case Gen::kChoice:
    case Gen::kInventory:
    case Gen::kDeal:
    case Gen::kPrice:
    case Gen::kCurrencyRate:
    case Gen::kSequence:
      return true;
    default:
      return false;
  }
}

enum class DateAnchor : std::uint8_t { kAbsolute, kCreated, kEvent };

enum class InventoryRole : std::uint8_t {
  kQuantity,
  kListPrice,
  kSubTotal,
  kDiscountPercent,
  kDiscountAmount,
  kLineDiscountAmount,
  kLineDiscountPercent,
  kShippingAmount,
  kShippingPercent,
  kPreTaxTotal,
  kGrandTotal,
  kAdjustment,
  kPaid,
  kBalance,
};

enum class DealRole : std::uint8_t { kAmount, kForecast, kProbability };

// The live records of one module that later records may point at, in insertion order.
struct ModuleRows {
  const ModuleDef* module = nullptr;
  std::uint32_t prefix = 0;
  std::vector<std::uint64_t> live;
  std::vector<std::uint64_t> accounts;  // Contacts only: each live contact's account (0 for none), as `live`
};

struct FieldPlan {
  int index = 0;  // in the module's fields
  const FieldDef* field = nullptr;
  Gen gen = Gen::kNull;
  std::uint16_t null_permille = 0;
  bool empty_not_null = false;  // a NOT NULL text column: an absent value is the empty string
  std::uint8_t group = 0;       // address group: 0 main (billing, mailing), 1 second (shipping, other)
  std::uint8_t role = 0;
  DateAnchor anchor = DateAnchor::kAbsolute;
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  int scale = 0;  // decimals of a generated number
  std::span<const std::string_view> pool;
  std::span<const std::int64_t> numbers;
  std::string_view text;
  std::vector<const ModuleRows*> targets;  // kReference: first is preferred
};

struct ModulePlan {
  const ModuleDef* module = nullptr;
  std::uint64_t count = 0;
  std::uint64_t seed = 0;
  std::vector<FieldPlan> fields;
  std::uint16_t delete_permille = 0;
  std::uint16_t convert_permille = 0;
  std::uint16_t second_address_permille = 600;
  bool distinct_people = false;  // Users: names by ordinal, so that user names do not repeat
  bool admin_first = false;      // Users: the first record is the administrator
  int contact_field = -1;        // position in `fields` of the reference to Contacts
  int account_field = -1;        // position in `fields` of the reference to Accounts alone
  bool track_accounts = false;   // remember each record's account (Contacts), for records that link to it
};

// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
constexpr std::int32_t days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// The year of a day counted from 1970-01-01.
constexpr int year_of_days(std::int32_t days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int month_index = (5 * day_of_year + 2) / 153;  // 0 is March
  return year_of_era + era * 400 + (month_index >= 10 ? 1 : 0);
}

// The records every module points at: owners (users, groups; the admin first) and currencies.
struct Actors {
  const ModuleRows* users = nullptr;
  const ModuleRows* groups = nullptr;
  const ModuleRows* currencies = nullptr;
};

// The plan of one field by the demo's rules: by name first, then by type; a rule that would give a value of
// another class than the field's is replaced by the type's rule. Reference targets are left to the caller.
FieldPlan plan_field(const ModuleDef& module, const FieldDef& field, int index);

// Module-level settings (deletions, conversions, address habits) for `module`.
void plan_module(ModulePlan& plan);

}  // namespace vtql::demo
