// Import of CSV and JSON Lines into a module: the header checked, each row checked and typed, all rows written in
// one transaction (held until the end on a backend without transactions), bad rows reported with their lines.
// On a transactional backend one thread reads and checks while the caller's thread writes.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "engine/exchange/csv_reader.hpp"
#include "engine/exchange/field_parser.hpp"
#include "engine/guard.hpp"
#include "engine/internal.hpp"
#include "vtql/exchange.hpp"

namespace vtql {
namespace {

using exchange::FieldParser;

constexpr std::uint64_t kProgressEvery = 4096;

Error input_error(std::uint64_t line, const std::string& message, std::string hint = {}) {
  return Error::invalid_argument("line " + std::to_string(line) + ": " + message, {}, std::move(hint));
}

std::string did_you_mean(std::string_view name, const ModuleDef& module) {
  std::vector<std::string_view> names;
  names.reserve(module.fields.size());
  for (const FieldDef& field : module.fields) names.emplace_back(field.name);
  const std::string close = closest_name(name, names);
  return close.empty() ? std::string() : "did you mean '" + close + "'? (field names are case-sensitive)";
}

types::DateTime now() {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  return types::DateTime{seconds.count()};
}

struct HeldRow {
  std::uint64_t line;
  std::optional<std::uint64_t> id;
  storage::Record record;
};

// Batches of checked rows from the reading thread to the writing one, a few in flight at most.
class RowQueue {
 public:
  static constexpr std::size_t kBatchRows = 512;

  // False when the writer has stopped taking rows.
  bool push(std::vector<HeldRow>&& batch) {
    std::unique_lock lock(mutex_);
    has_room_.wait(lock, [&] { return batches_.size() < kMaxBatches || cancelled_; });
    if (cancelled_) return false;
    batches_.push_back(std::move(batch));
    has_rows_.notify_one();
    return true;
  }
  // False when the reader is done and every batch has been taken, or the queue was cancelled.
  bool pop(std::vector<HeldRow>& batch) {
    std::unique_lock lock(mutex_);
    has_rows_.wait(lock, [&] { return !batches_.empty() || closed_ || cancelled_; });
    if (cancelled_ || batches_.empty()) return false;
    batch = std::move(batches_.front());
    batches_.pop_front();
    has_room_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    has_rows_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    batches_.clear();
    has_room_.notify_all();
    has_rows_.notify_all();
  }
  // Written batches go back to the reader, which reuses their rows' memory and frees what it allocated itself.
  void give_back(std::vector<HeldRow>&& batch) {
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(batch));
  }
  std::vector<HeldRow> take_spare() {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) return {};
    std::vector<HeldRow> batch = std::move(spare_.back());
    spare_.pop_back();
    return batch;
  }

 private:
  static constexpr std::size_t kMaxBatches = 8;
  std::mutex mutex_;
  std::condition_variable has_room_;
  std::condition_variable has_rows_;
  std::deque<std::vector<HeldRow>> batches_;
  std::vector<std::vector<HeldRow>> spare_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// Bad rows found on one side of the import: while reading and checking, or while writing (ids already taken).
struct Tally {
  std::uint64_t bad_rows = 0;
  std::uint64_t skipped = 0;
  std::vector<ImportIssue> errors;  // the side's first max_errors, in file order
};

class Importer {
 public:
  Importer(Database& database, storage::Writer& writer, const ModuleDef& module, const ImportOptions& options);

  Result<ImportReport> run(std::istream& in);

