// When the row order of a docs example's result counts: Kusto's serialized row sets.
#include "output_order.h"

#include <gtest/gtest.h>

namespace huntdb::conformance {
namespace {

TEST(OutputOrder, SerializedRowSetsAreOrdered) {
  EXPECT_EQ(ordered_results("range x from 1 to 3 step 1"), std::vector<bool>{true});
  EXPECT_EQ(ordered_results("T | sort by x | extend y = 1 | project y | take 2"), std::vector<bool>{true});
  EXPECT_EQ(ordered_results("T | top 3 by x"), std::vector<bool>{true});
  EXPECT_EQ(ordered_results("T | serialize | where x > 1"), std::vector<bool>{true});
  EXPECT_EQ(ordered_results("(T | order by x asc) | mv-expand y"), std::vector<bool>{true});
}

TEST(OutputOrder, OtherRowSetsAreNot) {
  EXPECT_EQ(ordered_results("datatable(x:int)[1, 2] | extend y = x"), std::vector<bool>{false});
  EXPECT_EQ(ordered_results("T | sort by x | summarize count() by x"), std::vector<bool>{false});
  EXPECT_EQ(ordered_results("range x from 1 to 3 step 1 | join (T) on x"), std::vector<bool>{false});
  EXPECT_EQ(ordered_results("union (range x from 1 to 3 step 1), (T)"), std::vector<bool>{false});
  EXPECT_EQ(ordered_results("T | sort by x | distinct x"), std::vector<bool>{false});
}

TEST(OutputOrder, LetNamesAreFollowedAndEachResultCounts) {
  EXPECT_EQ(ordered_results("let R = range x from 1 to 3 step 1; R | where x > 1"), std::vector<bool>{true});
  EXPECT_EQ(ordered_results("let D = datatable(x:int)[1]; D | project x"), std::vector<bool>{false});
  EXPECT_EQ(ordered_results("let A = T | sort by x; A; T"), (std::vector<bool>{true, false}));
}

}  // namespace
}  // namespace huntdb::conformance
