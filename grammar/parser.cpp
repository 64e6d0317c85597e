// The one translation unit that includes PEGTL: parse actions that build the typed syntax tree, and the control
// that turns the first failure point into a positioned error without throwing.
#include "grammar/parser.hpp"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"
#include "grammar/select.hpp"

namespace vtql::grammar {
namespace {

struct State {
  State(std::string_view query, const ParseLimits& parse_limits, ast::SelectStatement& out)
      : text(query), limits(parse_limits), statement(out) {}

  std::string_view text;
  const ParseLimits& limits;
  ast::SelectStatement& statement;

  // The condition under construction: finished predicates and groups, and where each open group starts.
  // Scratch space: small inline buffers, since most queries hold a handful of predicates.
  boost::container::small_vector<ast::Expr, 8> operands;
  boost::container::small_vector<std::size_t, 4> group_starts;
  ast::Identifier field;
  ast::CompareOp op = ast::CompareOp::kEq;
  std::vector<ast::Literal> values;
  std::size_t predicate_count = 0;
  boost::container::small_vector<std::uint64_t, 2> limit_numbers;

  bool module_seen = false;
  FailureContext context;
  bool failed = false;
  Error error;

  std::uint32_t offset_of(const char* p) const noexcept { return static_cast<std::uint32_t>(p - text.data()); }

  template <typename ActionInput>
  Span span_of(const ActionInput& in) const noexcept {
    return {offset_of(in.begin()), static_cast<std::uint32_t>(in.size())};
  }

  void fail(FailurePoint point, std::uint32_t offset) {
    failed = true;
    error = syntax_error(point, text, offset, context);
  }

  void fail_limit(Span span, std::string message, std::string hint) {
    failed = true;
    error = Error::syntax(std::move(message), span, std::move(hint));
  }
};

// Drops the whitespace a rule's match may end with (a bare IN list reads past its last value).
Span trimmed(std::string_view text, Span span) {
  while (span.length > 0) {
    const char c = text[span.end() - 1];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    --span.length;
  }
  return span;
}

// Reads digits into a 64-bit count, saturating: LIMIT 99999999999999999999 is simply "very many".
std::uint64_t saturating_number(std::string_view digits) {
  std::uint64_t n = 0;
  for (const char c : digits) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::numeric_limits<std::uint64_t>::max();
    n = n * 10 + d;
  }
  return n;
}

// The literal's text as MySQL reads it: '' is a quote and a backslash escapes the next character. \% and \_
// keep their backslash, since LIKE gives them their meaning.
std::string decode_string(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\'') {
      out.push_back('\'');
      ++i;  // the grammar guarantees a second quote
      continue;
    }
    if (c != '\\' || i + 1 == body.size()) {
      out.push_back(c);
      continue;
    }
    const char next = body[++i];
    switch (next) {
      case '0':
        out.push_back('\0');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'Z':
        out.push_back('\x1A');
        break;
      case '%':
      case '_':
        out.push_back('\\');
        out.push_back(next);
        break;
      default:
        out.push_back(next);
        break;
    }
  }
  return out;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<select_star> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.statement.select.emplace_back(ast::Star{st.span_of(in)});
    st.context.select_is_star = true;
  }
};

template <>
struct action<select_count> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.statement.select.emplace_back(ast::CountStar{st.span_of(in)});
  }
};

template <>
struct action<select_field> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.statement.select.emplace_back(ast::FieldItem{ast::Identifier{in.string(), st.span_of(in)}});
  }
};
template <>
struct action<first_select_field> : action<select_field> {};

template <>
struct action<module_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.statement.module = ast::Identifier{in.string(), st.span_of(in)};
    st.module_seen = true;
  }
};

template <>
struct action<field_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.field = ast::Identifier{in.string(), st.span_of(in)};
    st.values.clear();
  }
};

