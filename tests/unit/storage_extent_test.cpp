// Extent files (src/huntdb/storage/extent_writer.cpp, extent_reader.cpp, extent_format.cpp):
// every type and encoding round trips, including nulls, empty strings and dynamic values, in
// tiny and large extents; a column is read without reading the others; damage is detected.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "huntdb/storage/extent_reader.h"
#include "huntdb/storage/extent_writer.h"
#include "huntdb/storage/fault_env.h"
#include "huntdb/storage/term_index.h"
#include "storage_test_util.h"

namespace huntdb::storage {
namespace {

using testing::all_types_table;
using testing::expect_same_rows;

WrittenExtent write(FaultEnv& env, const std::string& path, const Table& t, int64_t created = 5) {
  env.create_dirs("/ws");
  auto file = env.open_writable(path);
  WrittenExtent w = write_extent(*file, t.schema, t.batches, created);
  file->sync();
  file->close();
  return w;
}

Table read_all(const ExtentReader& r, const TableSchema& schema, size_t batch_rows = kBatchRows) {
  Table t;
  t.schema = schema;
  t.batches = r.read_batches(schema.columns, batch_rows);
  return t;
}

TEST(StorageExtent, EveryTypeRoundTripsWithNulls) {
  FaultEnv env;
  Table t = all_types_table(5000, 777);
  WrittenExtent w = write(env, "/ws/e", t, 42);
  auto r = ExtentReader::open(env, "/ws/e");
  EXPECT_EQ(r->rows(), 5000u);
  EXPECT_EQ(r->footer().created_ticks, 42);
  EXPECT_EQ(r->file_bytes(), w.file_bytes);
  expect_same_rows(t, read_all(*r, t.schema));
  // Other batch sizes cut the same rows differently.
  expect_same_rows(t, read_all(*r, t.schema, 333));
}

TEST(StorageExtent, EncodingsChosenPerColumn) {
  FaultEnv env;
  Table t = all_types_table(5000);
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  auto enc = [&](const char* name) { return r->footer().columns[r->column_index(name)].encoding; };
  EXPECT_EQ(enc("Computer"), ChunkEncoding::Dictionary);  // 20 distinct values
  EXPECT_EQ(enc("Text"), ChunkEncoding::Plain);           // unique per row
  EXPECT_EQ(enc("TimeGenerated"), ChunkEncoding::Integers);
  EXPECT_EQ(enc("I"), ChunkEncoding::Integers);
  EXPECT_EQ(enc("R"), ChunkEncoding::Plain);
  // Dictionary-encoded strings come back as a dictionary column, not as flat strings.
  auto computer = r->read_column(r->column_index("Computer"));
  ASSERT_FALSE(computer.empty());
  EXPECT_TRUE(computer[0]->is_dictionary());
  EXPECT_LE(computer[0]->dictionary().size(), 21u);
  auto text = r->read_column(r->column_index("Text"));
  EXPECT_TRUE(text[0]->is_flat());
  // Timestamps one second apart pack into about a byte per row or less.
  const ColumnMeta& time = r->footer().columns[r->column_index("TimeGenerated")];
  EXPECT_LT(time.size, 5000u);
}

// Free text is written without looking for repeats once its first rows are nearly all distinct;
// its term index and statistics must be those of its distinct values with their row counts, as
// for any other column, and its rows must come back as they were.
TEST(StorageExtent, MostlyUniqueTextIndexesAsItsDistinctValues) {
  const size_t rows = 6000;
  ColumnBuilder b(ScalarType::String);
  std::map<std::string, uint64_t> counts;
  for (size_t i = 0; i < rows; ++i) {
    // Every 7th row repeats an earlier message; every 50th ends in a term only it has (strict).
    std::string v = i % 7 == 6 ? "Process created: Image C:\\Windows\\cmd.exe Parent explorer.exe"
                               : "Logon event " + std::to_string(i * 7919) + " for user" + std::to_string(i % 300);
    if (i % 50 == 0) v += " rare" + std::to_string(i);
    b.append_string(v);
    ++counts[v];
  }
  std::vector<ColumnPtr> parts = {b.finish()};
  EncodedColumn e = encode_column(ScalarType::String, parts, rows);
  EXPECT_EQ(e.encoding, ChunkEncoding::Plain);
  TermIndexBuilder expected;
  for (const auto& [value, n] : counts) expected.add(value, n);
  EXPECT_EQ(e.term_index, expected.finish(rows));
  ASSERT_TRUE(e.stats.has_range);
  EXPECT_EQ(e.stats.min.as_string(), counts.begin()->first);
  EXPECT_EQ(e.stats.max.as_string(), counts.rbegin()->first);
  std::string raw = e.raw;  // the layout, then the values' bytes where they lie
  for (auto piece : e.raw_tail) raw += piece;
  EXPECT_EQ(raw.size(), e.raw_size());
  auto back = decode_column(ScalarType::String, raw, rows, rows);
  ASSERT_EQ(back.size(), 1u);
  for (size_t i = 0; i < rows; ++i) ASSERT_EQ(back[0]->string_at(i), parts[0]->string_at(i)) << i;
}

TEST(StorageExtent, StatisticsPerColumn) {
  FaultEnv env;
  Table t = all_types_table(1000, 100, 1, /*null_every=*/7);
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  // TimeGenerated is null where row % 7 == 0: rows 1..998 hold values, 0 and 994 do not.
  int64_t base = 1'700'000'000LL * 10'000'000;
  ASSERT_TRUE(r->min("TimeGenerated"));
  EXPECT_EQ(r->min("TimeGenerated")->as_long(), base + 1 * 10'000'000);
  EXPECT_EQ(r->max("TimeGenerated")->as_long(), base + 999 * 10'000'000LL);
  EXPECT_EQ(r->stats("TimeGenerated")->null_count, 143u);  // rows 0, 7, ..., 994
  ASSERT_TRUE(r->min("Computer"));
  EXPECT_EQ(r->min("Computer")->as_string(), "");  // empty strings are values, and sort first
  EXPECT_FALSE(r->min("G"));  // guids have no range
  EXPECT_FALSE(r->min("NoSuchColumn"));
  // min/max agree with the data.
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (const auto& b : t.batches)
    for (size_t i = 0; i < b.rows; ++i)
      if (!b.columns[2]->is_null(i)) lo = std::min(lo, b.columns[2]->ints()[i]), hi = std::max(hi, b.columns[2]->ints()[i]);
  EXPECT_EQ(r->min("I")->as_int(), lo);
  EXPECT_EQ(r->max("I")->as_int(), hi);
}

TEST(StorageExtent, TinyExtents) {
  for (size_t rows : {0u, 1u, 2u}) {
    FaultEnv env;
    Table t = all_types_table(rows, 1000, 9, 2);
    write(env, "/ws/e", t);
    auto r = ExtentReader::open(env, "/ws/e");
    EXPECT_EQ(r->rows(), rows);
    expect_same_rows(t, read_all(*r, t.schema));
  }
}

TEST(StorageExtent, AllNullAndAllEmptyColumns) {
  FaultEnv env;
  Table t = all_types_table(300, 64, 4, /*null_every=*/1);  // every cell null / empty
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  expect_same_rows(t, read_all(*r, t.schema));
  EXPECT_EQ(r->stats("L")->null_count, 300u);
  EXPECT_FALSE(r->min("L"));
  EXPECT_FALSE(r->may_contain_term("Text", "cmd"));
}

TEST(StorageExtent, LargeExtent) {
  FaultEnv env;
  Table t = all_types_table(200'000, kBatchRows, 11, 13);
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  expect_same_rows(t, read_all(*r, t.schema));
}

TEST(StorageExtent, DictionaryAndConstantInputColumns) {
  // Batches whose strings are dictionary-encoded (sharing one dictionary) or constant.
  ColumnBuilder d(ScalarType::String);
  for (const char* s : {"alpha", "beta", "gamma"}) d.append_string(s);
  ColumnPtr dict = d.finish();
  Table t;
  t.schema.columns = {{"S", ScalarType::String}, {"N", ScalarType::Long}};
  for (int b = 0; b < 3; ++b) {
    std::vector<uint32_t> codes;
    for (int i = 0; i < 100; ++i) codes.push_back(static_cast<uint32_t>((i + b) % 3));
    Batch batch;
    batch.rows = 100;
    batch.columns.push_back(b == 2 ? Column::make_constant(Value::of_string("delta"), 100) : Column::make_dictionary(dict, codes));
    batch.columns.push_back(b == 1 ? Column::make_constant(Value::null(ScalarType::Long), 100)
                                   : Column::make_constant(Value::of_long(b), 100));
    t.batches.push_back(batch);
  }
  FaultEnv env;
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  expect_same_rows(t, read_all(*r, t.schema));
  EXPECT_EQ(r->stats("N")->null_count, 100u);
}

TEST(StorageExtent, ReadsOnlyTheAskedColumn) {
  FaultEnv env;
  Table t = all_types_table(20'000, kBatchRows);
  write(env, "/ws/e", t);
  env.reset_bytes_read();
  auto r = ExtentReader::open(env, "/ws/e");
  uint64_t opening = env.bytes_read();
  const auto& footer = r->footer();
  EXPECT_LT(opening, 4096u);  // trailer + footer only
  int col = r->column_index("I");
  env.reset_bytes_read();
  auto cols = r->read_column(static_cast<size_t>(col));
  EXPECT_EQ(env.bytes_read(), footer.columns[col].size);  // exactly that chunk
  uint64_t file = r->file_bytes();
  EXPECT_LT(env.bytes_read() * 5, file);
  // A batch read of two columns touches those two chunks only.
  env.reset_bytes_read();
  std::vector<ColumnSchema> two = {{"Computer", ScalarType::String}, {"L", ScalarType::Long}};
  r->read_batches(two);
  EXPECT_EQ(env.bytes_read(), footer.columns[r->column_index("Computer")].size + footer.columns[r->column_index("L")].size);
}

TEST(StorageExtent, MissingColumnReadsAsNulls) {
  FaultEnv env;
  Table t = all_types_table(10);
  write(env, "/ws/e", t);
  auto r = ExtentReader::open(env, "/ws/e");
  std::vector<ColumnSchema> cols = {{"Added", ScalarType::Long}, {"AddedText", ScalarType::String}};
  auto batches = r->read_batches(cols);
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_TRUE(batches[0].columns[0]->is_null(3));
  EXPECT_EQ(batches[0].columns[1]->string_at(3), "");
  std::vector<ColumnSchema> wrong = {{"L", ScalarType::String}};
  EXPECT_THROW(r->read_batches(wrong), StorageError);
}

TEST(StorageExtent, DamageIsDetected) {
  Table t = all_types_table(2000);
  {
    FaultEnv env;
    write(env, "/ws/e", t);
    std::string& raw = env.raw_file("/ws/e");
    raw.resize(raw.size() - 7);  // a torn tail
    EXPECT_THROW(ExtentReader::open(env, "/ws/e"), StorageError);
  }
  {
    FaultEnv env;
    write(env, "/ws/e", t);
    auto r0 = ExtentReader::open(env, "/ws/e");
    uint64_t at = r0->footer().columns[3].offset + 10;
    env.raw_file("/ws/e")[at] ^= 0x55;  // a flipped byte inside column L
    auto r = ExtentReader::open(env, "/ws/e");
    EXPECT_THROW(r->read_column(3), StorageError);
    EXPECT_NO_THROW(r->read_column(2));  // other columns stay readable
  }
  {
    FaultEnv env;
    write(env, "/ws/e", t);
    std::string& raw = env.raw_file("/ws/e");
    raw[raw.size() - 30] ^= 1;  // inside the footer
    EXPECT_THROW(ExtentReader::open(env, "/ws/e"), StorageError);
  }
}

TEST(StorageExtent, RealFilesThroughMmap) {
  // The POSIX filesystem: written with write/fdatasync, read through mmap.
  std::string dir = ::testing::TempDir() + "huntdb_extent_test";
  Env& env = posix_env();
  env.create_dirs(dir);
  std::string path = join_path(dir, "e.hdbx");
  Table t = all_types_table(3000);
  {
    auto f = env.open_writable(path);
    write_extent(*f, t.schema, t.batches, 1);
    f->sync();
    f->close();
  }
  auto r = ExtentReader::open(env, path);
  Table back;
  back.schema = t.schema;
  back.batches = r->read_batches(t.schema.columns);
  expect_same_rows(t, back);
  env.remove(path);
}

}  // namespace
}  // namespace huntdb::storage