 private:
  Status read(std::istream& in);
  Status read_csv(std::istream& in);
  Status read_jsonl(std::istream& in);
  // Reads on a thread of its own and writes the rows as they come, inside the backend's write transaction.
  Status read_and_write(std::istream& in);
  // A row whose given values are set: mandatory fields checked, the times filled in, then queued for the writer
  // or held. `record` is left with memory to reuse for the next row.
  Status finish_row(std::uint64_t line, storage::Record& record);
  Status queue_row(std::uint64_t line, std::optional<std::uint64_t> id, storage::Record& record);
  Status send_batch();
  Status hold(std::uint64_t line, std::optional<std::uint64_t> id, storage::Record&& record);
  Status store(std::uint64_t line, std::optional<std::uint64_t> id, const storage::Record& record);
  Status write_held();
  void bad_row(Tally& tally, std::uint64_t line, std::string field, std::string message);
  void bad_row(std::uint64_t line, std::string field, std::string message) {
    bad_row(reading_, line, std::move(field), std::move(message));
  }
  void tick(std::uint64_t bytes);
  ImportReport report() const;

  const storage::Backend& backend_;
  storage::Writer& writer_;
  const ModuleDef& module_;
  const ImportOptions& options_;
  std::vector<FieldParser> parsers_;  // per field of the module
  std::vector<int> mandatory_;
  int id_field_ = -1;
  int created_field_ = -1;
  int modified_field_ = -1;
  types::DateTime now_;
  // A writer that rolls back takes rows as they come; others get the records only once the whole input is checked.
  bool transactional_ = false;
  std::atomic<bool> keeping_{true};  // false once a bad row (without skip_bad) means nothing will be kept
  std::vector<HeldRow> held_;
  std::unordered_set<std::uint64_t> held_ids_;
  // While reading on a thread of its own: the batch being filled and where it goes.
  RowQueue* queue_ = nullptr;
  std::vector<HeldRow> batch_;
  std::size_t batch_rows_ = 0;   // the rows of batch_ in use; the others are spare
  storage::Record scratch_;      // the row being read
  std::uint64_t rows_read_ = 0;  // by the reading side
  std::uint64_t imported_ = 0;   // by the writing side
  Tally reading_;
  Tally writing_;
};

Importer::Importer(Database& database, storage::Writer& writer, const ModuleDef& module, const ImportOptions& options)
    : backend_(Internals::backend(database)), writer_(writer), module_(module), options_(options), now_(now()) {
  parsers_.reserve(module.fields.size());
  for (std::size_t i = 0; i < module.fields.size(); ++i) {
    const FieldDef& field = module.fields[i];
    parsers_.emplace_back(field, module, *database.schema());
    if (field.mandatory && !field.is_id()) mandatory_.push_back(static_cast<int>(i));
  }
  id_field_ = module.field_index("id");
  created_field_ = module.field_index("createdtime");
  modified_field_ = module.field_index("modifiedtime");
  if (created_field_ >= 0 && module.fields[static_cast<std::size_t>(created_field_)].type != FieldType::kDateTime) {
    created_field_ = -1;
  }
  if (modified_field_ >= 0 && module.fields[static_cast<std::size_t>(modified_field_)].type != FieldType::kDateTime) {
    modified_field_ = -1;
  }
  transactional_ = writer_.rolls_back();
}

void Importer::bad_row(Tally& tally, std::uint64_t line, std::string field, std::string message) {
  ++tally.bad_rows;
  if (tally.errors.size() < options_.max_errors) tally.errors.push_back({line, std::move(field), std::move(message)});
  if (options_.skip_bad) {
    ++tally.skipped;
  } else {
    keeping_ = false;
  }
}

void Importer::tick(std::uint64_t bytes) {
  if (options_.progress && rows_read_ % kProgressEvery == 0) options_.progress(bytes, rows_read_);
}

ImportReport Importer::report() const {
  ImportReport report;
  report.rows_read = rows_read_;
  report.imported = imported_;
  report.bad_rows = reading_.bad_rows + writing_.bad_rows;
  report.skipped = reading_.skipped + writing_.skipped;
  report.errors = reading_.errors;
  report.errors.insert(report.errors.end(), writing_.errors.begin(), writing_.errors.end());
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
  if (report.errors.size() > options_.max_errors) report.errors.resize(options_.max_errors);
  return report;
}

Status Importer::finish_row(std::uint64_t line, storage::Record& record) {
  for (const int index : mandatory_) {
    if (std::holds_alternative<types::Null>(record[static_cast<std::size_t>(index)])) {
      bad_row(line, module_.fields[static_cast<std::size_t>(index)].name, "a mandatory field has no value");
      return Ok{};
    }
  }
  for (const int index : {created_field_, modified_field_}) {
    if (index >= 0 && std::holds_alternative<types::Null>(record[static_cast<std::size_t>(index)])) {
      record[static_cast<std::size_t>(index)] = now_;
    }
  }
  std::optional<std::uint64_t> id;
  if (id_field_ >= 0) {
    if (const auto* given = std::get_if<types::EntityId>(&record[static_cast<std::size_t>(id_field_)])) {
      id = given->number;
    }
  }
  if (queue_ == nullptr) return hold(line, id, std::move(record));
  return queue_row(line, id, record);
}

Status Importer::queue_row(std::uint64_t line, std::optional<std::uint64_t> id, storage::Record& record) {
  if (!keeping_) return Ok{};
  if (batch_rows_ == batch_.size()) batch_.emplace_back();
  HeldRow& slot = batch_[batch_rows_++];
  slot.line = line;
  slot.id = id;
  std::swap(slot.record, record);  // the slot's old record becomes the next row's memory
  if (batch_rows_ < RowQueue::kBatchRows) return Ok{};
  return send_batch();
}

Status Importer::send_batch() {
  if (batch_rows_ == 0) return Ok{};
  batch_.resize(batch_rows_);
  const bool taken = queue_->push(std::move(batch_));
  batch_ = queue_->take_spare();
  batch_rows_ = 0;
  if (!taken) return Error::internal("the import stopped writing");
  return Ok{};
}

Status Importer::hold(std::uint64_t line, std::optional<std::uint64_t> id, storage::Record&& record) {
  if (!keeping_) return Ok{};
  if (id && (backend_.exists(module_, *id) || !held_ids_.insert(*id).second)) {
    bad_row(writing_, line, "id", module_.name + " already has a record " + std::to_string(*id));
    return Ok{};
  }
  held_.push_back({line, id, std::move(record)});
  return Ok{};
}

Status Importer::store(std::uint64_t line, std::optional<std::uint64_t> id, const storage::Record& record) {
  if (!keeping_) return Ok{};
  Status status = Ok{};
  if (id) {
    status = writer_.insert_with_id(module_, *id, record);
  } else if (auto inserted = writer_.insert(module_, record); !inserted) {
    status = std::move(inserted).error();
  }
  if (status) {
    ++imported_;
    return Ok{};
  }
  // A record the backend refuses (an id it already has) is a bad row; anything else is a storage failure.
  if (status.error().code != ErrorCode::kInvalidArgument) return status;
  bad_row(writing_, line, id ? "id" : "", status.error().message);
  return Ok{};
}

Status Importer::write_held() {
  for (const HeldRow& row : held_) {
    if (auto status = store(row.line, row.id, row.record); !status) return status;
  }
  held_.clear();
  return Ok{};
}

Status Importer::read_csv(std::istream& in) {
  exchange::CsvReader reader(in);
  exchange::CsvRecord header;
  if (!reader.next(header)) {
    if (reader.failed()) return Error::io("reading the input failed");
    return input_error(1, "the input is empty; a CSV file starts with a header line naming the fields");
  }
  if (!header.ok()) return input_error(header.error_line, "in the header: " + header.error);
  // Where each column's values go.
  std::vector<int> targets;
  std::vector<bool> given(module_.fields.size(), false);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view name = header.field(i);
    const int index = module_.field_index(name);
    if (index < 0) {
      return input_error(header.line, module_.name + " has no field '" + std::string(name) + "'",
                         did_you_mean(name, module_));
    }
    if (given[static_cast<std::size_t>(index)]) {
      return input_error(header.line, "the header names field '" + std::string(name) + "' twice");
    }
    given[static_cast<std::size_t>(index)] = true;
    targets.push_back(index);
  }
  for (const int index : mandatory_) {
    if (!given[static_cast<std::size_t>(index)]) {
      return input_error(header.line, "the header has no column for " +
                                          module_.fields[static_cast<std::size_t>(index)].name +
                                          ", which is mandatory in " + module_.name);
    }
  }

