// The executor: runs a plan over a backend and shapes the rows as the webservice returns them.
#pragma once

#include "engine/planner/plan.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/result.hpp"

namespace vtql::executor {

// Runs the plan, handing the result to `sink`: begin() once with the columns, then row() per row. When the
// backend filtered and ordered, rows go from the scan to the sink one at a time; otherwise the engine keeps the
// matching rows, sorts them and hands over those in the limit. On an error part-way the sink may have taken some rows.
Status run(const planner::Plan& plan, const storage::Backend& backend, RowSink& sink);
// A failure of a run as the webservice reports it: DATABASE_QUERY_ERROR, unless it is a bug (INTERNAL_SERVER_ERROR).
inline Error run_failure(Error error) {
  if (error.code != ErrorCode::kInternalServerError) error.code = ErrorCode::kDatabaseQueryError;
  return error;
}
// The same loop into a ResultSet, moving text the backend produced into it instead of copying it.
Result<ResultSet> execute(const planner::Plan& plan, const storage::Backend& backend);

// Whether a record (a value per field of its module, in describe order) satisfies a bound condition: the
// row-at-a-time semantics every backend must agree with.
bool evaluate(const binder::BoundExpr& expr, const storage::Row& record);

// The webservice's string form of a stored value, or nullopt for null. A reference names the module that holds
// the record live: as the backend resolved it (`resolved`, see ScanSpec::resolve_references), or found by probing
// the modules the field refers to in order, as the original does; a reference to no live record is null.
std::optional<std::string> output_string(const types::Value& value, const FieldDef& field, const Schema& schema,
                                         const storage::Backend& backend, bool resolved);

}  // namespace vtql::executor
