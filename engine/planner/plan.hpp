// The logical plan of a query: what the backend is asked to do, and the operators the engine adds for the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/binder/bound_query.hpp"
#include "engine/storage/backend.hpp"

namespace vtql::planner {

// scan (with what the backend takes) -> filter -> sort (top-k under a limit) -> limit -> project, or count.
struct Plan {
  const binder::BoundQuery* query = nullptr;
  std::string backend_name;

  storage::ScanSpec scan;  // what the backend is asked for
  bool count_in_backend = false;

  const binder::BoundExpr* filter = nullptr;  // evaluated by the engine, when the backend could not
  std::vector<binder::BoundOrder> sort;       // sorted by the engine (ties by id), when the backend could not
  bool sort_by_id = false;                    // no ORDER BY, and the backend does not order by id itself
  std::uint64_t offset = 0;                   // applied by the engine, when the backend could not
  std::optional<std::uint64_t> limit;
  std::vector<int> project;  // positions in the scan row of the output columns
  // Per output column, worked out once for every run of the plan: its field, and whether it is the last output
  // column to read its scan position (so that text can move out of the row instead of being copied).
  std::vector<const FieldDef*> output_fields;
  std::vector<std::uint8_t> last_use;
  std::vector<std::string> column_names;  // the result's columns
};

// Chooses what to push to a backend with `capabilities`; the engine's operators do the rest.
Plan make_plan(const binder::BoundQuery& query, const storage::Capabilities& capabilities, std::string backend_name);

// The plan as an indented tree, one operator per line, root first.
std::string explain(const Plan& plan);

// The condition as text, for plans and messages: lastname = 'Smith' AND (id IN (12x1, 12x2) OR ...).
std::string describe(const binder::BoundExpr& expr);

}  // namespace vtql::planner
