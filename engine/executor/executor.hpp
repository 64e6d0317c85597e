// The executor: runs a plan over a backend and shapes the rows as the webservice returns them.
#pragma once

#include "engine/planner/plan.hpp"
#include "engine/storage/backend.hpp"
#include "vtql/result.hpp"

namespace vtql::executor {

Result<ResultSet> execute(const planner::Plan& plan, const storage::Backend& backend);

// Whether a record (a value per field of its module, in describe order) satisfies a bound condition: the
// row-at-a-time semantics every backend must agree with.
bool evaluate(const binder::BoundExpr& expr, const storage::Row& record);

}  // namespace vtql::executor
