// A module's describe metadata as JSON that Schema::from_json reads back to the same module, storage notes included.
#pragma once

#include <string>

#include "vtql/schema.hpp"

namespace vtql::catalog {

// The module's describe object with an "x_storage" member holding what describe itself does not say: each
// field's storage column and the decimal scale of its numbers.
std::string describe_with_storage(const ModuleDef& module);

}  // namespace vtql::catalog
