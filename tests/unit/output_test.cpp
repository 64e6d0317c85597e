// The one JSON writer, CSV writer and webservice envelope: escapes, invalid UTF-8, NULL against '', positions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "vtql/engine.hpp"
#include "vtql/output.hpp"

namespace vtql {
namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(json_string(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(json_string(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(json_string("Müller Νίκος 東京 😀"), "\"Müller Νίκος 東京 😀\"");
}

TEST(JsonWriter, InvalidUtf8BecomesOneReplacementPerBrokenSequence) {
  const std::string kReplacement = "\xEF\xBF\xBD";
  EXPECT_EQ(json_string("a\xFFz"), "\"a" + kReplacement + "z\"");                 // a byte that starts nothing
  EXPECT_EQ(json_string("a\xE2\x82z"), "\"a" + kReplacement + "z\"");             // a cut-off sequence
  EXPECT_EQ(json_string("\xC3"), "\"" + kReplacement + "\"");                     // cut off at the end
  EXPECT_EQ(json_string("\xED\xA0\x80"), "\"" + kReplacement + "\"");             // an encoded surrogate
  EXPECT_EQ(json_string("\x80\x80"), "\"" + kReplacement + kReplacement + "\"");  // lone continuation bytes
  // Whatever the bytes, the output parses as JSON.
  for (int b = 0; b < 256; ++b) {
    const std::string text = "x" + std::string(1, static_cast<char>(b)) + "\xC3\xA9";
    EXPECT_FALSE(nlohmann::json::parse(json_string(text), nullptr, false).is_discarded()) << b;
  }
}

TEST(CsvWriter, NullAndEmptyStringReadBackApart) {
  std::string out;
  const std::optional<std::string_view> values[] = {std::nullopt,
                                                    std::string_view(""),
                                                    std::string_view("a,b"),
                                                    std::string_view("say \"hi\""),
                                                    std::string_view("x\ny"),
                                                    std::string_view("plain")};
  append_csv_record(out, values);
  EXPECT_EQ(out, ",\"\",\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",plain\r\n");
}

TEST(Envelope, SuccessAndErrorShapes) {
  EXPECT_EQ(success_envelope("[]"), "{\"success\":true,\"result\":[]}");
  const Error error = Error::syntax("expected a value", {9, 1}, "quote it");
  EXPECT_EQ(error_envelope(error),
            "{\"success\":false,\"error\":{\"code\":\"QUERY_SYNTAX_ERROR\",\"message\":\"expected a value\","
            "\"hint\":\"quote it\"}}");
  const auto positioned = nlohmann::json::parse(error_json(error, std::string_view("SELECT\n  é x")));
  EXPECT_EQ(positioned["offset"], 9);
  EXPECT_EQ(positioned["line"], 2);
  EXPECT_EQ(positioned["column"], 3);  // counted in characters: 'é' is two bytes
  EXPECT_EQ(positioned["hint"], "quote it");
  EXPECT_TRUE(nlohmann::json::parse(error_json(Error::io("gone"), std::string_view("q")))["hint"].is_null());
  EXPECT_EQ(error_json(Error::io("gone")), "{\"code\":\"IO_ERROR\",\"message\":\"gone\"}");
}

TEST(Envelope, QueryAnswerMatchesTheResult) {
  const Engine engine;
  const auto answer = nlohmann::json::parse(query_envelope(engine.query("SELECT count(*) FROM Contacts;"), ""));
  EXPECT_EQ(answer["success"], true);
  EXPECT_EQ(answer["result"][0]["count"], "0");
  const std::string bad = "SELECT * FROM Contacts WHERE;";
  const auto failed = nlohmann::json::parse(query_envelope(engine.query(bad), bad));
  EXPECT_EQ(failed["success"], false);
  EXPECT_EQ(failed["error"]["code"], "QUERY_SYNTAX_ERROR");
  EXPECT_EQ(failed["error"]["column"], 29);
}

TEST(RowWriters, JsonAndCsvStreams) {
  JsonRowWriter json;
  EXPECT_EQ(json.finish(), "[]");
  json.begin({"a", "b"});
  const std::optional<std::string_view> row[] = {std::string_view("1"), std::nullopt};
  json.row(row);
  EXPECT_EQ(json.finish(), "[{\"a\":\"1\",\"b\":null}]");
  json.row(row);  // after finish, rows go on
  EXPECT_EQ(json.finish(), "[{\"a\":\"1\",\"b\":null},{\"a\":\"1\",\"b\":null}]");
  EXPECT_EQ(json.rows(), 2u);

  CsvRowWriter csv;
  csv.begin({"a", "b"});
  csv.row(row);
  EXPECT_EQ(csv.text(), "a,b\r\n1,\r\n");
}

}  // namespace
}  // namespace vtql
