// Building blocks of the demo CRM's field rules, shared by the per-module rules and the generic ones.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "engine/demo/plan.hpp"

namespace vtql::demo::rules {

using SV = std::string_view;

inline FieldPlan make(Gen gen, int null_permille = 0) {
  FieldPlan plan;
  plan.gen = gen;
  plan.null_permille = static_cast<std::uint16_t>(null_permille);
  return plan;
}
inline FieldPlan from_pool(Gen gen, std::span<const SV> pool, int null_permille = 0) {
  FieldPlan plan = make(gen, null_permille);
  plan.pool = pool;
  return plan;
}
inline FieldPlan with_text(Gen gen, SV text, int null_permille = 0) {
  FieldPlan plan = make(gen, null_permille);
  plan.text = text;
  return plan;
}
inline FieldPlan with_role(Gen gen, int role, int null_permille = 0) {
  FieldPlan plan = make(gen, null_permille);
  plan.role = static_cast<std::uint8_t>(role);
  return plan;
}
inline FieldPlan number(Gen gen, std::int64_t lo, std::int64_t hi, int scale, int null_permille) {
  FieldPlan plan = make(gen, null_permille);
  plan.lo = lo;
  plan.hi = hi;
  plan.scale = scale;
  return plan;
}
inline FieldPlan choice(std::span<const std::int64_t> numbers, int scale, int null_permille) {
  FieldPlan plan = make(Gen::kChoice, null_permille);
  plan.numbers = numbers;
  plan.scale = scale;
  return plan;
}
inline FieldPlan sentences(std::span<const SV> pool, int most, int null_permille) {
  FieldPlan plan = from_pool(Gen::kSentences, pool, null_permille);
  plan.lo = 1;
  plan.hi = most;
  return plan;
}
inline FieldPlan boolean(int true_permille, int null_permille) {
  return number(Gen::kBoolean, true_permille, 0, 0, null_permille);
}
inline FieldPlan date(DateAnchor anchor, std::int64_t lo, std::int64_t hi, int null_permille) {
  FieldPlan plan = number(Gen::kDate, lo, hi, 0, null_permille);
  plan.anchor = anchor;
  return plan;
}

inline bool is_inventory(SV module) {
  return module == "Quotes" || module == "SalesOrder" || module == "Invoice" || module == "PurchaseOrder";
}

// The rule for a field of a standard module whose meaning the field name alone does not tell (subject, title,
// description differ by module), or nullopt.
std::optional<FieldPlan> module_rule(SV module, SV field);

}  // namespace vtql::demo::rules
