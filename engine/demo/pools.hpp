// The demo CRM's word pools (names, places, companies, texts) and the UTF-8 case mapping used for name variants.
//
// Pools are constant arrays of string_views: nothing is built at startup and picking a value costs no allocation
// until the value itself is made.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vtql::demo {

// A word as shown and its lower-case ASCII transliteration for e-mail addresses and domains ("Müller", "mueller").
struct Word {
  std::string_view text;
  std::string_view slug;
};

// A place: an address is drawn from one place so that its city, state, country, postcode and phone agree.
struct Place {
  std::string_view city;
  std::string_view state;
  std::string_view country;
  std::string_view zip_pattern;  // '#' a digit, '@' an upper-case letter
  std::string_view phone_prefix;
  std::string_view tld;  // for company web sites and mail domains
  std::array<std::string_view, 3> streets;
  bool number_first;  // "221 Baker Street" rather than "Bahnhofstrasse 12"
};

namespace pools {

std::span<const Word> first_names();
std::span<const Word> last_names();
std::span<const Place> places();

// Company names: "<last name> <sector> <suffix>", "<adjective> <noun> <suffix>", "<city> <noun>", ...
std::span<const Word> company_adjectives();
std::span<const Word> company_nouns();
std::span<const Word> company_sectors();
std::span<const std::string_view> company_suffixes();

std::span<const std::string_view> mail_domains();  // free mail providers
std::span<const std::string_view> salutations();
std::span<const std::string_view> job_titles();
std::span<const std::string_view> departments();
std::span<const std::string_view> ownerships();
std::span<const std::string_view> sources();
std::span<const std::string_view> sentences();  // descriptions, notes
std::span<const std::string_view> solutions();
std::span<const std::string_view> terms();
std::span<const std::string_view> line_comments();
std::span<const std::string_view> next_steps();
std::span<const std::string_view> deal_names();
std::span<const std::string_view> ticket_titles();
std::span<const std::string_view> faq_questions();
std::span<const std::string_view> faq_answers();
std::span<const std::string_view> product_adjectives();
std::span<const std::string_view> product_nouns();
std::span<const std::string_view> vendor_categories();
std::span<const std::string_view> campaign_names();
std::span<const std::string_view> price_book_names();
std::span<const std::string_view> sponsors();
std::span<const std::string_view> audiences();
std::span<const std::string_view> document_titles();
std::span<const std::string_view> email_subjects();
std::span<const std::string_view> senders();
std::span<const std::string_view> task_subjects();   // followed by a last name
std::span<const std::string_view> event_subjects();  // followed by a last name
std::span<const std::string_view> quote_subjects();  // followed by a company
std::span<const std::string_view> order_subjects();
std::span<const std::string_view> invoice_subjects();
std::span<const std::string_view> purchase_subjects();
std::span<const std::string_view> meeting_places();
std::span<const std::string_view> shipping_methods();
std::span<const std::string_view> pending_reasons();
std::span<const std::string_view> tax_classes();
std::span<const std::string_view> user_statuses();
std::span<const std::string_view> user_end_hours();
std::span<const std::string_view> themes();
std::span<const std::string_view> languages();
std::span<const std::string_view> file_versions();
std::span<const std::string_view> file_location_types();
std::span<const std::string_view> group_names();
std::span<const std::string_view> group_descriptions();
std::span<const std::string_view> folder_names();
std::span<const std::string_view> folder_descriptions();

// Attachments: a base name, an extension and its MIME type, drawn together.
struct FileKind {
  std::string_view extension;
  std::string_view mime;
};
std::span<const std::string_view> file_stems();
std::span<const FileKind> file_kinds();

// The currencies of the Currency module, base currency first (vtiger marks it with defaultid -11).
struct CurrencyInfo {
  std::string_view name;
  std::string_view code;
  std::string_view symbol;
  std::int64_t rate_millis;  // conversion rate to the base currency, in thousandths
  std::string_view default_id;
};
std::span<const CurrencyInfo> currencies();

}  // namespace pools

// Upper / lower case of UTF-8 text for Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic letters;
// other characters (CJK, ß) are kept. Enough for the case variants that exercise the collation.
std::string utf8_upper(std::string_view text);
std::string utf8_lower(std::string_view text);

}  // namespace vtql::demo
