// The workloads compiled into vtql, modelled on what CRM clients send to the webservice.
#include <array>
#include <utility>

#include "tools/bench/workload.hpp"

namespace vtql::bench {
namespace {

// List views: a filter on a picklist or city, newest first, one page.
constexpr std::string_view kList = R"(# List views as the CRM's web and mobile clients page through them.
workload list
param city = Contacts.mailingcity
param industry = Accounts.industry
param lead_status = Leads.leadstatus
param ticket_status = HelpDesk.ticketstatus
param stage = Potentials.sales_stage
param owner = Contacts.assigned_user_id
param page = int 0 200

weight 30 name=contacts_by_city
SELECT firstname, lastname, email, phone, account_id FROM Contacts WHERE mailingcity = $city
  ORDER BY modifiedtime DESC LIMIT 20;
weight 15 name=contacts_mine
SELECT firstname, lastname, email, mailingcity FROM Contacts WHERE assigned_user_id = $owner
  ORDER BY modifiedtime DESC LIMIT $page, 20;
weight 15 name=accounts_by_industry
SELECT accountname, bill_city, phone, website FROM Accounts WHERE industry = $industry
  ORDER BY modifiedtime DESC LIMIT 20;
weight 15 name=leads_by_status
SELECT firstname, lastname, company, leadsource FROM Leads WHERE leadstatus = $lead_status
  ORDER BY modifiedtime DESC LIMIT 20;
weight 15 name=tickets_by_status
SELECT ticket_no, ticket_title, ticketpriorities, parent_id FROM HelpDesk WHERE ticketstatus = $ticket_status
  ORDER BY modifiedtime DESC LIMIT 20;
weight 10 name=potentials_by_stage
SELECT potentialname, amount, closingdate, related_to FROM Potentials WHERE sales_stage = $stage
  ORDER BY closingdate LIMIT 20;
)";

// Lookups: one record by id, a related list by reference, a batch by ids.
constexpr std::string_view kLookup = R"(# Detail views and related lists: records by id and by reference.
workload lookup
param contact = Contacts.id
param contact2 = Contacts.id
param contact3 = Contacts.id
param account = Accounts.id
param ticket = HelpDesk.id
param lead = Leads.id

weight 30 name=contact_by_id
SELECT * FROM Contacts WHERE id = $contact;
weight 20 name=account_by_id
SELECT * FROM Accounts WHERE id = $account;
weight 15 name=ticket_by_id
SELECT * FROM HelpDesk WHERE id = $ticket;
weight 10 name=lead_by_id
SELECT * FROM Leads WHERE id = $lead;
weight 15 name=contacts_of_account
SELECT firstname, lastname, email, phone FROM Contacts WHERE account_id = $account;
weight 10 name=contacts_by_ids
SELECT firstname, lastname, email FROM Contacts WHERE id IN ($contact, $contact2, $contact3);
)";

// Sync: clients poll for what changed since their last sync, newest modification times being the usual marks.
constexpr std::string_view kSync = R"(# Sync polling: what changed since the client's last sync mark.
workload sync
param contacts_since = Contacts.modifiedtime latest 2000
param accounts_since = Accounts.modifiedtime latest 1000
param tickets_since = HelpDesk.modifiedtime latest 1000
param leads_since = Leads.modifiedtime latest 2000

weight 35 name=contacts_changed
SELECT * FROM Contacts WHERE modifiedtime > $contacts_since ORDER BY modifiedtime LIMIT 100;
weight 20 name=accounts_changed
SELECT * FROM Accounts WHERE modifiedtime > $accounts_since ORDER BY modifiedtime LIMIT 100;
weight 25 name=tickets_changed
SELECT id, ticketstatus, modifiedtime FROM HelpDesk WHERE modifiedtime > $tickets_since;
weight 20 name=leads_changed
SELECT id, modifiedtime FROM Leads WHERE modifiedtime >= $leads_since ORDER BY modifiedtime LIMIT 100;
)";

// Search boxes: substring and prefix matches over names, companies and emails.
constexpr std::string_view kSearch = R"(# Search boxes: LIKE on names, companies and emails.
workload search
param last = Contacts.lastname contains 3
param last_prefix = Contacts.lastname prefix 2
param company = Leads.company contains 4
param account_name = Accounts.accountname contains 4
param email = Contacts.email contains 5

weight 30 name=contacts_by_name
SELECT firstname, lastname, email FROM Contacts WHERE lastname LIKE $last LIMIT 20;
weight 20 name=contacts_name_or_email
SELECT firstname, lastname, email FROM Contacts WHERE firstname LIKE $last OR lastname LIKE $last
  OR email LIKE $email LIMIT 20;
