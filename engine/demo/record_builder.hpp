// Builds the demo CRM's records of one module from its plan: one independent random stream per record.
#pragma once

#include <cstdint>
#include <string>

#include "engine/demo/plan.hpp"
#include "engine/demo/pools.hpp"
#include "engine/demo/random.hpp"
#include "engine/storage/backend.hpp"

namespace vtql::demo {

class RecordBuilder {
 public:
  // REQUIRES: `plan` and `actors` outlive the builder; reference targets in the plan are resolved.
  RecordBuilder(const ModulePlan& plan, const Actors& actors);

  // Fills `record` with the values of record `ordinal` (0-based) of the module. The values depend only on the seed,
  // the ordinal, the module's record count and the rows generated before.
  void build(std::uint64_t ordinal, storage::Record& record);

  // The account a built record is linked to (0 for none), for modules that track it.
  [[nodiscard]] std::uint64_t account_of(const storage::Record& record) const;

 private:
  struct LineItem {  // one inventory line, in cents unless said otherwise
    std::int64_t quantity, list_price, sub_total, discount_percent, discount, shipping, shipping_percent;
    std::int64_t pre_tax, grand_total, adjustment, paid;
    bool has_percent, has_discount;
  };
  struct Deal {
    std::int64_t amount, probability, forecast;  // cents, percent, cents
  };

  void start_record(std::uint64_t ordinal);
  void make_company();
  void make_line_item();
  types::Value value_of(const FieldPlan& field);
  types::Value text_value(const FieldPlan& field);
  types::Value number_value(const FieldPlan& field);
  types::Value reference(const FieldPlan& field);
  types::Value owner();
  types::Value date_value(const FieldPlan& field);
  void apply_admin(storage::Record& record) const;

  std::string last_name_variant(std::string_view name);
  std::string email(const FieldPlan& field);
  std::string phone();
  std::string fill_pattern(std::string_view pattern);

  const ModulePlan& plan_;
  const Actors& actors_;
  bool needs_company_ = false;
  bool needs_line_item_ = false;
  bool needs_deal_ = false;
  bool needs_price_ = false;

  // The record being built: drawn once in start_record so that related fields agree.
  Rng rng_{0};
  std::uint64_t ordinal_ = 0;
  const Word* first_ = nullptr;
  const Word* last_ = nullptr;
  const Place* place_[2] = {nullptr, nullptr};
  bool address_[2] = {false, false};
  std::string company_;
  std::string company_domain_;
  std::int64_t created_ = 0;  // seconds since 1970
  std::int64_t modified_ = 0;
  std::int32_t event_day_ = 0;
  std::int32_t start_minute_ = 0;
  std::int32_t duration_hours_ = 0;
  std::int32_t duration_minutes_ = 0;
  std::size_t currency_ = 0;
  std::size_t file_stem_ = 0;
  std::size_t file_kind_ = 0;
  std::int64_t price_ = 0;  // cents
  std::int64_t cost_ = 0;
  LineItem line_{};
  Deal deal_{};
  std::int64_t contact_position_ = -1;  // where the record's contact is in the Contacts rows
};

}  // namespace vtql::demo
