// The manifest (src/huntdb/storage/manifest.cpp): its text round trips, damage is refused, and
// its swap is atomic: a crash at any call of a store leaves the old or the new manifest whole.
#include <gtest/gtest.h>

#include <cstdio>

#include "huntdb/storage/extent_format.h"
#include "huntdb/storage/fault_env.h"
#include "huntdb/storage/manifest.h"

namespace huntdb::storage {
namespace {

Manifest sample(uint64_t generation, size_t extents) {
  Manifest m;
  m.generation = generation;
  m.next_extent_id = 100 + extents;
  TableRecord t;
  t.name = "SecurityEvent";
  t.schema.columns = {{"TimeGenerated", ScalarType::DateTime}, {"Account", ScalarType::String}, {"Extra", ScalarType::Dynamic}};
  t.retention.soft_delete_ticks = 864'000'000'000LL;
  for (size_t i = 0; i < extents; ++i)
    t.extents.push_back(ExtentInfo{i + 1, 1000 * i, 4096 + i, int64_t(10 * i), i % 2 ? std::nullopt : std::optional<int64_t>(20 * i), 7});
  m.tables.push_back(t);
  m.tables.push_back(TableRecord{"Empty", {}, {}, {}});
  return m;
}

TEST(StorageManifest, TextRoundTrips) {
  Manifest m = sample(3, 5);
  Manifest back = Manifest::parse(m.serialize());
  EXPECT_EQ(back.generation, 3u);
  EXPECT_EQ(back.next_extent_id, 105u);
  ASSERT_EQ(back.tables.size(), 2u);
  EXPECT_EQ(back.tables[0].name, "SecurityEvent");
  EXPECT_EQ(back.tables[0].schema.columns.size(), 3u);
  EXPECT_EQ(back.tables[0].schema.columns[2].type, ScalarType::Dynamic);
  EXPECT_EQ(back.tables[0].retention, m.tables[0].retention);
  EXPECT_EQ(back.tables[0].extents, m.tables[0].extents);
  EXPECT_EQ(back.tables[1].name, "Empty");
  EXPECT_FALSE(back.tables[1].retention.soft_delete_ticks);
}

TEST(StorageManifest, StoredFunctionsRoundTrip) {
  Manifest m = sample(4, 1);
  m.functions.push_back({"Logons", "(since:timespan = 1d)", "{ SecurityEvent | where EventID == 4624 }", "Hunts", "4624s"});
  m.functions.push_back({"Empty", "()", "{ print 1 }", "", ""});
  Manifest back = Manifest::parse(m.serialize());
  EXPECT_EQ(back.functions, m.functions);
  ASSERT_NE(back.find_function("Logons"), nullptr);
  EXPECT_EQ(back.find_function("Logons")->folder, "Hunts");
  EXPECT_EQ(back.find_function("Nope"), nullptr);
}

TEST(StorageManifest, ManifestsWithoutFunctionsStillOpen) {
  // A manifest written before stored functions existed has no "functions" key.
  std::string body = R"({"version": 1, "generation": 2, "next_extent_id": 1, "tables": []})";
  char head[96];
  std::snprintf(head, sizeof head, "huntdb-manifest %zu %08x\n", body.size(), crc32_of(body));
  Manifest back = Manifest::parse(head + body);
  EXPECT_EQ(back.generation, 2u);
  EXPECT_TRUE(back.functions.empty());
}

TEST(StorageManifest, DamageIsRefused) {
  std::string text = sample(1, 2).serialize();
  std::string flipped = text;
  flipped[text.size() / 2] ^= 0x20;
  EXPECT_THROW(Manifest::parse(flipped), StorageError);
  EXPECT_THROW(Manifest::parse(text.substr(0, text.size() - 1)), StorageError);
  EXPECT_THROW(Manifest::parse(""), StorageError);
}

TEST(StorageManifest, SwapIsAtomicAtEveryCall) {
  // Count the calls of one store, then crash at each of them in turn.
  int64_t calls = 0;
  {
    FaultEnv env;
    env.create_dirs("/ws");
    store_manifest(env, "/ws", sample(1, 1));
    int64_t before = env.mutating_calls();
    store_manifest(env, "/ws", sample(2, 3));
    calls = env.mutating_calls() - before;
  }
  ASSERT_GE(calls, 5);  // open, append, sync, close, rename, sync dir
  for (int64_t crash = 0; crash <= calls; ++crash) {
    FaultEnv env;
    env.create_dirs("/ws");
    store_manifest(env, "/ws", sample(1, 1));
    env.crash_after(crash);
    bool finished = true;
    try {
      store_manifest(env, "/ws", sample(2, 3));
    } catch (const StorageError&) {
      finished = false;
    }
    env.restart();
    auto m = load_manifest(env, "/ws");
    ASSERT_TRUE(m) << "crash at call " << crash;
    ASSERT_TRUE(m->generation == 1 || m->generation == 2) << "crash at call " << crash;
    EXPECT_EQ(m->tables[0].extents.size(), m->generation == 1 ? 1u : 3u);
    if (finished) {
      EXPECT_EQ(m->generation, 2u) << "a finished store is durable";
    }
  }
}

TEST(StorageManifest, FsyncFailureKeepsTheOldManifest) {
  FaultEnv env;
  env.create_dirs("/ws");
  store_manifest(env, "/ws", sample(1, 1));
  env.fail_sync(0);  // the new manifest's fsync fails: it must not replace the old one
  bool renamed = true;
  EXPECT_THROW(store_manifest(env, "/ws", sample(2, 2), &renamed), StorageError);
  EXPECT_FALSE(renamed);
  EXPECT_EQ(load_manifest(env, "/ws")->generation, 1u);
}

TEST(StorageManifest, NoManifestYet) {
  FaultEnv env;
  env.create_dirs("/ws");
  EXPECT_FALSE(load_manifest(env, "/ws"));
}

}  // namespace
}  // namespace huntdb::storage