  exchange::CsvRecord row;
  const auto line_of = [&](std::size_t column) {
    const std::string_view before = std::string_view(row.data).substr(0, column == 0 ? 0 : row.ends[column - 1]);
    return row.line + static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  };
  while (reader.next(row)) {
    ++rows_read_;
    tick(reader.bytes_read());
    if (!row.ok()) {
      const bool in_column = row.error_field >= 0 && static_cast<std::size_t>(row.error_field) < targets.size();
      bad_row(row.error_line,
              in_column
                  ? module_.fields[static_cast<std::size_t>(targets[static_cast<std::size_t>(row.error_field)])].name
                  : std::string(),
              row.error);
      continue;
    }
    if (row.size() != targets.size()) {
      bad_row(
          row.line, {},
          "the row has " + std::to_string(row.size()) + " fields; the header has " + std::to_string(targets.size()));
      continue;
    }
    storage::Record& record = scratch_;
    record.assign(module_.fields.size(), types::Null{});
    bool good = true;
    for (std::size_t i = 0; i < targets.size() && good; ++i) {
      const std::string_view text = row.field(i);
      if (text.empty() && !row.is_quoted(i)) continue;  // NULL
      const auto target = static_cast<std::size_t>(targets[i]);
      std::string problem = parsers_[target].parse(text, record[target]);
      if (!problem.empty()) {
        bad_row(line_of(i), module_.fields[target].name, std::move(problem));
        good = false;
      }
    }
    if (!good) continue;
    if (auto status = finish_row(row.line, record); !status) return status;
  }
  if (reader.failed()) {
    return Error::io("reading the input failed after " + std::to_string(reader.bytes_read()) + " bytes");
  }
  if (options_.progress) options_.progress(reader.bytes_read(), rows_read_);
  return Ok{};
}

