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

}  // namespace

std::optional<FieldPlan> module_rule(SV m, SV n) {
  if (m == "Currency") {
    if (n == "currency_name") return with_role(Gen::kCurrencyInfo, 0);
    if (n == "currency_code") return with_role(Gen::kCurrencyInfo, 1);
    if (n == "currency_symbol") return with_role(Gen::kCurrencyInfo, 2);
    if (n == "defaultid") return with_role(Gen::kCurrencyInfo, 3);
    if (n == "conversion_rate") return with_role(Gen::kCurrencyRate, 1);
    if (n == "currency_status") return with_text(Gen::kConstant, "Active");
    if (n == "deleted") return number(Gen::kNumber, 0, 0, 0, 0);
  }
  if (m == "Groups") {
    if (n == "groupname") return from_pool(Gen::kIndexed, pools::group_names());
    if (n == "description") return from_pool(Gen::kIndexed, pools::group_descriptions());
  }
  if (m == "DocumentFolders") {
    if (n == "foldername") return from_pool(Gen::kIndexed, pools::folder_names());
    if (n == "description") return from_pool(Gen::kIndexed, pools::folder_descriptions());
    if (n == "createdby") return make(Gen::kCreatorUser);
    if (n == "sequence") return make(Gen::kSequence);
  }
  if (m == "Users") {
    if (n == "user_name") return make(Gen::kUserName);
    if (n == "is_admin") return boolean(0, 0);
    if (n == "user_password" || n == "confirm_password") return make(Gen::kPassword);
    if (n == "first_name" || n == "last_name")
      return with_role(n == "first_name" ? Gen::kFirstName : Gen::kLastName, 1);
    if (n == "roleid") return make(Gen::kRoleId);
    if (n == "email1") return with_text(Gen::kPersonEmail, kCompanyDomain);
    if (n == "status") return from_pool(Gen::kPool, pools::user_statuses());
    if (n == "end_hour") return from_pool(Gen::kPool, pools::user_end_hours());
    if (n == "is_owner") return with_text(Gen::kConstant, "0");
    if (n == "phone_crm_extension") return from_pool(Gen::kCode, kExtensions, 900);
    if (n == "reports_to_id") return make(Gen::kReference, 200);
    if (n == "accesskey") return make(Gen::kAccessKey);
    if (n == "imagename") return make(Gen::kNull);
    if (n == "signature" || n == "description") return sentences(pools::sentences(), 2, 800);
    if (n == "internal_mailer") return boolean(700, 0);
    if (n == "theme") return from_pool(Gen::kPool, pools::themes());
    if (n == "language") return from_pool(Gen::kPool, pools::languages());
  }
  if (m == "Calendar" || m == "Events") {
    const bool event = m == "Events";
    if (n == "subject") return from_pool(Gen::kPoolLastName, event ? pools::event_subjects() : pools::task_subjects());
    if (n == "date_start") return date(DateAnchor::kEvent, 0, 0, 0);
    if (n == "due_date") return date(DateAnchor::kEvent, 0, event ? 0 : 14, 0);
    if (n == "time_start") return make(Gen::kStartTime);
    if (n == "time_end") return make(Gen::kEndTime, event ? 0 : 500);
    if (n == "duration_hours") return make(Gen::kDurationHours, event ? 0 : 300);
    if (n == "duration_minutes") return make(Gen::kDurationMinutes, event ? 0 : 300);
    if (n == "eventstatus" && !event) return make(Gen::kNull);  // tasks have a task status instead
    if (n == "taskpriority") return make(Gen::kPicklist, event ? 600 : 300);
    if (n == "sendnotification") return boolean(100, 0);
    if (n == "notime") return boolean(50, 0);
    if (n == "reminder_time") return choice(kReminders, 0, 0);
    if (n == "location") return from_pool(Gen::kPool, pools::meeting_places(), event ? 300 : 600);
    if (n == "recurringtype") return make(Gen::kPicklist, 900);
    if (n == "contact_id") return make(Gen::kReference, 400);
  }
  if (m == "Emails") {
    if (n == "date_start") return date(DateAnchor::kCreated, 0, 0, 0);
    if (n == "activitytype") return with_text(Gen::kConstant, "Emails");
    if (n == "subject") return from_pool(Gen::kPool, pools::email_subjects());
    if (n == "filename") return make(Gen::kFileName, 800);
    if (n == "time_start") return make(Gen::kStartTime, 300);
    if (n == "access_count") return number(Gen::kNumber, 0, 20, 0, 300);
    if (n == "click_count") return number(Gen::kNumber, 0, 10, 0, 0);
    if (n == "from_email") return from_pool(Gen::kPool, pools::senders());
    if (n == "saved_toid") return make(Gen::kPersonEmail);
    if (n == "ccmail" || n == "bccmail") {
      FieldPlan plan = make(Gen::kPersonEmail, n == "ccmail" ? 800 : 950);
      plan.empty_not_null = true;
      return plan;
    }
    if (n == "parent_id") return make(Gen::kReference, 100);
  }
  if (m == "HelpDesk") {
    if (n == "ticket_title") return from_pool(Gen::kPool, pools::ticket_titles());
    if (n == "hours") return number(Gen::kNumber, 25, 4000, 2, 500);
    if (n == "days") return number(Gen::kNumber, 0, 3000, 2, 600);
    if (n == "from_portal") return boolean(100, 100);
    if (n == "solution") return sentences(pools::solutions(), 2, 600);
  }
  if (m == "Faq") {
    if (n == "question") return from_pool(Gen::kPool, pools::faq_questions());
    if (n == "faq_answer") return from_pool(Gen::kPool, pools::faq_answers());
  }
  if (m == "Products") {
    if (n == "productname") return make(Gen::kProductName);
    if (n == "productcode") return from_pool(Gen::kCode, kProductCodes, 200);
    if (n == "discontinued") return boolean(900, 0);  // vtiger's "discontinued" checkbox means active
    if (n == "sales_start_date") return date(DateAnchor::kCreated, -60, 30, 600);
    if (n == "sales_end_date") return date(DateAnchor::kCreated, 365, 1500, 700);
    if (n == "start_date") return date(DateAnchor::kCreated, 0, 60, 700);
    if (n == "expiry_date") return date(DateAnchor::kCreated, 400, 1500, 700);
    if (n == "mfr_part_no") return from_pool(Gen::kCode, kMfrParts, 600);
    if (n == "vendor_part_no") return from_pool(Gen::kCode, kVendorParts, 700);
    if (n == "serial_no") return from_pool(Gen::kCode, kSerials, 800);
    if (n == "productsheet") return make(Gen::kFileName, 900);
    if (n == "unit_price" || n == "currency1") return with_role(Gen::kPrice, 0, 50);
    if (n == "purchase_cost") return with_role(Gen::kPrice, 1, 400);
    if (n == "commissionrate") return number(Gen::kNumber, 0, 20000, 3, 600);
    if (n == "taxclass") return from_pool(Gen::kPool, pools::tax_classes(), 600);
    if (n == "qty_per_unit") return number(Gen::kNumber, 1, 100, 0, 500);
    if (n == "qtyinstock") return number(Gen::kNumber, 0, 5000, 0, 300);
    if (n == "reorderlevel") return number(Gen::kNumber, 0, 500, 0, 500);
    if (n == "qtyindemand") return number(Gen::kNumber, 0, 1000, 0, 500);
    if (n == "imagename") return with_role(Gen::kFileName, 1, 700);
    for (int i = 0; i < 3; ++i) {
      if (n == "tax" + std::to_string(i + 1)) return choice(kTaxRates[i], 3, 500);
    }
  }
  if (is_inventory(m)) {
    if (auto plan = inventory_rule(m, n)) return plan;
  }
  if (m == "Potentials") {
    if (n == "potentialname") return from_pool(Gen::kDealName, pools::deal_names());
    if (n == "amount") return with_role(Gen::kDeal, static_cast<int>(DealRole::kAmount), 100);
    if (n == "forecast_amount") return with_role(Gen::kDeal, static_cast<int>(DealRole::kForecast));
    if (n == "probability") return with_role(Gen::kDeal, static_cast<int>(DealRole::kProbability), 200);
    if (n == "closingdate") return date(DateAnchor::kCreated, 0, 400, 0);
    if (n == "related_to") return make(Gen::kReference, 100);
    if (n == "campaignid") return make(Gen::kReference, 800);
    if (n == "nextstep") return from_pool(Gen::kPool, pools::next_steps(), 600);
  }
  if (m == "Accounts") {
    if (n == "email1") return with_text(Gen::kCompanyEmail, "info", 300);
    if (n == "email2") return with_text(Gen::kCompanyEmail, "sales", 700);
    if (n == "tickersymbol") return from_pool(Gen::kCode, kTickers, 850);
    if (n == "siccode") return from_pool(Gen::kCode, kSicCodes, 800);
    if (n == "ownership") return from_pool(Gen::kPool, pools::ownerships(), 500);
    if (n == "account_id") return make(Gen::kReference, 850);  // member of
  }
  if (m == "Contacts") {
    if (n == "contact_id") return make(Gen::kReference, 880);  // reports to
    if (n == "account_id") return make(Gen::kReference, 150);
    if (n == "assistant") return make(Gen::kPersonName, 900);
    if (n == "birthday")
      return date(DateAnchor::kAbsolute, days_from_civil(1950, 1, 1), days_from_civil(2005, 12, 31), 600);
    if (n == "support_start_date") return date(DateAnchor::kCreated, 0, 30, 800);
    if (n == "support_end_date") return date(DateAnchor::kCreated, 365, 1460, 800);
    if (n == "imagename") return with_role(Gen::kFileName, 1, 950);
  }
  if (m == "Vendors") {
    if (n == "email") return with_text(Gen::kCompanyEmail, "orders", 200);
    if (n == "category") return from_pool(Gen::kPool, pools::vendor_categories(), 400);
  }
  if (m == "PriceBooks" && n == "bookname") return from_pool(Gen::kPoolYear, pools::price_book_names());
  if (m == "PriceBooks" && n == "active") return boolean(850, 50);
  if (m == "Campaigns") {
    if (n == "campaignname") return from_pool(Gen::kPoolYear, pools::campaign_names());
    if (n == "closingdate") return date(DateAnchor::kCreated, 0, 400, 0);
    if (n == "numsent") return number(Gen::kLogNumber, 2, 5, 0, 500);
    if (n == "sponsor") return from_pool(Gen::kPool, pools::sponsors(), 800);
    if (n == "targetaudience") return from_pool(Gen::kPool, pools::audiences(), 500);
    if (n == "targetsize") return number(Gen::kLogNumber, 2, 6, 0, 400);
    if (n == "expectedrevenue") return number(Gen::kLogNumber, 3, 7, 2, 300);
    if (n == "budgetcost" || n == "actualcost") return number(Gen::kLogNumber, 2, 5, 2, n == "budgetcost" ? 300 : 600);
    if (n == "expectedroi" || n == "actualroi") return number(Gen::kLogNumber, 2, 6, 2, n == "expectedroi" ? 700 : 800);
    if (n == "expectedresponsecount") return number(Gen::kLogNumber, 1, 4, 0, 500);
    if (n == "actualresponsecount") return number(Gen::kLogNumber, 1, 4, 0, 700);
    if (n == "expectedsalescount") return number(Gen::kLogNumber, 0, 3, 0, 500);
    if (n == "actualsalescount") return number(Gen::kLogNumber, 0, 3, 0, 700);
    if (n == "product_id") return make(Gen::kReference, 600);
  }
  if (m == "Documents") {
    if (n == "notes_title") return from_pool(Gen::kPool, pools::document_titles());
    if (n == "filename") return make(Gen::kFileName, 100);
    if (n == "notecontent") return sentences(pools::sentences(), 3, 500);
    if (n == "filetype") return make(Gen::kFileType, 100);
    if (n == "filesize") return number(Gen::kLogNumber, 3, 7, 0, 0);
    if (n == "filelocationtype") return from_pool(Gen::kPool, pools::file_location_types());
    if (n == "fileversion") return from_pool(Gen::kPool, pools::file_versions(), 600);
    if (n == "filestatus") return boolean(900, 0);
    if (n == "filedownloadcount") return number(Gen::kNumber, 0, 250, 0, 300);
  }
  if (m == "Leads") {
    if (n == "annualrevenue") return number(Gen::kLogNumber, 4, 9, 0, 500);
    if (n == "noofemployees") return number(Gen::kLogNumber, 0, 5, 0, 500);
    if (n == "leadstatus") return make(Gen::kPicklist, 100);
  }
  return std::nullopt;
}

}  // namespace vtql::demo::rules