template <ast::CompareOp Op>
struct set_op {
  static void apply0(State& st) noexcept { st.op = Op; }
};
template <>
struct action<op_eq> : set_op<ast::CompareOp::kEq> {};
template <>
struct action<op_ne> : set_op<ast::CompareOp::kNe> {};
template <>
struct action<op_lt> : set_op<ast::CompareOp::kLt> {};
template <>
struct action<op_le> : set_op<ast::CompareOp::kLe> {};
template <>
struct action<op_gt> : set_op<ast::CompareOp::kGt> {};
template <>
struct action<op_ge> : set_op<ast::CompareOp::kGe> {};
template <>
struct action<op_like> : set_op<ast::CompareOp::kLike> {};

void add_value(State& st, ast::Literal literal) {
  if (st.values.size() == st.limits.max_in_values) {
    st.fail_limit(literal.span, "the IN list has more than " + std::to_string(st.limits.max_in_values) + " values",
                  "split the query, or raise the max_in_values setting");
    return;
  }
  st.values.push_back(std::move(literal));
}

template <>
struct action<quote> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.context.string_start = st.offset_of(in.begin());
  }
};

template <>
struct action<string_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    const std::string_view raw = in.string_view();
    add_value(st, {ast::LiteralKind::kString, decode_string(raw.substr(1, raw.size() - 2)), st.span_of(in)});
  }
};

template <ast::LiteralKind Kind>
struct add_literal {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    add_value(st, {Kind, in.string(), st.span_of(in)});
  }
};
template <>
struct action<entity_id_literal> : add_literal<ast::LiteralKind::kEntityId> {};
template <>
struct action<integer_literal> : add_literal<ast::LiteralKind::kInteger> {};

template <>
struct action<true_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    add_value(st, {ast::LiteralKind::kBoolean, "1", st.span_of(in)});
  }
};
template <>
struct action<false_literal> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    add_value(st, {ast::LiteralKind::kBoolean, "0", st.span_of(in)});
  }
};

template <>
struct action<in_op> {
  static void apply0(State& st) { st.values.clear(); }
};

template <>
struct action<compare_tail> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, State& st) {
    const Span span{st.field.span.offset, st.values.back().span.end() - st.field.span.offset};
    st.operands.emplace_back(ast::Comparison{std::move(st.field), st.op, std::move(st.values.back()), span});
    st.values.clear();
  }
};

template <>
struct action<in_tail> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    const Span tail = trimmed(st.text, st.span_of(in));
    const Span span{st.field.span.offset, tail.end() - st.field.span.offset};
    st.operands.emplace_back(ast::InList{std::move(st.field), std::move(st.values), span});
    st.values.clear();
  }
};

template <>
struct action<predicate> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    if (++st.predicate_count > st.limits.max_predicates) {
      st.fail_limit(trimmed(st.text, st.span_of(in)),
                    "the condition has more than " + std::to_string(st.limits.max_predicates) + " predicates",
                    "split the query, or raise the max_predicates setting");
    }
  }
};

struct open_group {
  static void apply0(State& st) { st.group_starts.push_back(st.operands.size()); }
};
template <>
struct action<conjunction_start> : open_group {};
template <>
struct action<disjunction_start> : open_group {};

// Folds the operands a group read into one AND / OR node; a group of one is that operand itself.
template <ast::LogicalOp Op>
struct close_group {
  static void apply0(State& st) {
    const std::size_t start = st.group_starts.back();
    st.group_starts.pop_back();
    if (st.operands.size() - start < 2) return;
    ast::Logical node{Op, {}, {}};
    node.operands.reserve(st.operands.size() - start);
    for (std::size_t i = start; i < st.operands.size(); ++i) node.operands.push_back(std::move(st.operands[i]));
    st.operands.resize(start);
    const Span first = ast::span_of(node.operands.front());
    node.span = {first.offset, ast::span_of(node.operands.back()).end() - first.offset};
    st.operands.emplace_back(std::move(node));
  }
};
template <>
struct action<conjunction> : close_group<ast::LogicalOp::kAnd> {};
template <>
struct action<disjunction> : close_group<ast::LogicalOp::kOr> {};