Status Importer::read_jsonl(std::istream& in) {
  std::string line;
  std::uint64_t number = 0;
  std::uint64_t bytes = 0;
  while (std::getline(in, line)) {
    ++number;
    bytes += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++rows_read_;
    tick(bytes);
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      // A syntax error, or a number beyond what a double holds (1e400), even under a key that is not a field.
      std::string message = e.what();
      if (const auto close = message.find("] "); close != std::string::npos) message.erase(0, close + 2);
      if (const auto last = message.find("; last read"); last != std::string::npos) message.erase(last);
      if (message.rfind("parse error at line 1, ", 0) == 0) message.erase(0, 23);  // one line: its column is enough
      bad_row(number, {}, "not a JSON object: " + message);
      continue;
    }
    if (!object.is_object()) {
      bad_row(number, {}, "a line must be a JSON object of field names to values");
      continue;
    }
    storage::Record& record = scratch_;
    record.assign(module_.fields.size(), types::Null{});
    bool good = true;
    for (const auto& [name, value] : object.items()) {
      const int index = module_.field_index(name);
      if (index < 0) {
        std::string message = module_.name + " has no field '" + name + "'";
        if (const std::string hint = did_you_mean(name, module_); !hint.empty()) message += "; " + hint;
        bad_row(number, name, std::move(message));
        good = false;
        break;
      }
      if (value.is_null()) continue;
      if (!value.is_string()) {
        bad_row(number, name,
                "values are strings (or null) in the webservice form, not " + std::string(value.type_name()));
        good = false;
        break;
      }
      const auto target = static_cast<std::size_t>(index);
      std::string problem = parsers_[target].parse(value.get_ref<const std::string&>(), record[target]);
      if (!problem.empty()) {
        bad_row(number, name, std::move(problem));
        good = false;
        break;
      }
    }
    if (!good) continue;
    if (auto status = finish_row(number, record); !status) return status;
  }
  if (in.bad()) {
    return Error::io("reading the input failed after line " + std::to_string(number));
  }
  if (options_.progress) options_.progress(bytes, rows_read_);
  return Ok{};
}

