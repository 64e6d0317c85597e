// Random VTQL queries over the real fields and values of a database, each reproducible from a seed and an index.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "vtql/database.hpp"
#include "vtql/schema.hpp"
#include "vtql/status.hpp"

namespace vtql::differential {

// Draws defined here rather than by std::*_distribution (whose output the standard leaves to the library), over
// std::mt19937_64 (whose output it fixes), so that a seed gives the same queries on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform in [0, n). REQUIRES: n > 0
  std::uint64_t below(std::uint64_t n);
  // Uniform in [low, high]. REQUIRES: low <= high
  std::uint64_t between(std::uint64_t low, std::uint64_t high) { return low + below(high - low + 1); }
  // True `in` times out of `of`.
  bool chance(std::uint64_t in, std::uint64_t of) { return below(of) < in; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// A readable field of a module and some of the values its records hold, as the webservice returns them.
struct SampledField {
  std::string name;
  FieldType type = FieldType::kString;
  ValueClass value_class = ValueClass::kText;
  std::vector<std::string> target_prefixes;  // the id prefixes of the modules a reference may point at
  std::vector<std::string> values;           // distinct, not null, in record order
  bool has_null = false;
};

struct SampledModule {
  std::string name;
  std::string id_prefix;
  std::uint64_t weight = 1;
  std::vector<SampledField> fields;  // what SELECT * returns, in its order (id last)
};

// What queries are drawn from: each module's fields with values read from a database.
class Catalog {
 public:
  // The modules queries are mostly about unless told otherwise.
  static const std::vector<std::string>& main_modules();

  // Reads every module of the database's schema through the engine, keeping up to `per_field` distinct values of
  // each field (spread over the records). The `favoured` modules are drawn twelve times as often as the others.
  static Result<Catalog> sample(const std::shared_ptr<Database>& database,
                                const std::vector<std::string>& favoured = main_modules(), std::size_t per_field = 48);

  const std::vector<SampledModule>& modules() const noexcept { return modules_; }
  const std::vector<std::string>& id_prefixes() const noexcept { return id_prefixes_; }
  std::uint64_t total_weight() const noexcept { return total_weight_; }

 private:
  std::vector<SampledModule> modules_;
  std::vector<std::string> id_prefixes_;
  std::uint64_t total_weight_ = 0;
};

// Queries of the vtiger dialect: SELECT * / fields / count(*), every operator, LIKE patterns with wildcards and
// escapes, short and (rarely) over-1000-value IN lists, AND/OR chains, ORDER BY with directions, LIMIT n and
// LIMIT m, n; values mostly from the catalog, then variants (case, accents, spaces), values of the wrong type and
// escapes; and a share of invalid queries (unknown modules and fields, malformed ids, syntax errors).
class QueryGenerator {
 public:
  // REQUIRES: `catalog` outlives the generator.
  QueryGenerator(const Catalog& catalog, std::uint64_t seed) : catalog_(catalog), seed_(seed) {}

  // Query number `index` of the seed: the same catalog, seed and index give the same text on every platform.
  std::string query(std::uint64_t index) const;

 private:
  const Catalog& catalog_;
  std::uint64_t seed_;
};

}  // namespace vtql::differential
