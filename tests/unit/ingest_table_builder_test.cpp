// Batch assembly: fixed-size batches, unset cells null (empty for strings), columns no row set
// stored as constants, low-cardinality strings dictionary-encoded, text converted to column types.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/log_source.h"
#include "huntdb/ingest/table_builder.h"
#include "huntdb/types/format.h"

namespace huntdb::ingest {
namespace {

TableSchema schema() {
  TableSchema s;
  s.columns = {{"When", ScalarType::DateTime}, {"Name", ScalarType::String}, {"N", ScalarType::Int},
               {"Big", ScalarType::Long},      {"Unused", ScalarType::String}, {"Bag", ScalarType::Dynamic},
               {"CommandLine", ScalarType::String}};
  return s;
}

struct Sink {
  std::vector<Batch> batches;
  BatchSink fn() {
    return [this](const std::string& table, const TableSchema& s, Batch b) {
      EXPECT_EQ(table, "T");
      EXPECT_EQ(s.columns.size(), 7u);
      batches.push_back(std::move(b));
    };
  }
  // The single batch sent so far, which must hold `rows` rows.
  const Batch& only(size_t rows) {
    EXPECT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches.at(0).rows, rows);
    return batches.at(0);
  }
};

TEST(IngestTableBuilder, BatchesOfTheGivenSize) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn(), 100);
  for (int i = 0; i < 250; ++i) {
    t.set_string(1, i % 2 ? "odd" : "even");
    t.set_int(2, i);
    t.end_row();
  }
  EXPECT_EQ(sink.batches.size(), 2u);
  t.flush();
  ASSERT_EQ(sink.batches.size(), 3u);
  EXPECT_EQ(sink.batches[0].rows, 100u);
  EXPECT_EQ(sink.batches[1].rows, 100u);
  EXPECT_EQ(sink.batches[2].rows, 50u);
  EXPECT_EQ(t.total_rows(), 250u);
  for (const auto& b : sink.batches)
    for (const auto& c : b.columns) EXPECT_EQ(c->size(), b.rows);
  const Batch& b = sink.batches[2];
  EXPECT_EQ(b.columns[2]->value_at(0).type, ScalarType::Int);
  EXPECT_EQ(format_value(b.columns[2]->value_at(49)), "249");
  // Two distinct names: dictionary-encoded.
  EXPECT_TRUE(sink.batches[0].columns[1]->is_dictionary());
  EXPECT_EQ(format_value(sink.batches[0].columns[1]->value_at(3)), "odd");
  // Never set: one constant per batch.
  EXPECT_TRUE(b.columns[4]->is_constant());
  EXPECT_EQ(format_value(b.columns[4]->value_at(7)), "");
  EXPECT_TRUE(b.columns[0]->is_constant());
  EXPECT_TRUE(b.columns[0]->is_null(0));
  t.flush();  // nothing more to send
  EXPECT_EQ(sink.batches.size(), 3u);
}

TEST(IngestTableBuilder, SparseColumnsAndConversions) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());
  t.set_text(0, "2021-06-11T09:07:15.635Z");
  t.set_text(2, "0x10");
  t.set_text(3, "-12345678901");
  t.set_text(5, R"({"a":1})");
  t.set_text(6, "cmd.exe /c whoami");
  t.end_row();
  t.set_text(2, "not a number");
  t.set_text(0, "yesterday");
  t.end_row();
  t.set_string(1, "third");
  t.set_string(1, "ignored: the first value of a row wins");
  t.end_row();
  t.flush();
  ASSERT_EQ(sink.batches.size(), 1u);
  const Batch& b = sink.batches[0];
  ASSERT_EQ(b.rows, 3u);
  EXPECT_EQ(format_value(b.columns[0]->value_at(0)), "2021-06-11T09:07:15.635Z");
  EXPECT_TRUE(b.columns[0]->is_null(1));
  EXPECT_TRUE(b.columns[0]->is_null(2));
  EXPECT_EQ(format_value(b.columns[2]->value_at(0)), "16");
  EXPECT_TRUE(b.columns[2]->is_null(1));
  EXPECT_EQ(format_value(b.columns[3]->value_at(0)), "-12345678901");
  EXPECT_EQ(format_value(b.columns[5]->value_at(0)), R"({"a":1})");
  EXPECT_TRUE(b.columns[5]->is_null(1));
  EXPECT_EQ(format_value(b.columns[1]->value_at(0)), "");
  EXPECT_EQ(format_value(b.columns[1]->value_at(2)), "third");
  EXPECT_EQ(format_value(b.columns[6]->value_at(0)), "cmd.exe /c whoami");
  EXPECT_EQ(format_value(b.columns[6]->value_at(2)), "");
}

TEST(IngestTableBuilder, FreeTextIsNotDictionaryEncoded) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());
  for (int i = 0; i < 1000; ++i) {
    t.set_string(6, i % 2 ? "same" : "other");  // CommandLine: free text by nature
    t.set_string(1, "host");
    t.end_row();
  }
  t.flush();
  EXPECT_TRUE(sink.batches[0].columns[6]->is_flat());
  EXPECT_TRUE(sink.batches[0].columns[1]->is_dictionary());
}

