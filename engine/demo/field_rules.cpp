// The demo CRM's generic field rules: names that mean the same in every module, then the describe type; the
// chosen rule always gives values of the field's class.
#include <optional>
#include <string>

#include "engine/catalog/record_rules.hpp"
#include "engine/demo/plan.hpp"
#include "engine/demo/pools.hpp"
#include "engine/demo/rules.hpp"

namespace vtql::demo {
namespace {

using namespace rules;  // the rule builders read as a small language

constexpr SV kSkypes[] = {"live:@@@@####"};
constexpr SV kGenericCodes[] = {"@@-####", "@@@ ###"};

// vtiger's default record number prefixes (vtiger_modentity_num).
struct RecordNumber {
  SV field;
  SV prefix;
};
constexpr RecordNumber kRecordNumbers[] = {{"account_no", "ACC"},   {"contact_no", "CON"}, {"lead_no", "LEA"},
                                           {"potential_no", "POT"}, {"product_no", "PRO"}, {"note_no", "DOC"},
                                           {"ticket_no", "TT"},     {"faq_no", "FAQ"},     {"vendor_no", "VEN"},
                                           {"pricebook_no", "PB"},  {"quote_no", "QUO"},   {"purchaseorder_no", "PO"},
                                           {"salesorder_no", "SO"}, {"invoice_no", "INV"}, {"campaign_no", "CAM"}};

// bill_city, ship_street, mailingzip, otherstate, address_country, lane, code, ...: the part and its group.
std::optional<FieldPlan> address_part(SV name) {
  struct Prefix {
    SV text;
    std::uint8_t group;
  };
  struct Part {
    SV name;
    Gen gen;
    int null_permille;  // besides the whole address being absent
  };
  static constexpr Prefix kPrefixes[] = {{"bill_", 0}, {"ship_", 1},    {"mailing", 0},
                                         {"other", 1}, {"address_", 0}, {"", 0}};
  static constexpr Part kParts[] = {
      {"street", Gen::kStreet, 0},   {"lane", Gen::kStreet, 0},      {"city", Gen::kCity, 30},
      {"state", Gen::kState, 150},   {"code", Gen::kZip, 80},        {"zip", Gen::kZip, 80},
      {"postalcode", Gen::kZip, 80}, {"country", Gen::kCountry, 50}, {"pobox", Gen::kPoBox, 850}};
  for (const Prefix& prefix : kPrefixes) {
    if (!name.starts_with(prefix.text)) continue;
    for (const Part& part : kParts) {
      if (name.substr(prefix.text.size()) != part.name) continue;
      FieldPlan plan = make(part.gen, part.null_permille);
      plan.group = prefix.group;
      return plan;
    }
  }
  return std::nullopt;
}

// Names that mean the same in every module.
std::optional<FieldPlan> shared_rule(SV n, FieldType type) {
  if (n == "id" || n == "tags" || n == "parent_type" || n == "region_id") return make(Gen::kNull);
  if (n == "createdtime") return make(Gen::kCreated);
  if (n == "modifiedtime") return make(Gen::kModified);
  if (n == "assigned_user_id") return make(Gen::kOwner);
  if (n == "modifiedby") return make(Gen::kReference);
  if (n == "source") return from_pool(Gen::kPool, pools::sources(), 300);
  if (n == "starred") return boolean(30, 600);
  if (n == "description") return sentences(pools::sentences(), 3, 500);
  for (const RecordNumber& number : kRecordNumbers) {
    if (n == number.field) return with_text(Gen::kRecordNumber, number.prefix);
  }
  if (n == "firstname" || n == "first_name") return make(Gen::kFirstName, 50);
  if (n == "lastname" || n == "last_name") return make(Gen::kLastName);
  if (n == "salutationtype") return from_pool(Gen::kPool, pools::salutations(), 300);
  if (n == "accountname" || n == "company" || n == "vendorname") return make(Gen::kCompany);
  if (n == "email" || n == "email1") return make(Gen::kPersonEmail, 100);
  if (n == "secondaryemail" || n == "email2") return with_role(Gen::kPersonEmail, 1, 850);
  if (n == "website") return make(Gen::kWebsite, 400);
  if (n == "title" || n == "designation") return from_pool(Gen::kPool, pools::job_titles(), 300);
  if (n == "department") return from_pool(Gen::kPool, pools::departments(), 500);
  if (n == "employees") return number(Gen::kLogNumber, 0, 5, 0, 300);
  if (n == "annual_revenue") return number(Gen::kLogNumber, 4, 9, 0, 350);
  if (n == "emailoptout") return boolean(80, 100);
  if (n == "donotcall" || n == "reference" || n == "notify_owner" || n == "isconvertedfromlead") {
    return boolean(50, 100);
  }
  if (n == "portal") return boolean(100, 100);
  if (n == "currency_id") return make(Gen::kCurrencyRef);
  if (n == "folderid") return make(Gen::kReference);
  if (n == "leadsource" || n == "industry" || n == "rating" || n == "accounttype") {
    return make(Gen::kPicklist, n == "industry" || n == "accounttype" ? 200 : 300);
  }
  if (n == "truncate_trailing_zeros") return boolean(500, 100);
  if (n == "leftpanelhide") return boolean(100, 100);
  if (n == "hidecompletedevents") return boolean(200, 100);
  if (type == FieldType::kPhone || n == "phone" || n == "fax" || n == "mobile") {
    const int null_permille = n == "phone" || n == "phone_work"                     ? 150
                              : n == "mobile" || n == "phone_mobile"                ? 450
                              : n == "homephone" || n == "phone_home" || n == "fax" ? 750
                                                                                    : 880;
    return make(Gen::kPhone, null_permille);
  }
  return address_part(n);
}

// The rule for a field whose name says nothing the rules know.
FieldPlan type_rule(SV m, const FieldDef& field) {
  switch (field.type) {
    case FieldType::kPicklist:
      return make(m == "Users" ? Gen::kPicklistDefault : Gen::kPicklist, m == "Users" ? 50 : 200);
    case FieldType::kMultiPicklist:
      return make(Gen::kMultiPicklist, 300);
    case FieldType::kEmail:
      return make(Gen::kPersonEmail, 300);
    case FieldType::kPhone:
      return make(Gen::kPhone, 300);
    case FieldType::kUrl:
      return make(Gen::kWebsite, 400);
    case FieldType::kText:
      return sentences(pools::sentences(), 2, 500);
    case FieldType::kAutogenerated:
      return make(Gen::kRecordNumber);
    case FieldType::kSkype:
      return from_pool(Gen::kCode, kSkypes, 700);
    case FieldType::kString:
    case FieldType::kOther:
      return from_pool(Gen::kCode, kGenericCodes, 400);
    case FieldType::kInteger:
      return number(Gen::kNumber, 0, 1000, 0, 200);
    case FieldType::kDouble:
      return number(Gen::kNumber, 0, 1000000, 2, 200);
    case FieldType::kDecimal:
    case FieldType::kCurrency:
      return number(Gen::kLogNumber, 0, 5, 2, 200);
    case FieldType::kBoolean:
      return boolean(100, 100);
    case FieldType::kDate:
      return date(DateAnchor::kCreated, -365, 365, 300);
    case FieldType::kDateTime:
      return date(DateAnchor::kCreated, 0, 365, 300);
    case FieldType::kTime:
      return make(Gen::kStartTime, 300);
    case FieldType::kOwner:
      return make(Gen::kOwner);
    case FieldType::kReference:
      if (field.refers_to.empty()) return make(Gen::kNull);
      if (field.refers_to.front() == "Currency") return make(Gen::kCurrencyRef);
      return make(Gen::kReference, 300);
    case FieldType::kPassword:
      return make(Gen::kPassword);
    case FieldType::kFile:
    case FieldType::kImage:
      return make(Gen::kFileName, 700);
  }
  return make(Gen::kNull);
}

// Whether `gen` makes values of the field's class.
bool fits(Gen gen, const FieldDef& field) {
  const ValueClass value = value_class(field.type);
  if (field.is_id()) return gen == Gen::kNull;
  if (is_number_gen(gen)) {
    return value == ValueClass::kInteger || value == ValueClass::kDouble || value == ValueClass::kDecimal ||
           value == ValueClass::kText;
  }
  switch (gen) {
    case Gen::kNull:
      return true;
    case Gen::kPicklist:
    case Gen::kPicklistDefault:
    case Gen::kMultiPicklist:
    case Gen::kDurationMinutes:
      return value == ValueClass::kText && !field.picklist.empty();
    case Gen::kDurationHours:
      return value == ValueClass::kInteger || value == ValueClass::kTime || value == ValueClass::kDouble ||
             value == ValueClass::kDecimal;
    case Gen::kBoolean:
      return value == ValueClass::kBoolean;
    case Gen::kDate:
    case Gen::kCreated:
    case Gen::kModified:
      return value == ValueClass::kDate || value == ValueClass::kDateTime;
    case Gen::kStartTime:
    case Gen::kEndTime:
      return value == ValueClass::kTime;
    case Gen::kReference:
      return field.type == FieldType::kReference && !field.refers_to.empty();
    case Gen::kOwner:
      return field.type == FieldType::kOwner;
    case Gen::kCurrencyRef:
    case Gen::kCreatorUser:
    case Gen::kRoleId:
      return value == ValueClass::kEntityId;
    default:
      return value == ValueClass::kText || value == ValueClass::kNone;
  }
}

}  // namespace

FieldPlan plan_field(const ModuleDef& module, const FieldDef& field, int index) {
  std::optional<FieldPlan> plan = module_rule(module.name, field.name);
  if (!plan || !fits(plan->gen, field)) plan = shared_rule(field.name, field.type);
  if (!plan || !fits(plan->gen, field)) plan = type_rule(module.name, field);
  if (!fits(plan->gen, field)) plan = make(Gen::kNull);
  plan->index = index;
  plan->field = &field;
  // Generated numbers never carry more decimals than the column keeps, so the stored value is what is shown.
  if (field.scale >= 0 && plan->scale > field.scale) plan->scale = field.scale;
  const bool may_be_absent = field.type == FieldType::kReference || field.type == FieldType::kFile ||
                             field.type == FieldType::kImage || plan->empty_not_null;
  if (field.mandatory || (!field.nullable && !may_be_absent)) plan->null_permille = 0;
  return *plan;
}

void plan_module(ModulePlan& plan) {
  const ModuleDef& module = *plan.module;
  const SV name = module.name;
  const bool actor = catalog::is_actor(name);
  plan.delete_permille = (module.is_entity && !actor) ? 10 : 0;
  plan.convert_permille = name == "Leads" ? 80 : 0;
  plan.second_address_permille = name == "Contacts" ? 200 : is_inventory(name) ? 700 : 600;
  plan.distinct_people = name == "Users";
  plan.admin_first = name == "Users";
  plan.track_accounts = name == "Contacts";
  for (std::size_t i = 0; i < plan.fields.size(); ++i) {
    const FieldDef& field = *plan.fields[i].field;
    if (plan.fields[i].gen != Gen::kReference) continue;
    if (plan.contact_field < 0 && field.refers_to.size() == 1 && field.refers_to[0] == "Contacts") {
      plan.contact_field = static_cast<int>(i);
    }
    if (plan.account_field < 0 && field.refers_to.size() == 1 && field.refers_to[0] == "Accounts") {
      plan.account_field = static_cast<int>(i);
    }
  }
}

}  // namespace vtql::demo
