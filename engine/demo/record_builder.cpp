// Builds the demo CRM's records field by field, drawing the related parts of a record (person, place, company,
// dates, line item) once so that its e-mail matches its name, its totals its line, its end its start.
#include "engine/demo/record_builder.hpp"

#include <algorithm>

namespace vtql::demo {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kCreatedFirst = std::int64_t{days_from_civil(2015, 1, 1)} * kDay;
constexpr std::int64_t kCreatedLast = std::int64_t{days_from_civil(2026, 7, 1)} * kDay - 1;
constexpr std::int64_t kModifiedLast = std::int64_t{days_from_civil(2027, 1, 1)} * kDay - 1;
constexpr std::string_view kAdminEmail = "admin@democrm.example";
constexpr std::int64_t kMinuteSteps[] = {0, 15, 30, 45};

bool is_address(Gen gen) {
  return gen == Gen::kStreet || gen == Gen::kCity || gen == Gen::kState || gen == Gen::kZip || gen == Gen::kCountry ||
         gen == Gen::kPoBox;
}

}  // namespace

RecordBuilder::RecordBuilder(const ModulePlan& plan, const Actors& actors) : plan_(plan), actors_(actors) {
  for (const FieldPlan& field : plan.fields) {
    switch (field.gen) {
      case Gen::kCompany:
      case Gen::kCompanyEmail:
      case Gen::kPoolCompany:
      case Gen::kDealName:
      case Gen::kWebsite:
        needs_company_ = true;
        break;
      case Gen::kInventory:
        needs_line_item_ = true;
        break;
      case Gen::kDeal:
        needs_deal_ = true;
        break;
      case Gen::kPrice:
        needs_price_ = true;
        break;
      default:
        break;
    }
  }
}

void RecordBuilder::build(std::uint64_t ordinal, storage::Record& record) {
  start_record(ordinal);
  record.clear();
  record.reserve(plan_.fields.size());
  for (const FieldPlan& field : plan_.fields) record.push_back(value_of(field));
  // Most records about a contact name the contact's own account, as people enter them in a CRM.
  if (plan_.contact_field >= 0 && plan_.account_field >= 0 && contact_position_ >= 0) {
    const ModuleRows& contacts = *plan_.fields[static_cast<std::size_t>(plan_.contact_field)].targets.front();
    const FieldPlan& account = plan_.fields[static_cast<std::size_t>(plan_.account_field)];
    const auto position = static_cast<std::size_t>(contact_position_);
    if (position < contacts.accounts.size() && contacts.accounts[position] != 0 && !account.targets.empty() &&
        rng_.chance(800)) {
      record[static_cast<std::size_t>(account.index)] =
          types::EntityId{account.targets.front()->prefix, contacts.accounts[position]};
    }
  }
  if (plan_.admin_first && ordinal == 0) apply_admin(record);
}

std::uint64_t RecordBuilder::account_of(const storage::Record& record) const {
  if (plan_.account_field < 0) return 0;
  const auto& value =
      record[static_cast<std::size_t>(plan_.fields[static_cast<std::size_t>(plan_.account_field)].index)];
  const auto* id = std::get_if<types::EntityId>(&value);
  return id == nullptr ? 0 : id->number;
}

