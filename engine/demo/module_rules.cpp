// The demo CRM's rules for the fields of the standard modules: what each holds, how often it is empty.
#include <string>

#include "engine/demo/pools.hpp"
#include "engine/demo/rules.hpp"

namespace vtql::demo::rules {
namespace {

constexpr SV kCompanyDomain = "democrm.example";
constexpr SV kProductCodes[] = {"PRD-#####", "P-####-@@"};
constexpr SV kExtensions[] = {"###", "####"};
constexpr SV kTickers[] = {"@@@", "@@@@"};
constexpr SV kSicCodes[] = {"####"};
constexpr SV kMfrParts[] = {"MFR-####-@@"};
constexpr SV kVendorParts[] = {"VP-######"};
constexpr SV kSerials[] = {"SN########"};
constexpr SV kRequisitions[] = {"REQ-#####"};
constexpr SV kTrackings[] = {"1Z@@@###########", "JD##########"};
constexpr SV kCustomerNumbers[] = {"CUST-#####"};
constexpr SV kPurchaseNumbers[] = {"PO-######"};
constexpr std::int64_t kReminders[] = {0, 0, 0, 0, 0, 0, 5, 15, 30, 60, 1440};
// The install's default taxes (VAT 4.5, Sales 10, Service 12.5), in thousandths.
constexpr std::int64_t kTaxRates[3][1] = {{4500}, {10000}, {12500}};

std::optional<FieldPlan> inventory_rule(SV m, SV n) {
  using R = InventoryRole;
  struct Line {
    SV name;
    R role;
  };
  static constexpr Line kLines[] = {{"quantity", R::kQuantity},
                                    {"listprice", R::kListPrice},
                                    {"hdnSubTotal", R::kSubTotal},
                                    {"hdnDiscountPercent", R::kDiscountPercent},
                                    {"hdnDiscountAmount", R::kDiscountAmount},
                                    {"discount_amount", R::kLineDiscountAmount},
                                    {"discount_percent", R::kLineDiscountPercent},
                                    {"hdnS_H_Amount", R::kShippingAmount},
                                    {"shipping_&_handling", R::kShippingAmount},
                                    {"hdnS_H_Percent", R::kShippingPercent},
                                    {"pre_tax_total", R::kPreTaxTotal},
                                    {"hdnGrandTotal", R::kGrandTotal},
                                    {"txtAdjustment", R::kAdjustment},
                                    {"paid", R::kPaid},
                                    {"received", R::kPaid},
                                    {"balance", R::kBalance}};
  for (const Line& line : kLines) {
    if (n == line.name) return with_role(Gen::kInventory, static_cast<int>(line.role));
  }
  for (int i = 0; i < 3; ++i) {
    const std::string tax = "tax" + std::to_string(i + 1);
    if (n == tax) return choice(kTaxRates[i], 3, 300);
    if (n == "shipping_&_handling_sh" + tax) return choice(kTaxRates[i], 3, 500);
  }
  if (n == "subject") {
    const auto pool = m == "Quotes"       ? pools::quote_subjects()
                      : m == "SalesOrder" ? pools::order_subjects()
                      : m == "Invoice"    ? pools::invoice_subjects()
                                          : pools::purchase_subjects();
    return from_pool(Gen::kPoolCompany, pool);
  }
  if (n == "conversion_rate") return make(Gen::kCurrencyRate);
  if (n == "validtill") return date(DateAnchor::kCreated, 14, 90, 200);
  if (n == "duedate") return date(DateAnchor::kCreated, 7, 60, 300);
  if (n == "invoicedate") return date(DateAnchor::kCreated, 0, 3, 100);
  if (n == "start_period") return date(DateAnchor::kCreated, 0, 30, 900);
  if (n == "end_period") return date(DateAnchor::kCreated, 365, 730, 900);
  if (n == "shipping") return from_pool(Gen::kPool, pools::shipping_methods(), 700);
  if (n == "terms_conditions") return sentences(pools::terms(), 2, 500);
  if (n == "comment") return sentences(pools::line_comments(), 1, 700);
  if (n == "requisition_no") return from_pool(Gen::kCode, kRequisitions, 600);
  if (n == "tracking_no") return from_pool(Gen::kCode, kTrackings, 500);
  if (n == "customerno") return from_pool(Gen::kCode, kCustomerNumbers, 600);
  if (n == "vtiger_purchaseorder") return from_pool(Gen::kCode, kPurchaseNumbers, 700);
  if (n == "pending") return from_pool(Gen::kPool, pools::pending_reasons(), 900);
  if (n == "enable_recurring") return boolean(50, 100);
  if (n == "recurring_frequency") return make(Gen::kPicklist, 900);
  if (n == "payment_duration") return make(Gen::kPicklist, 600);
  if (n == "salescommission") return number(Gen::kNumber, 0, 50000, 3, 700);
  if (n == "exciseduty") return number(Gen::kNumber, 0, 10000, 3, 800);
  if (n == "carrier") return make(Gen::kPicklist, 400);
  if (n == "potential_id" || n == "quote_id" || n == "salesorder_id") return make(Gen::kReference, 600);
  if (n == "assigned_user_id1") return make(Gen::kReference, 500);
  return std::nullopt;
}

// Makes one field's plan.
using MakePlan = FieldPlan (*)();

struct FieldRule {
  SV module;
  SV field;
  MakePlan make;
};

FieldPlan empty_not_null(FieldPlan plan) {
  plan.empty_not_null = true;
  return plan;
}

// The fields of the standard modules that need more than their type's rule (field_rules.cpp), by module.
const FieldRule kFieldRules[] = {
    {"Currency", "currency_name", [] { return with_role(Gen::kCurrencyInfo, 0); }},
    {"Currency", "currency_code", [] { return with_role(Gen::kCurrencyInfo, 1); }},
    {"Currency", "currency_symbol", [] { return with_role(Gen::kCurrencyInfo, 2); }},
    {"Currency", "defaultid", [] { return with_role(Gen::kCurrencyInfo, 3); }},
    {"Currency", "conversion_rate", [] { return with_role(Gen::kCurrencyRate, 1); }},
    {"Currency", "currency_status", [] { return with_text(Gen::kConstant, "Active"); }},
    {"Currency", "deleted", [] { return number(Gen::kNumber, 0, 0, 0, 0); }},
    {"Groups", "groupname", [] { return from_pool(Gen::kIndexed, pools::group_names()); }},
    {"Groups", "description", [] { return from_pool(Gen::kIndexed, pools::group_descriptions()); }},
    {"DocumentFolders", "foldername", [] { return from_pool(Gen::kIndexed, pools::folder_names()); }},
    {"DocumentFolders", "description", [] { return from_pool(Gen::kIndexed, pools::folder_descriptions()); }},
    {"DocumentFolders", "createdby", [] { return make(Gen::kCreatorUser); }},
    {"DocumentFolders", "sequence", [] { return make(Gen::kSequence); }},
    {"Users", "user_name", [] { return make(Gen::kUserName); }},
    {"Users", "is_admin", [] { return boolean(0, 0); }},
    {"Users", "user_password", [] { return make(Gen::kPassword); }},
    {"Users", "confirm_password", [] { return make(Gen::kPassword); }},
    {"Users", "first_name", [] { return with_role(Gen::kFirstName, 1); }},
    {"Users", "last_name", [] { return with_role(Gen::kLastName, 1); }},
    {"Users", "roleid", [] { return make(Gen::kRoleId); }},
    {"Users", "email1", [] { return with_text(Gen::kPersonEmail, kCompanyDomain); }},
    {"Users", "status", [] { return from_pool(Gen::kPool, pools::user_statuses()); }},
    {"Users", "end_hour", [] { return from_pool(Gen::kPool, pools::user_end_hours()); }},
    {"Users", "is_owner", [] { return with_text(Gen::kConstant, "0"); }},
    {"Users", "phone_crm_extension", [] { return from_pool(Gen::kCode, kExtensions, 900); }},
    {"Users", "reports_to_id", [] { return make(Gen::kReference, 200); }},
    {"Users", "accesskey", [] { return make(Gen::kAccessKey); }},
    {"Users", "imagename", [] { return make(Gen::kNull); }},
    {"Users", "signature", [] { return sentences(pools::sentences(), 2, 800); }},
    {"Users", "description", [] { return sentences(pools::sentences(), 2, 800); }},
    {"Users", "internal_mailer", [] { return boolean(700, 0); }},
    {"Users", "theme", [] { return from_pool(Gen::kPool, pools::themes()); }},
    {"Users", "language", [] { return from_pool(Gen::kPool, pools::languages()); }},
    {"Calendar", "subject", [] { return from_pool(Gen::kPoolLastName, pools::task_subjects()); }},
    {"Events", "subject", [] { return from_pool(Gen::kPoolLastName, pools::event_subjects()); }},
    {"Calendar", "date_start", [] { return date(DateAnchor::kEvent, 0, 0, 0); }},
    {"Events", "date_start", [] { return date(DateAnchor::kEvent, 0, 0, 0); }},
    {"Calendar", "due_date", [] { return date(DateAnchor::kEvent, 0, 14, 0); }},
    {"Events", "due_date", [] { return date(DateAnchor::kEvent, 0, 0, 0); }},
    {"Calendar", "time_start", [] { return make(Gen::kStartTime); }},
    {"Events", "time_start", [] { return make(Gen::kStartTime); }},
    {"Calendar", "time_end", [] { return make(Gen::kEndTime, 500); }},
    {"Events", "time_end", [] { return make(Gen::kEndTime, 0); }},
    {"Calendar", "duration_hours", [] { return make(Gen::kDurationHours, 300); }},
    {"Events", "duration_hours", [] { return make(Gen::kDurationHours, 0); }},
    {"Calendar", "duration_minutes", [] { return make(Gen::kDurationMinutes, 300); }},
    {"Calendar", "eventstatus", [] { return make(Gen::kNull); }},  // tasks have a task status instead
    {"Events", "duration_minutes", [] { return make(Gen::kDurationMinutes, 0); }},
    {"Calendar", "taskpriority", [] { return make(Gen::kPicklist, 300); }},
    {"Events", "taskpriority", [] { return make(Gen::kPicklist, 600); }},
    {"Calendar", "sendnotification", [] { return boolean(100, 0); }},
    {"Events", "sendnotification", [] { return boolean(100, 0); }},
    {"Calendar", "notime", [] { return boolean(50, 0); }},
    {"Events", "notime", [] { return boolean(50, 0); }},
    {"Calendar", "reminder_time", [] { return choice(kReminders, 0, 0); }},
    {"Events", "reminder_time", [] { return choice(kReminders, 0, 0); }},
    {"Calendar", "location", [] { return from_pool(Gen::kPool, pools::meeting_places(), 600); }},
    {"Events", "location", [] { return from_pool(Gen::kPool, pools::meeting_places(), 300); }},
    {"Calendar", "recurringtype", [] { return make(Gen::kPicklist, 900); }},
    {"Events", "recurringtype", [] { return make(Gen::kPicklist, 900); }},
    {"Calendar", "contact_id", [] { return make(Gen::kReference, 400); }},
    {"Events", "contact_id", [] { return make(Gen::kReference, 400); }},
    {"Emails", "date_start", [] { return date(DateAnchor::kCreated, 0, 0, 0); }},
    {"Emails", "activitytype", [] { return with_text(Gen::kConstant, "Emails"); }},
    {"Emails", "subject", [] { return from_pool(Gen::kPool, pools::email_subjects()); }},
    {"Emails", "filename", [] { return make(Gen::kFileName, 800); }},
    {"Emails", "time_start", [] { return make(Gen::kStartTime, 300); }},
    {"Emails", "access_count", [] { return number(Gen::kNumber, 0, 20, 0, 300); }},
    {"Emails", "click_count", [] { return number(Gen::kNumber, 0, 10, 0, 0); }},
    {"Emails", "from_email", [] { return from_pool(Gen::kPool, pools::senders()); }},
    {"Emails", "saved_toid", [] { return make(Gen::kPersonEmail); }},
    {"Emails", "ccmail", [] { return empty_not_null(make(Gen::kPersonEmail, 800)); }},
    {"Emails", "bccmail", [] { return empty_not_null(make(Gen::kPersonEmail, 950)); }},
    {"Emails", "parent_id", [] { return make(Gen::kReference, 100); }},
    {"HelpDesk", "ticket_title", [] { return from_pool(Gen::kPool, pools::ticket_titles()); }},
    {"HelpDesk", "hours", [] { return number(Gen::kNumber, 25, 4000, 2, 500); }},
    {"HelpDesk", "days", [] { return number(Gen::kNumber, 0, 3000, 2, 600); }},
    {"HelpDesk", "from_portal", [] { return boolean(100, 100); }},
    {"HelpDesk", "solution", [] { return sentences(pools::solutions(), 2, 600); }},
    {"Faq", "question", [] { return from_pool(Gen::kPool, pools::faq_questions()); }},
    {"Faq", "faq_answer", [] { return from_pool(Gen::kPool, pools::faq_answers()); }},
    {"Products", "productname", [] { return make(Gen::kProductName); }},
    {"Products", "productcode", [] { return from_pool(Gen::kCode, kProductCodes, 200); }},
    {"Products", "discontinued", [] { return boolean(900, 0); }},  // vtiger's "discontinued" checkbox means active
    {"Products", "sales_start_date", [] { return date(DateAnchor::kCreated, -60, 30, 600); }},
    {"Products", "sales_end_date", [] { return date(DateAnchor::kCreated, 365, 1500, 700); }},
    {"Products", "start_date", [] { return date(DateAnchor::kCreated, 0, 60, 700); }},
    {"Products", "expiry_date", [] { return date(DateAnchor::kCreated, 400, 1500, 700); }},
    {"Products", "mfr_part_no", [] { return from_pool(Gen::kCode, kMfrParts, 600); }},
    {"Products", "vendor_part_no", [] { return from_pool(Gen::kCode, kVendorParts, 700); }},
    {"Products", "serial_no", [] { return from_pool(Gen::kCode, kSerials, 800); }},
    {"Products", "productsheet", [] { return make(Gen::kFileName, 900); }},
    {"Products", "unit_price", [] { return with_role(Gen::kPrice, 0, 50); }},
    {"Products", "currency1", [] { return with_role(Gen::kPrice, 0, 50); }},
    {"Products", "purchase_cost", [] { return with_role(Gen::kPrice, 1, 400); }},
    {"Products", "commissionrate", [] { return number(Gen::kNumber, 0, 20000, 3, 600); }},
    {"Products", "taxclass", [] { return from_pool(Gen::kPool, pools::tax_classes(), 600); }},
    {"Products", "qty_per_unit", [] { return number(Gen::kNumber, 1, 100, 0, 500); }},
    {"Products", "qtyinstock", [] { return number(Gen::kNumber, 0, 5000, 0, 300); }},
    {"Products", "reorderlevel", [] { return number(Gen::kNumber, 0, 500, 0, 500); }},
    {"Products", "qtyindemand", [] { return number(Gen::kNumber, 0, 1000, 0, 500); }},
    {"Products", "imagename", [] { return with_role(Gen::kFileName, 1, 700); }},
    {"Products", "tax1", [] { return choice(kTaxRates[0], 3, 500); }},
    {"Products", "tax2", [] { return choice(kTaxRates[1], 3, 500); }},
    {"Products", "tax3", [] { return choice(kTaxRates[2], 3, 500); }},
    {"Potentials", "potentialname", [] { return from_pool(Gen::kDealName, pools::deal_names()); }},
    {"Potentials", "amount", [] { return with_role(Gen::kDeal, static_cast<int>(DealRole::kAmount), 100); }},
    {"Potentials", "forecast_amount", [] { return with_role(Gen::kDeal, static_cast<int>(DealRole::kForecast)); }},
    {"Potentials", "probability", [] { return with_role(Gen::kDeal, static_cast<int>(DealRole::kProbability), 200); }},
    {"Potentials", "closingdate", [] { return date(DateAnchor::kCreated, 0, 400, 0); }},
    {"Potentials", "related_to", [] { return make(Gen::kReference, 100); }},
    {"Potentials", "campaignid", [] { return make(Gen::kReference, 800); }},
    {"Potentials", "nextstep", [] { return from_pool(Gen::kPool, pools::next_steps(), 600); }},
    {"Accounts", "email1", [] { return with_text(Gen::kCompanyEmail, "info", 300); }},
    {"Accounts", "email2", [] { return with_text(Gen::kCompanyEmail, "sales", 700); }},
    {"Accounts", "tickersymbol", [] { return from_pool(Gen::kCode, kTickers, 850); }},
    {"Accounts", "siccode", [] { return from_pool(Gen::kCode, kSicCodes, 800); }},
    {"Accounts", "ownership", [] { return from_pool(Gen::kPool, pools::ownerships(), 500); }},
    {"Accounts", "account_id", [] { return make(Gen::kReference, 850); }},  // member of
    {"Contacts", "contact_id", [] { return make(Gen::kReference, 880); }},  // reports to
    {"Contacts", "account_id", [] { return make(Gen::kReference, 150); }},
    {"Contacts", "assistant", [] { return make(Gen::kPersonName, 900); }},
    {"Contacts", "birthday",
     [] { return date(DateAnchor::kAbsolute, days_from_civil(1950, 1, 1), days_from_civil(2005, 12, 31), 600); }},
    {"Contacts", "support_start_date", [] { return date(DateAnchor::kCreated, 0, 30, 800); }},
    {"Contacts", "support_end_date", [] { return date(DateAnchor::kCreated, 365, 1460, 800); }},
    {"Contacts", "imagename", [] { return with_role(Gen::kFileName, 1, 950); }},
    {"Vendors", "email", [] { return with_text(Gen::kCompanyEmail, "orders", 200); }},
    {"Vendors", "category", [] { return from_pool(Gen::kPool, pools::vendor_categories(), 400); }},
    {"PriceBooks", "bookname", [] { return from_pool(Gen::kPoolYear, pools::price_book_names()); }},
    {"PriceBooks", "active", [] { return boolean(850, 50); }},
    {"Campaigns", "campaignname", [] { return from_pool(Gen::kPoolYear, pools::campaign_names()); }},
    {"Campaigns", "closingdate", [] { return date(DateAnchor::kCreated, 0, 400, 0); }},
    {"Campaigns", "numsent", [] { return number(Gen::kLogNumber, 2, 5, 0, 500); }},
    {"Campaigns", "sponsor", [] { return from_pool(Gen::kPool, pools::sponsors(), 800); }},
    {"Campaigns", "targetaudience", [] { return from_pool(Gen::kPool, pools::audiences(), 500); }},
    {"Campaigns", "targetsize", [] { return number(Gen::kLogNumber, 2, 6, 0, 400); }},
    {"Campaigns", "expectedrevenue", [] { return number(Gen::kLogNumber, 3, 7, 2, 300); }},
    {"Campaigns", "budgetcost", [] { return number(Gen::kLogNumber, 2, 5, 2, 300); }},
    {"Campaigns", "actualcost", [] { return number(Gen::kLogNumber, 2, 5, 2, 600); }},
    {"Campaigns", "expectedroi", [] { return number(Gen::kLogNumber, 2, 6, 2, 700); }},
    {"Campaigns", "actualroi", [] { return number(Gen::kLogNumber, 2, 6, 2, 800); }},
    {"Campaigns", "expectedresponsecount", [] { return number(Gen::kLogNumber, 1, 4, 0, 500); }},
    {"Campaigns", "actualresponsecount", [] { return number(Gen::kLogNumber, 1, 4, 0, 700); }},
    {"Campaigns", "expectedsalescount", [] { return number(Gen::kLogNumber, 0, 3, 0, 500); }},
    {"Campaigns", "actualsalescount", [] { return number(Gen::kLogNumber, 0, 3, 0, 700); }},
    {"Campaigns", "product_id", [] { return make(Gen::kReference, 600); }},
    {"Documents", "notes_title", [] { return from_pool(Gen::kPool, pools::document_titles()); }},
    {"Documents", "filename", [] { return make(Gen::kFileName, 100); }},
    {"Documents", "notecontent", [] { return sentences(pools::sentences(), 3, 500); }},
    {"Documents", "filetype", [] { return make(Gen::kFileType, 100); }},
    {"Documents", "filesize", [] { return number(Gen::kLogNumber, 3, 7, 0, 0); }},
    {"Documents", "filelocationtype", [] { return from_pool(Gen::kPool, pools::file_location_types()); }},
    {"Documents", "fileversion", [] { return from_pool(Gen::kPool, pools::file_versions(), 600); }},
    {"Documents", "filestatus", [] { return boolean(900, 0); }},
    {"Documents", "filedownloadcount", [] { return number(Gen::kNumber, 0, 250, 0, 300); }},
    {"Leads", "annualrevenue", [] { return number(Gen::kLogNumber, 4, 9, 0, 500); }},
    {"Leads", "noofemployees", [] { return number(Gen::kLogNumber, 0, 5, 0, 500); }},
    {"Leads", "leadstatus", [] { return make(Gen::kPicklist, 100); }},
};

}  // namespace

std::optional<FieldPlan> module_rule(SV m, SV n) {
  for (const FieldRule& rule : kFieldRules) {
    if (rule.module == m && rule.field == n) return rule.make();
  }
  // The inventory modules (quotes, orders, invoices) share the rules of their lines and totals.
  if (is_inventory(m)) return inventory_rule(m, n);
  return std::nullopt;
}

}  // namespace vtql::demo::rules
