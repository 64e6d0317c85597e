// The demo CRM: a deterministic generator of realistic, connected CRM data for any storage backend.
//
// The same scale and seed give the same records on every platform and standard library. Each module and each
// record draws from its own random stream, so changing one module's share changes no other module's values
// (only which ids references land on).
#pragma once

#include <cstdint>
#include <functional>

#include "engine/storage/backend.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::demo {

struct DemoOptions {
  std::uint64_t scale = 1000;  // total records across the modules, roughly (1,000 to 10,000,000)
  std::uint64_t seed = 1;
  // Called every few thousand records and once at the end with done == total; may be empty.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// Fills `backend` with a CRM of about options.scale records: a handful of users (the admin first), three groups,
// currencies and document folders, then accounts (~10%), contacts (~35%), leads (~20%, some converted),
// potentials, tickets, products, quotes, orders, invoices, calendar entries, ... of every module in `schema`.
// References point at live records of a module they may refer to; about 1% of the records are deleted after
// insertion. Modules of `schema` that the demo does not know get a small share filled by their field types.
// REQUIRES: `backend` holds no records of `schema`'s modules (ids come from its inserts).
Status generate(storage::Writer& writer, const Schema& schema, const DemoOptions& options);

}  // namespace vtql::demo