TEST(IngestTableBuilder, StringsComposedInPlace) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());
  t.begin_string(6).append("cmd.exe ").append("/c whoami");  // CommandLine, in the column's bytes
  t.end_string(6);
  t.begin_string(2).append("42");  // N is an int: the text is converted as set_text converts
  t.end_string(2);
  t.end_row();
  t.set_string(6, "set first");
  t.begin_string(6).append("ignored: the first value of a row wins");
  t.end_string(6);
  t.begin_string(-1).append("a column the schema lacks: dropped");
  t.end_string(-1);
  t.end_row();
  t.end_row();  // a row that leaves it unset: empty, and the next row's value still lands right
  t.begin_string(6).append(std::string(100000, 'x'));  // longer than the room made ahead
  t.end_string(6);
  t.end_row();
  t.flush();
  const Batch& b = sink.only(4);
  EXPECT_EQ(format_value(b.columns[6]->value_at(0)), "cmd.exe /c whoami");
  EXPECT_EQ(format_value(b.columns[6]->value_at(1)), "set first");
  EXPECT_EQ(format_value(b.columns[6]->value_at(2)), "");
  EXPECT_EQ(format_value(b.columns[6]->value_at(3)), std::string(100000, 'x'));
  EXPECT_EQ(format_value(b.columns[2]->value_at(0)), "42");
  EXPECT_TRUE(b.columns[2]->is_null(1));
}

TEST(IngestTableBuilder, ABatchEndsOnceAColumnHoldsItsShareOfText) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());  // 64K rows a batch: text ends them far sooner
  const std::string value(100 * 1024, 'x');
  const size_t rows = 300;  // 30 MB of text in all
  for (size_t i = 0; i < rows; ++i) {
    t.begin_string(6).append(value);
    t.end_string(6);
    t.set_int(2, static_cast<int32_t>(i));
    t.end_row();
  }
  t.flush();
  ASSERT_GE(sink.batches.size(), 3u);
  size_t seen = 0;
  for (const auto& b : sink.batches) {
    // Checked every 64 rows: a batch ends within 64 rows of passing the bound.
    EXPECT_LE(b.columns[6]->string_bytes().size(), kMaxBatchStringBytes + 64 * value.size());
    for (size_t r = 0; r < b.rows; ++r) EXPECT_EQ(b.columns[2]->value_at(r).as_int(), static_cast<int32_t>(seen + r));
    seen += b.rows;
  }
  EXPECT_EQ(seen, rows);
}

TEST(IngestTableBuilder, DictionaryCodesOfRunsAndRepeats) {
  // Runs of one value take the code of the row before; values that come back after others take
  // their first code: both must decode to the rows as set.
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());
  std::vector<std::string> want;
  for (int i = 0; i < 300; ++i) {
    std::string v = i % 50 < 30 ? "host-a" : (i % 7 == 0 ? "host-b" : "host-c");
    if (i % 11 == 0) v.clear();
    want.push_back(v);
    if (!v.empty()) t.set_string(1, v);
    t.end_row();
  }
  t.flush();
  const Column& c = *sink.batches[0].columns[1];
  EXPECT_TRUE(c.is_dictionary());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(c.string_at(i), want[i]) << "row " << i;
}

TEST(IngestTableBuilder, NullsPaddedInBulkForEveryType) {
  Sink sink;
  TableBuilder t("T", schema(), sink.fn());
  for (int i = 0; i < 10; ++i) t.end_row();
  t.set_text(0, "2021-06-11T09:07:15Z");
  t.set_int(2, 7);
  t.set_long(3, 8);
  t.set_text(5, "[1]");
  t.set_string(6, "late");
  t.end_row();
  t.end_row();
  t.flush();
  const Batch& b = sink.only(12);
  for (int c : {0, 2, 3, 5, 6}) {
    ASSERT_EQ(b.columns[c]->size(), 12u) << "column " << c;
    for (size_t r : {size_t{0}, size_t{9}, size_t{11}})
      EXPECT_EQ(format_value(b.columns[c]->value_at(r)), "") << "column " << c << " row " << r;
    EXPECT_NE(format_value(b.columns[c]->value_at(10)), "") << "column " << c;
  }
  EXPECT_TRUE(b.columns[2]->is_null(9));
  EXPECT_FALSE(b.columns[2]->is_null(10));
  EXPECT_EQ(format_value(b.columns[6]->value_at(10)), "late");
}

TEST(IngestLogSource, FormatFromTheFirstBytes) {
  auto detect = [](std::string_view s) {
    return detect_log_format(std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(s.data()), s.size()));
  };
  EXPECT_EQ(detect(std::string_view("ElfFile\0\0\0\0\0", 12)), LogFormat::Evtx);
  EXPECT_EQ(detect("{\"EventID\": 1}\n"), LogFormat::JsonLines);
  EXPECT_EQ(detect("\xEF\xBB\xBF  \r\n{\"a\":1}"), LogFormat::JsonLines);
  EXPECT_EQ(detect(""), LogFormat::JsonLines);  // empty: no records
  EXPECT_EQ(detect("TimeGenerated [UTC],Computer\n"), LogFormat::Csv);
  EXPECT_EQ(detect(std::string_view("MZ\x90\0\x03", 5)), LogFormat::Unknown);
  EXPECT_EQ(log_format_name(LogFormat::Evtx), "evtx");
  EXPECT_EQ(detect_log_format(std::string("/nonexistent/file")), LogFormat::Unknown);
}

}  // namespace
}  // namespace huntdb::ingest