Status Importer::read(std::istream& in) {
  Status status = options_.format == DataFormat::kCsv ? read_csv(in) : read_jsonl(in);
  if (status && queue_ != nullptr) status = send_batch();
  return status;
}

Status Importer::read_and_write(std::istream& in) {
  RowQueue queue;
  queue_ = &queue;
  Status read_status = Ok{};
  std::exception_ptr read_failure;
  std::thread reader([&] {
    try {
      read_status = read(in);
    } catch (...) {
      read_failure = std::current_exception();
    }
    queue.close();
  });
  // The reader must not outlive this frame, whatever the writing side throws.
  struct Join {
    RowQueue& queue;
    std::thread& thread;
    ~Join() {
      if (thread.joinable()) {
        queue.cancel();
        thread.join();
      }
    }
  } join{queue, reader};

  Status write_status = Ok{};
  std::vector<HeldRow> batch;
  while (write_status && queue.pop(batch)) {
    for (const HeldRow& row : batch) {
      write_status = store(row.line, row.id, row.record);
      if (!write_status) break;
    }
    queue.give_back(std::move(batch));
  }
  if (!write_status) queue.cancel();  // the reader stops at its next batch
  reader.join();
  queue_ = nullptr;
  if (read_failure) std::rethrow_exception(read_failure);
  if (!write_status) return write_status;
  return read_status;
}

Result<ImportReport> Importer::run(std::istream& in) {
  bool discarded = false;
  const auto finish = [&](Status status) -> Status {
    if (!status) return status;
    if (!keeping_) {
      discarded = true;
      return Error::invalid_argument("bad rows: nothing is imported");  // rolls back
    }
    return Ok{};
  };
  Status status = Ok{};
  if (transactional_) {
    status = writer_.transaction([&] { return finish(read_and_write(in)); });
  } else {
    status = finish(read(in));
    if (status) status = writer_.transaction([&] { return write_held(); });
  }
  if (!status && !discarded) return std::move(status).error();
  if (discarded) imported_ = 0;
  return report();
}

}  // namespace

std::optional<DataFormat> format_from_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string extension(path.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "csv") return DataFormat::kCsv;
  if (extension == "jsonl" || extension == "ndjson") return DataFormat::kJsonLines;
  return std::nullopt;
}

std::string_view to_string(DataFormat format) noexcept { return format == DataFormat::kCsv ? "csv" : "jsonl"; }

std::vector<std::string> ImportReport::describe_errors() const {
  std::vector<std::string> out;
  for (const ImportIssue& issue : errors) {
    std::string text = "line " + std::to_string(issue.line);
    if (!issue.field.empty()) text += ", field " + issue.field;
    out.push_back(text + ": " + issue.message);
  }
  if (bad_rows > errors.size()) out.push_back("and " + std::to_string(bad_rows - errors.size()) + " more");
  return out;
}

Result<ImportReport> import_records(Database& database, std::string_view module, std::istream& in,
                                    const ImportOptions& options) {
  return guarded("the import", [&]() -> Result<ImportReport> {
    const ModuleDef* target = database.schema()->find_module(module);
    if (target == nullptr) {
      std::vector<std::string_view> names;
      for (const ModuleDef& m : database.schema()->modules()) names.emplace_back(m.name);
      const std::string close = closest_name(module, names);
      return Error::access_denied("the database has no module '" + std::string(module) + "'", {},
                                  close.empty() ? std::string() : "did you mean '" + close + "'?");
    }
    storage::Writer* writer = Internals::writer(database);
    if (writer == nullptr) return Error::invalid_argument("the database cannot be written");
    Importer importer(database, *writer, *target, options);
    return importer.run(in);
  });
}

}  // namespace vtql