template <>
struct action<where_clause> {
  static void apply0(State& st) {
    st.statement.where = std::move(st.operands.back());
    st.operands.clear();
  }
};

template <>
struct action<order_field> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    if (st.statement.order_by.size() == st.limits.max_order_terms) {
      st.fail_limit(st.span_of(in), "ORDER BY has more than " + std::to_string(st.limits.max_order_terms) + " fields",
                    "order by fewer fields, or raise the max_order_terms setting");
      return;
    }
    st.statement.order_by.push_back({ast::Identifier{in.string(), st.span_of(in)}, std::nullopt});
  }
};

template <ast::Direction D>
struct set_direction {
  static void apply0(State& st) {
    st.statement.order_by.back().direction = D;
    st.context.order_has_direction = true;
  }
};
template <>
struct action<ascending> : set_direction<ast::Direction::kAsc> {};
template <>
struct action<descending> : set_direction<ast::Direction::kDesc> {};

template <>
struct action<limit_first> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    st.limit_numbers.push_back(saturating_number(in.string_view()));
  }
};
template <>
struct action<limit_second> : action<limit_first> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    action<limit_first>::apply(in, st);
    st.context.limit_has_offset = true;
  }
};

template <>
struct action<limit_clause> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, State& st) {
    ast::Limit limit;
    limit.span = st.span_of(in);
    if (st.limit_numbers.size() == 2) {
      limit.offset = st.limit_numbers[0];
      limit.count = st.limit_numbers[1];
    } else {
      limit.count = st.limit_numbers[0];
    }
    st.statement.limit = limit;
  }
};

// PEGTL's normal control, except that the first failure point to fail records its error in the state instead of
// throwing, and from then on every rule fails at once, so the parse unwinds by plain returns to the top. The error
// is placed where the failing rule started, which is where the unexpected token is.
template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, State& st) {
    if (st.failed) return false;
    const char* start = in.current();
    const bool matched = pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st);
    if constexpr (failure_point<Rule>.has_value()) {
      if (!matched && !st.failed) st.fail(*failure_point<Rule>, st.offset_of(start));
    }
    return matched && !st.failed;
  }

  template <template <typename...> class Action, typename Iterator, typename ParseInput>
  static auto apply(const Iterator& begin, const ParseInput& in, State& st)
      -> decltype(pegtl::normal<Rule>::template apply<Action>(begin, in, st)) {
    if (!st.failed) pegtl::normal<Rule>::template apply<Action>(begin, in, st);
  }

  template <template <typename...> class Action, typename ParseInput>
  static auto apply0(const ParseInput& in, State& st)
      -> decltype(pegtl::normal<Rule>::template apply0<Action>(in, st)) {
    if (!st.failed) pegtl::normal<Rule>::template apply0<Action>(in, st);
  }
};

}  // namespace

Status parse_into(std::string_view text, const ParseLimits& limits, ast::SelectStatement& out, ParseOutput* output) {
  if (text.size() > limits.max_query_bytes) {
    return Error::syntax("the query is " + std::to_string(text.size()) + " bytes long, more than the limit of " +
                             std::to_string(limits.max_query_bytes),
                         {static_cast<std::uint32_t>(limits.max_query_bytes), 0}, "raise the max_query_bytes setting");
  }
  State st(text, limits, out);
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(text.data(), text.size(), "query");
  const bool matched = pegtl::parse<statement, action, control>(in, st);
  if (st.failed) {
    if (output != nullptr && st.module_seen) output->module = std::move(st.statement.module);
    return std::move(st.error);
  }
  if (!matched) {
    return Error::internal("the parser stopped without an error at byte " + std::to_string(in.current() - text.data()));
  }
  out.span = {0, static_cast<std::uint32_t>(text.size())};
  return Ok{};
}

Result<ast::SelectStatement> parse(std::string_view text, const ParseLimits& limits, ParseOutput* output) {
  ast::SelectStatement statement;
  if (auto status = parse_into(text, limits, statement, output); !status) return std::move(status).error();
  return statement;
}

}  // namespace vtql::grammar