void RecordBuilder::start_record(std::uint64_t ordinal) {
  rng_ = Rng(derive_seed(plan_.seed, ordinal));
  ordinal_ = ordinal;
  const auto firsts = pools::first_names();
  const auto lasts = pools::last_names();
  if (plan_.distinct_people) {
    first_ = &firsts[(ordinal + 3) % firsts.size()];
    last_ = &lasts[(ordinal * 5 + 7) % lasts.size()];
  } else {
    first_ = &pick(rng_, firsts);
    last_ = &pick(rng_, lasts);
  }
  place_[0] = &pick(rng_, pools::places());
  place_[1] = rng_.chance(650) ? place_[0] : &pick(rng_, pools::places());
  address_[0] = rng_.chance(850);
  address_[1] = rng_.chance(plan_.second_address_permille) && address_[0];

  // Records are created in id order over the years, each in its own slot: createdtime grows with the id.
  const std::int64_t span = kCreatedLast - kCreatedFirst;
  const auto count = static_cast<std::int64_t>(std::max<std::uint64_t>(1, plan_.count));
  created_ = kCreatedFirst + span * static_cast<std::int64_t>(ordinal) / count + rng_.between(0, span / count - 1);
  if (rng_.chance(350)) {
    modified_ = created_;
  } else {
    const std::int64_t reach = rng_.chance(500) ? 2 * kDay : 730 * kDay;
    modified_ = created_ + rng_.between(1, std::min(kModifiedLast - created_, reach));
  }
  event_day_ = static_cast<std::int32_t>(created_ / kDay + rng_.between(-3, 45));
  start_minute_ = static_cast<std::int32_t>(rng_.between(28, 79) * 15);  // 07:00 .. 19:45
  duration_hours_ = static_cast<std::int32_t>(rng_.chance(700) ? rng_.between(0, 1) : rng_.between(2, 3));
  duration_minutes_ = static_cast<std::int32_t>(pick(rng_, std::span<const std::int64_t>(kMinuteSteps)));
  if (duration_hours_ == 0 && duration_minutes_ == 0) duration_minutes_ = 30;
  const bool foreign = !rng_.chance(850);
  currency_ = foreign && actors_.currencies != nullptr && actors_.currencies->live.size() > 1 ? 1 : 0;
  file_stem_ = rng_.below(pools::file_stems().size());
  file_kind_ = rng_.below(pools::file_kinds().size());
  contact_position_ = -1;
  if (needs_company_) make_company();
  if (needs_price_) {
    price_ = rng_.log_spread(0, 4) * 100 + rng_.between(0, 99);
    cost_ = price_ * rng_.between(40, 90) / 100;
  }
  if (needs_line_item_) make_line_item();
  if (needs_deal_) {
    deal_.amount = rng_.log_spread(3, 7) * 100 + rng_.between(0, 99);
    deal_.probability = rng_.between(0, 10) * 10;
    deal_.forecast = deal_.amount * deal_.probability / 100;
  }
}

void RecordBuilder::make_company() {
  company_.clear();
  company_domain_.clear();
  const auto add = [this](const Word& word) {
    company_ += word.text;
    company_domain_ += word.slug;
  };
  switch (rng_.below(4)) {
    case 0:
      add(pick(rng_, pools::last_names()));
      company_ += ' ';
      add(pick(rng_, pools::company_sectors()));
      break;
    case 1:
      add(pick(rng_, pools::company_adjectives()));
      company_ += ' ';
      add(pick(rng_, pools::company_nouns()));
      break;
    case 2:
      add(pick(rng_, pools::last_names()));
      company_ += " & ";
      company_domain_ += '-';
      add(pick(rng_, pools::last_names()));
      break;
    default:
      add(pick(rng_, pools::company_adjectives()));
      company_ += ' ';
      add(pick(rng_, pools::company_sectors()));
      break;
  }
  const std::string_view suffix = pick(rng_, pools::company_suffixes());
  if (!suffix.empty()) {
    company_ += ' ';
    company_ += suffix;
  }
  company_domain_ += place_[0]->tld;
}

types::Value RecordBuilder::value_of(const FieldPlan& field) {
  if (field.gen == Gen::kNull) return types::Null{};
  bool absent = field.null_permille != 0 && rng_.chance(field.null_permille);
  if (is_address(field.gen) && !address_[field.group] && !field.field->mandatory) absent = true;
  if (absent) return field.empty_not_null ? types::Value(std::string()) : types::Value(types::Null{});
  const ValueClass value = value_class(field.field->type);
  if (is_number_gen(field.gen)) return number_value(field);
  switch (field.gen) {
    case Gen::kBoolean:
      return rng_.chance(static_cast<std::uint32_t>(field.lo));
    case Gen::kDate:
    case Gen::kCreated:
    case Gen::kModified:
      return date_value(field);
    case Gen::kStartTime:
      return types::Time{start_minute_ * 60};
    case Gen::kEndTime:
      return types::Time{(start_minute_ + duration_hours_ * 60 + duration_minutes_) * 60};
    case Gen::kDurationHours:
      if (value == ValueClass::kTime) return types::Time{duration_hours_ * 3600};
      return number_value(field);
    case Gen::kReference:
      return reference(field);
    case Gen::kOwner:
      return owner();
    case Gen::kCurrencyRef: {
      const ModuleRows* currencies = actors_.currencies;
      if (currencies == nullptr || currencies->live.empty()) return types::Null{};
      return types::EntityId{currencies->prefix, currencies->live[std::min(currency_, currencies->live.size() - 1)]};
    }
    case Gen::kCreatorUser:
      if (actors_.users == nullptr || actors_.users->live.empty()) return types::Null{};
      return types::EntityId{actors_.users->prefix, actors_.users->live.front()};
    case Gen::kRoleId:
      // vtiger's roles H1..H5 are no module: the number of the role, without a prefix. The admin is CEO (H2).
      return types::EntityId{0,
                             plan_.admin_first && ordinal_ == 0 ? 2 : static_cast<std::uint64_t>(rng_.between(3, 5))};
    default:
      return text_value(field);
  }
}

