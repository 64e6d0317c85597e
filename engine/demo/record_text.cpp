// The text values of the demo CRM's records: names with their variants, addresses, e-mails, codes, picklists.
#include <algorithm>
#include <cctype>

#include "engine/demo/record_builder.hpp"

namespace vtql::demo {
namespace {

constexpr std::string_view kPasswordHash = "$2y$10$DemoCrmFixedHashNotARealPasswordQ8nS1mV3xR7kT2pW9zL4cY6e";
constexpr std::string_view kKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kImageExtensions[] = {".jpg", ".png"};
constexpr std::string_view kWebsiteSchemes[] = {"https://www.", "https://www.", "http://www.", "www.", "https://"};
constexpr std::string_view kPicklistSeparator = " |##| ";

std::string concat(std::string_view a, std::string_view separator, std::string_view b) {
  std::string out;
  out.reserve(a.size() + separator.size() + b.size());
  out.append(a).append(separator).append(b);
  return out;
}

}  // namespace

// A few names differ from the rest only in case or by a trailing space, as typed by people: the collation must
// treat them as equal (case) or not (MySQL pads trailing spaces in = but not in LIKE).
std::string RecordBuilder::last_name_variant(std::string_view name) {
  const auto roll = rng_.below(1000);
  if (roll < 8) return utf8_upper(name);
  if (roll < 12) return utf8_lower(name);
  std::string out(name);
  if (roll < 22) out += ' ';
  return out;
}

std::string RecordBuilder::email(const FieldPlan& field) {
  const std::string_view first = first_->slug;
  const std::string_view last = last_->slug;
  std::string out;
  out.reserve(48);
  // Addresses at a fixed domain are the CRM's own users: firstname.lastname, as the admin would set them up.
  if (!field.text.empty()) return out.append(first).append(".").append(last).append("@").append(field.text);
  switch (rng_.below(5)) {
    case 0:
      out.append(first).append(".").append(last);
      break;
    case 1:
      out.append(first.substr(0, 1)).append(".").append(last);
      break;
    case 2:
      out.append(first).append(last);
      break;
    case 3:
      out.append(last).append(".").append(first);
      break;
    default:
      out.append(first).append(".").append(last).append(std::to_string(rng_.between(10, 99)));
      break;
  }
  if (rng_.chance(10)) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  out += '@';
  if (field.role == 1 || rng_.chance(500)) {
    out += pick(rng_, pools::mail_domains());
  } else {
    out += pick(rng_, pools::company_adjectives()).slug;
    out += pick(rng_, pools::company_nouns()).slug;
    out += place_[0]->tld;
  }
  return out;
}

std::string RecordBuilder::phone() {
  std::string out(place_[0]->phone_prefix);
  out += ' ';
  out += fill_pattern("### ####");
  // Some people type numbers without spaces.
  if (rng_.chance(150)) std::erase(out, ' ');
  return out;
}

std::string RecordBuilder::fill_pattern(std::string_view pattern) {
  std::string out(pattern);
  for (char& c : out) {
    if (c == '#')
      c = static_cast<char>('0' + rng_.below(10));
    else if (c == '@')
      c = static_cast<char>('A' + rng_.below(26));
  }
  return out;
}

types::Value RecordBuilder::text_value(const FieldPlan& field) {
  const FieldDef& def = *field.field;
  switch (field.gen) {
    case Gen::kRecordNumber: {
      std::string out(field.text.empty() ? utf8_upper(plan_.module->name.substr(0, 3)) : std::string(field.text));
      return out += std::to_string(ordinal_ + 1);
    }
    case Gen::kFirstName:
      return std::string(first_->text);
    case Gen::kLastName:
      return field.role == 1 ? std::string(last_->text) : last_name_variant(last_->text);
    case Gen::kPersonName:
      return concat(pick(rng_, pools::first_names()).text, " ", pick(rng_, pools::last_names()).text);
    case Gen::kCompany:
      return last_name_variant(company_);
    case Gen::kPersonEmail:
      return email(field);
    case Gen::kCompanyEmail:
      return concat(field.text, "@", company_domain_);
    case Gen::kPhone:
      return phone();
    case Gen::kWebsite:
      return concat(pick(rng_, std::span<const std::string_view>(kWebsiteSchemes)), "", company_domain_);
    case Gen::kStreet: {
      const Place& place = *place_[field.group];
      const std::string_view street = place.streets[rng_.below(place.streets.size())];
      std::string number = std::to_string(rng_.between(1, 250));
      if (rng_.chance(50)) number += 'a';
      return place.number_first ? concat(number, " ", street) : concat(street, " ", number);
    }
    case Gen::kCity:
      return std::string(place_[field.group]->city);
    case Gen::kState:
      return std::string(place_[field.group]->state);
    case Gen::kZip:
      return fill_pattern(place_[field.group]->zip_pattern);
    case Gen::kCountry:
      return std::string(place_[field.group]->country);
    case Gen::kPoBox:
      return "PO Box " + std::to_string(rng_.between(100, 99999));
    case Gen::kPool:
      return std::string(pick(rng_, field.pool));
    case Gen::kIndexed:
      return std::string(field.pool[ordinal_ % field.pool.size()]);
    case Gen::kPoolCompany:
      return concat(pick(rng_, field.pool), " ", company_);
    case Gen::kPoolLastName:
      return concat(pick(rng_, field.pool), " ", last_->text);
    case Gen::kPoolYear:
      return concat(pick(rng_, field.pool), " ",
                    std::to_string(year_of_days(static_cast<std::int32_t>(created_ / 86400))));
    case Gen::kDealName:
      return concat(company_, " - ", pick(rng_, field.pool));
    case Gen::kProductName: {
      std::string out = concat(pick(rng_, pools::product_adjectives()), " ", pick(rng_, pools::product_nouns()));
      if (rng_.chance(700)) out += ' ' + fill_pattern("@###");
      return out;
    }
    case Gen::kSentences: {
      // Each sentence differs from the one before it: "A. A." reads like a bug, not like a note.
      const std::int64_t count = rng_.between(field.lo, field.hi);
      const std::size_t size = field.pool.size();
      std::size_t sentence = rng_.below(size);
      std::string out(field.pool[sentence]);
      for (std::int64_t i = 1; i < count && size > 1; ++i) {
        sentence = (sentence + 1 + rng_.below(size - 1)) % size;
        out += rng_.chance(100) ? '\n' : ' ';
        out += field.pool[sentence];
      }
      return out;
    }
    case Gen::kCode:
      return fill_pattern(pick(rng_, field.pool));
    case Gen::kConstant:
      return std::string(field.text);
    case Gen::kUserName:
      return concat(first_->slug, ".", last_->slug);
    case Gen::kAccessKey: {
      std::string key(16, ' ');
      for (char& c : key) c = kKeyAlphabet[rng_.below(kKeyAlphabet.size())];
      return key;
    }
    case Gen::kPassword:
      return std::string(kPasswordHash);
    case Gen::kFileName: {
      const std::string_view stem = pools::file_stems()[file_stem_];
      if (field.role == 1) return concat(stem, "", pick(rng_, std::span<const std::string_view>(kImageExtensions)));
      return concat(stem, "", pools::file_kinds()[file_kind_].extension);
    }
    case Gen::kFileType:
      return std::string(pools::file_kinds()[file_kind_].mime);
    case Gen::kPicklist:
      return std::string(pick(rng_, std::span<const std::string>(def.picklist)));
    case Gen::kPicklistDefault:
      // Preferences stay at their defaults mostly; a default that is not one of the values ('' ) is not used.
      if (def.default_value &&
          std::find(def.picklist.begin(), def.picklist.end(), *def.default_value) != def.picklist.end() &&
          rng_.chance(750)) {
        return *def.default_value;
      }
      return std::string(pick(rng_, std::span<const std::string>(def.picklist)));
    case Gen::kMultiPicklist: {
      // One to three distinct values, consecutive in describe order from a random start.
      const std::size_t size = def.picklist.size();
      const std::size_t count = 1 + rng_.below(std::min<std::size_t>(3, size));
      const std::size_t start = rng_.below(size);
      std::string out;
      for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) out += kPicklistSeparator;
        out += def.picklist[(start + i) % size];
      }
      return out;
    }
    case Gen::kDurationMinutes: {
      std::string out = std::to_string(duration_minutes_);
      return out.size() == 1 ? "0" + out : out;
    }
    case Gen::kCurrencyInfo: {
      const auto currencies = pools::currencies();
      const pools::CurrencyInfo& currency = currencies[ordinal_ % currencies.size()];
      const std::string_view parts[] = {currency.name, currency.code, currency.symbol, currency.default_id};
      return std::string(parts[field.role % 4]);
    }
    default:
      return types::Null{};
  }
}

}  // namespace vtql::demo
