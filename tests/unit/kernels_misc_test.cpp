// new_guid's kernel (functions/kernels/misc.cpp): random RFC 4122 version-4 guids, never folded
// into a constant.
#include <gtest/gtest.h>

#include <set>

#include "huntdb/functions/registry.h"

namespace huntdb::functions {
namespace {

TEST(MiscKernels, NewGuidIsRandomVersion4) {
  const FunctionInfo* f = Registry::builtins().scalar("new_guid");
  ASSERT_TRUE(f);
  ASSERT_TRUE(f->kernel);
  EXPECT_FALSE(f->deterministic);
  KernelContext ctx;
  KernelArgs args{{}, 50, ScalarType::Guid, &ctx};
  ColumnPtr c = f->kernel(args);
  ASSERT_EQ(c->size(), 50u);
  std::set<Guid> seen;
  for (size_t i = 0; i < c->size(); ++i) {
    const Guid& g = c->guids()[i];
    EXPECT_EQ(g.bytes[6] >> 4, 4);           // version 4
    EXPECT_EQ(g.bytes[8] & 0xC0, 0x80);      // RFC 4122 variant
    seen.insert(g);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace huntdb::functions
