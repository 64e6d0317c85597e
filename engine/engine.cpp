// The Engine facade: parse, bind (with the original's order of checks), plan and run; each method is an exception
// boundary (guarded).
#include "vtql/engine.hpp"

#include "engine/binder/bound_query.hpp"
#include "engine/executor/executor.hpp"
#include "engine/guard.hpp"
#include "engine/internal.hpp"
#include "engine/plan_cache.hpp"
#include "engine/planner/plan.hpp"
#include "engine/storage/backend.hpp"
#include "grammar/parser.hpp"

namespace vtql {
namespace {

grammar::ParseLimits limits_of(const Settings& settings) {
  return {settings.max_query_bytes, settings.max_predicates, settings.max_in_values, settings.max_order_terms};
}

}  // namespace

std::string_view CheckedQuery::text() const noexcept { return bound_->text; }
const ast::SelectStatement& CheckedQuery::syntax() const noexcept { return bound_->syntax; }
const ModuleDef& CheckedQuery::module() const noexcept { return *bound_->module; }
const std::vector<Warning>& CheckedQuery::warnings() const noexcept { return bound_->warnings; }
bool CheckedQuery::is_count() const noexcept { return bound_->count_only; }
std::uint64_t CheckedQuery::offset() const noexcept { return bound_->offset; }
std::optional<std::uint64_t> CheckedQuery::count() const noexcept { return bound_->count; }

std::string CheckedQuery::parsed_json() const { return binder::parsed_json(*bound_); }

std::vector<std::string> CheckedQuery::columns() const {
  if (bound_->count_only) return {"count"};
  std::vector<std::string> names;
  names.reserve(bound_->columns.size());
  for (const int c : bound_->columns) names.push_back(bound_->module->fields[static_cast<std::size_t>(c)].name);
  return names;
}

Engine::Engine() : Engine(Schema::builtin()) {}

Engine::Engine(std::shared_ptr<const Schema> schema, Settings settings)
    : Engine(Database::in_memory(std::move(schema)), settings) {}

Engine::Engine(std::shared_ptr<Database> database, Settings settings)
    : schema_(database->schema()), database_(std::move(database)), settings_(settings) {
  if (settings_.plan_cache > 0) plans_ = std::make_shared<PlanCache>(settings_.plan_cache);
}

Result<ast::SelectStatement> parse(std::string_view query, const Settings& settings) {
  return guarded("parsing", [&] { return grammar::parse(query, limits_of(settings)); });
}

Result<CheckedQuery> Engine::check(std::string_view query_text) const {
  return guarded("checking the query", [&]() -> Result<CheckedQuery> {
    auto query = std::make_shared<binder::BoundQuery>();
    query->text = std::string(query_text);
    grammar::ParseOutput output;
    auto parsed = grammar::parse_into(query->text, limits_of(settings_), query->syntax, &output);
    if (!parsed) {
      // The original looks the module up before it parses the rest, so an unknown module wins over a later
      // syntax error.
      if (output.module && schema_->find_module(output.module->name) == nullptr &&
          parsed.error().code == ErrorCode::kQuerySyntaxError &&
          parsed.error().span.offset > output.module->span.offset) {
        return binder::unknown_module_error(*schema_, *output.module);
      }
      return std::move(parsed).error();
    }
    query->schema = schema_;
    if (auto bound = binder::bind(*query, {settings_.max_rows, settings_.max_warnings}); !bound)
      return std::move(bound).error();
    return CheckedQuery(std::move(query));
  });
}

Result<PreparedQuery> Engine::prepare(std::string_view query) const {
  return guarded("preparing the query", [&]() -> Result<PreparedQuery> {
    auto checked = check(query);
    if (!checked) return std::move(checked).error();
    const storage::Backend& backend = Internals::backend(*database_);
    auto plan = std::make_shared<const planner::Plan>(
        planner::make_plan(Internals::bound(*checked), backend.capabilities(), std::string(backend.name())));
    return PreparedQuery(std::move(*checked), std::move(plan));
  });
}

namespace {

// Runs a plan through `run` under the settings' time limit. A failure other than an internal error is a
// DATABASE_QUERY_ERROR, as the webservice reports it.
template <typename Run>
auto run_plan(const Settings& settings, Run&& run) -> decltype(run()) {
  return guarded("running the query", [&]() -> decltype(run()) {
    const storage::QueryDeadline deadline(storage::QueryDeadline::after_ms(settings.max_query_ms));
    auto outcome = run();
    if (!outcome) return executor::run_failure(std::move(outcome).error());
    return outcome;
  });
}

}  // namespace

Result<ResultSet> Engine::execute(const PreparedQuery& prepared) const {
  return run_plan(settings_,
                  [&] { return executor::execute(Internals::plan(prepared), Internals::backend(*database_)); });
}

Status Engine::stream(const PreparedQuery& prepared, RowSink& sink) const {
  return run_plan(settings_,
                  [&] { return executor::run(Internals::plan(prepared), Internals::backend(*database_), sink); });
}

Result<std::shared_ptr<const PreparedQuery>> Engine::prepared_for(std::string_view query) const {
  if (plans_ != nullptr) {
    if (auto cached = plans_->find(query)) return cached;
  }
  auto prepared = prepare(query);
  if (!prepared) return std::move(prepared).error();
  return guarded("preparing the query", [&]() -> Result<std::shared_ptr<const PreparedQuery>> {
    auto made = std::make_shared<const PreparedQuery>(std::move(*prepared));
    if (plans_ != nullptr) plans_->insert(query, made);
    return made;
  });
}

Result<ResultSet> Engine::query(std::string_view query) const {
  auto prepared = guarded("preparing the query", [&] { return prepared_for(query); });
  if (!prepared) return std::move(prepared).error();
  return execute(**prepared);
}

Status Engine::stream(std::string_view query, RowSink& sink) const {
  auto prepared = guarded("preparing the query", [&] { return prepared_for(query); });
  if (!prepared) return std::move(prepared).error();
  return stream(**prepared, sink);
}

Result<std::string> Engine::explain(std::string_view query) const {
  return guarded("explaining the query", [&]() -> Result<std::string> {
    auto prepared = prepare(query);
    if (!prepared) return std::move(prepared).error();
    const planner::Plan& plan = Internals::plan(*prepared);
    return planner::explain(plan) + Internals::backend(*database_).explain(plan.scan, plan.count_in_backend);
  });
}

}  // namespace vtql
