// The error table of the grammar: which rules are failure points, and the positioned error each one gives.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "grammar/select.hpp"
#include "vtql/status.hpp"

namespace vtql::grammar {

// Once the parse reaches one of these rules, the rule must match: its failure is the query's syntax error.
enum class FailurePoint : std::uint8_t {
  kSelectKeyword,
  kSelectList,
  kSelectField,
  kCountOpen,
  kCountStar,
  kCountClose,
  kFromKeyword,
  kModuleName,
  kFieldName,
  kPredicateOperator,
  kValue,
  kValueClose,
  kInClose,
  kInListIsLast,
  kByKeyword,
  kOrderField,
  kLimitFirst,
  kLimitSecond,
  kEndAfterModule,
  kEndAfterWhere,
  kEndAfterOrder,
  kEndAfterLimit,
  kEndOfInput,
  kStringBody,
  kStringClose,
  kEscapedChar,
};

template <typename Rule>
inline constexpr std::optional<FailurePoint> failure_point = std::nullopt;

// clang-format off
template <> inline constexpr std::optional<FailurePoint> failure_point<select_keyword> = FailurePoint::kSelectKeyword;
template <> inline constexpr std::optional<FailurePoint> failure_point<first_select_field> = FailurePoint::kSelectList;
template <> inline constexpr std::optional<FailurePoint> failure_point<select_field> = FailurePoint::kSelectField;
template <> inline constexpr std::optional<FailurePoint> failure_point<count_open> = FailurePoint::kCountOpen;
template <> inline constexpr std::optional<FailurePoint> failure_point<count_star> = FailurePoint::kCountStar;
template <> inline constexpr std::optional<FailurePoint> failure_point<count_close> = FailurePoint::kCountClose;
template <> inline constexpr std::optional<FailurePoint> failure_point<from_keyword> = FailurePoint::kFromKeyword;
template <> inline constexpr std::optional<FailurePoint> failure_point<module_name> = FailurePoint::kModuleName;
template <> inline constexpr std::optional<FailurePoint> failure_point<field_name> = FailurePoint::kFieldName;
template <> inline constexpr std::optional<FailurePoint> failure_point<predicate_operator> = FailurePoint::kPredicateOperator;
template <> inline constexpr std::optional<FailurePoint> failure_point<value> = FailurePoint::kValue;
template <> inline constexpr std::optional<FailurePoint> failure_point<value_close> = FailurePoint::kValueClose;
template <> inline constexpr std::optional<FailurePoint> failure_point<in_close> = FailurePoint::kInClose;
template <> inline constexpr std::optional<FailurePoint> failure_point<in_list_is_last> = FailurePoint::kInListIsLast;
template <> inline constexpr std::optional<FailurePoint> failure_point<by_keyword> = FailurePoint::kByKeyword;
template <> inline constexpr std::optional<FailurePoint> failure_point<order_field> = FailurePoint::kOrderField;
template <> inline constexpr std::optional<FailurePoint> failure_point<limit_first> = FailurePoint::kLimitFirst;
template <> inline constexpr std::optional<FailurePoint> failure_point<limit_second> = FailurePoint::kLimitSecond;
template <> inline constexpr std::optional<FailurePoint> failure_point<end_after_module> = FailurePoint::kEndAfterModule;
template <> inline constexpr std::optional<FailurePoint> failure_point<end_after_where> = FailurePoint::kEndAfterWhere;
template <> inline constexpr std::optional<FailurePoint> failure_point<end_after_order> = FailurePoint::kEndAfterOrder;
template <> inline constexpr std::optional<FailurePoint> failure_point<end_after_limit> = FailurePoint::kEndAfterLimit;
template <> inline constexpr std::optional<FailurePoint> failure_point<end_of_input> = FailurePoint::kEndOfInput;
template <> inline constexpr std::optional<FailurePoint> failure_point<string_body> = FailurePoint::kStringBody;
template <> inline constexpr std::optional<FailurePoint> failure_point<string_close> = FailurePoint::kStringClose;
template <> inline constexpr std::optional<FailurePoint> failure_point<escaped_char> = FailurePoint::kEscapedChar;
// clang-format on

// What the parse had read when it failed, for messages that depend on it.
struct FailureContext {
  bool select_is_star = false;       // the select list was `*`
  bool order_has_direction = false;  // ORDER BY ended with ASC or DESC
  bool limit_has_offset = false;     // LIMIT had two numbers
  std::uint32_t string_start = 0;    // offset of the opening quote of the last string begun
};

// The syntax error for failure point `point` at byte `offset` of `text`: the message names what was expected and
// what was found there; the hint says how to fix the usual causes.
Error syntax_error(FailurePoint point, std::string_view text, std::uint32_t offset, const FailureContext& context);

}  // namespace vtql::grammar