types::Value RecordBuilder::date_value(const FieldPlan& field) {
  const bool date_only = value_class(field.field->type) == ValueClass::kDate;
  if (field.gen != Gen::kDate) {
    const std::int64_t seconds = field.gen == Gen::kCreated ? created_ : modified_;
    if (date_only) return types::Date{static_cast<std::int32_t>(seconds / kDay)};
    return types::DateTime{seconds};
  }
  std::int64_t day = rng_.between(field.lo, field.hi);
  if (field.anchor == DateAnchor::kCreated) day += created_ / kDay;
  if (field.anchor == DateAnchor::kEvent) day += event_day_;
  if (date_only) return types::Date{static_cast<std::int32_t>(day)};
  return types::DateTime{day * kDay + rng_.between(8 * kHour, 18 * kHour)};  // office hours
}

types::Value RecordBuilder::reference(const FieldPlan& field) {
  const auto& targets = field.targets;
  if (targets.empty()) return types::Null{};
  // Polymorphic references (a task's "related to") point at the first module mostly, at the others sometimes.
  const ModuleRows* rows = targets.front();
  if (targets.size() > 1 && !rng_.chance(600)) rows = targets[rng_.below(targets.size())];
  if (rows->live.empty()) {
    const auto found =
        std::find_if(targets.begin(), targets.end(), [](const ModuleRows* t) { return !t->live.empty(); });
    if (found == targets.end()) return types::Null{};
    rows = *found;
  }
  // A few big customers get a large share of the references, as in real CRMs.
  const std::size_t n = rows->live.size();
  const std::size_t position = rng_.chance(300) ? rng_.below(std::max<std::size_t>(1, n / 10)) : rng_.below(n);
  if (plan_.contact_field >= 0 && &field == &plan_.fields[static_cast<std::size_t>(plan_.contact_field)]) {
    contact_position_ = static_cast<std::int64_t>(position);
  }
  return types::EntityId{rows->prefix, rows->live[position]};
}

types::Value RecordBuilder::owner() {
  const ModuleRows* groups = actors_.groups;
  if (groups != nullptr && !groups->live.empty() && rng_.chance(120)) {
    return types::EntityId{groups->prefix, pick(rng_, std::span<const std::uint64_t>(groups->live))};
  }
  const ModuleRows* users = actors_.users;
  if (users == nullptr || users->live.empty()) return types::Null{};
  // The lower of two draws: the first users (the admin, the sales leads) own more records.
  const std::size_t n = users->live.size();
  return types::EntityId{users->prefix, users->live[std::min(rng_.below(n), rng_.below(n))]};
}

void RecordBuilder::apply_admin(storage::Record& record) const {
  const ModuleDef& module = *plan_.module;
  // Only where the field is of the class the value has: a user schema may type these fields otherwise.
  const auto set = [&](std::string_view name, types::Value value, ValueClass value_class_of_value) {
    const int index = module.field_index(name);
    if (index < 0) return;
    const FieldDef& field = module.fields[static_cast<std::size_t>(index)];
    if (std::holds_alternative<types::Null>(value) ? field.mandatory
                                                   : value_class(field.type) != value_class_of_value) {
      return;
    }
    record[static_cast<std::size_t>(index)] = std::move(value);
  };
  set("user_name", std::string("admin"), ValueClass::kText);
  set("first_name", types::Null{}, ValueClass::kText);
  set("last_name", std::string("Administrator"), ValueClass::kText);
  set("email1", std::string(kAdminEmail), ValueClass::kText);
  set("is_admin", true, ValueClass::kBoolean);
  set("is_owner", std::string("1"), ValueClass::kText);
  set("status", std::string("Active"), ValueClass::kText);
  set("title", std::string("Administrator"), ValueClass::kText);
}

}  // namespace vtql::demo