weight 20 name=contacts_by_prefix
SELECT firstname, lastname FROM Contacts WHERE lastname LIKE $last_prefix ORDER BY lastname LIMIT 20;
weight 15 name=leads_by_company
SELECT firstname, lastname, company FROM Leads WHERE company LIKE $company LIMIT 20;
weight 15 name=accounts_by_name
SELECT accountname, bill_city FROM Accounts WHERE accountname LIKE $account_name LIMIT 20;
)";

// Dashboards: counts over picklists, owners and dates.
constexpr std::string_view kDashboard = R"(# Dashboard widgets: counts by status, stage, owner and date.
workload dashboard
param ticket_status = HelpDesk.ticketstatus
param priority = HelpDesk.ticketpriorities
param stage = Potentials.sales_stage
param lead_status = Leads.leadstatus
param owner = Leads.assigned_user_id
param since = Contacts.createdtime

weight 25 name=tickets_open
SELECT count(*) FROM HelpDesk WHERE ticketstatus = $ticket_status;
weight 15 name=tickets_by_priority
SELECT count(*) FROM HelpDesk WHERE ticketstatus != 'Closed' AND ticketpriorities = $priority;
weight 20 name=potentials_in_stage
SELECT count(*) FROM Potentials WHERE sales_stage = $stage;
weight 15 name=leads_by_status
SELECT count(*) FROM Leads WHERE leadstatus = $lead_status;
weight 15 name=leads_of_owner
SELECT count(*) FROM Leads WHERE assigned_user_id = $owner;
weight 10 name=contacts_created_since
SELECT count(*) FROM Contacts WHERE createdtime > $since;
)";

// The mix a busy CRM sees: mostly lists and lookups, steady sync polling, some searches and dashboards.
constexpr std::string_view kCrmMix = R"(# A CRM's day: lists and lookups, sync polling, searches and dashboard counts.
workload crm-mix
param city = Contacts.mailingcity
param ticket_status = HelpDesk.ticketstatus
param lead_status = Leads.leadstatus
param contact = Contacts.id
param account = Accounts.id
param since = Contacts.modifiedtime latest 2000
param tickets_since = HelpDesk.modifiedtime latest 1000
param last = Contacts.lastname contains 3
param company = Leads.company contains 4
param stage = Potentials.sales_stage

# list views
weight 20 name=contacts_list
SELECT firstname, lastname, email, account_id FROM Contacts WHERE mailingcity = $city
  ORDER BY modifiedtime DESC LIMIT 20;
weight 10 name=tickets_list
SELECT ticket_no, ticket_title, ticketpriorities FROM HelpDesk WHERE ticketstatus = $ticket_status
  ORDER BY modifiedtime DESC LIMIT 20;
weight 5 name=leads_list
SELECT firstname, lastname, company FROM Leads WHERE leadstatus = $lead_status ORDER BY modifiedtime DESC LIMIT 20;
# lookups
weight 20 name=contact_by_id
SELECT * FROM Contacts WHERE id = $contact;
weight 10 name=account_contacts
SELECT firstname, lastname, email FROM Contacts WHERE account_id = $account;
# sync polling
weight 10 name=contacts_sync
SELECT * FROM Contacts WHERE modifiedtime > $since ORDER BY modifiedtime LIMIT 100;
weight 5 name=tickets_sync
SELECT id, ticketstatus, modifiedtime FROM HelpDesk WHERE modifiedtime > $tickets_since;
# search
weight 8 name=contacts_search
SELECT firstname, lastname, email FROM Contacts WHERE lastname LIKE $last LIMIT 20;
weight 4 name=leads_search
SELECT firstname, lastname, company FROM Leads WHERE company LIKE $company LIMIT 20;
# dashboards
weight 4 name=tickets_count
SELECT count(*) FROM HelpDesk WHERE ticketstatus = $ticket_status;
weight 4 name=potentials_count
SELECT count(*) FROM Potentials WHERE sales_stage = $stage;
)";

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kBuiltin{{
    {"crm-mix", kCrmMix},
    {"list", kList},
    {"lookup", kLookup},
    {"sync", kSync},
    {"search", kSearch},
    {"dashboard", kDashboard},
}};

}  // namespace

const std::vector<std::string_view>& builtin_workload_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& [name, text] : kBuiltin) out.push_back(name);
    return out;
  }();
  return names;
}

std::string_view builtin_workload(std::string_view name) {
  for (const auto& [builtin_name, text] : kBuiltin) {
    if (builtin_name == name) return text;
  }
  return {};
}

}  // namespace vtql::bench
