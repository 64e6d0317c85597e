// Replays the original parser's 240 recorded outcomes (vtiger-oracle.jsonl) after the deliberate deviations.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "vtql/engine.hpp"

namespace vtql {
namespace {

std::vector<nlohmann::json> read_jsonl(const std::string& name) {
  std::ifstream in(std::string(VTQL_CONFORMANCE_DIR) + "/" + name);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  }
  return records;
}

std::string oracle_code(const nlohmann::json& record) {
  const auto& outcome = record.at("outcome");
  return outcome.at("success").get<bool>() ? "OK" : outcome.at("error").at("code").get<std::string>();
}

class Conformance : public ::testing::Test {
 protected:
  void SetUp() override {
    oracle_ = read_jsonl("vtiger-oracle.jsonl");
    for (const auto& d : read_jsonl("deviations.jsonl")) deviations_[d.at("query")] = d;
  }
  std::vector<nlohmann::json> oracle_;
  std::map<std::string, nlohmann::json> deviations_;
};

TEST_F(Conformance, ReplaysEveryRecord) {
  ASSERT_EQ(oracle_.size(), 240U);
  const Engine engine;
  int parsed_compared = 0;
  for (std::size_t i = 0; i < oracle_.size(); ++i) {
    const auto& record = oracle_[i];
    const std::string query = record.at("query");
    SCOPED_TRACE("record " + std::to_string(i) + ": " + query);
    const auto deviation = deviations_.find(query);
    const std::string expected =
        deviation != deviations_.end() ? deviation->second.at("expect").get<std::string>() : oracle_code(record);
    const auto result = engine.check(query);
    const std::string actual = result.ok() ? "OK" : std::string(to_string(result.error().code));
    EXPECT_EQ(actual, expected) << (result.ok() ? std::string() : result.error().message);
    if (result.ok() && record.contains("parsed")) {
      EXPECT_EQ(nlohmann::json::parse(result->parsed_json()), record.at("parsed"));
      ++parsed_compared;
    }
  }
  EXPECT_EQ(parsed_compared, 136);
}

TEST_F(Conformance, EveryDeviationNamesARecordItChanges) {
  for (const auto& [query, deviation] : deviations_) {
    SCOPED_TRACE(query);
    const auto record =
        std::find_if(oracle_.begin(), oracle_.end(), [&](const nlohmann::json& r) { return r.at("query") == query; });
    ASSERT_NE(record, oracle_.end()) << "the deviation names no record";
    EXPECT_NE(oracle_code(*record), deviation.at("expect").get<std::string>()) << "the deviation changes nothing";
    EXPECT_FALSE(deviation.at("deviation").get<std::string>().empty());
  }
}

}  // namespace
}  // namespace vtql
