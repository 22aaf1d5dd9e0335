// The optimizer's rewrites (checked on the plans it prints) and its soundness: every query gives
// the same rows with and without optimization.
#include <gtest/gtest.h>

#include "huntdb/engine.h"
#include "huntdb/types/format.h"

namespace huntdb {
namespace {

class PlanOptimizer : public ::testing::Test {
 protected:
  void SetUp() override {
    add("Events",
        "datatable(TimeGenerated:datetime, Computer:string, Account:string, Process:string, EventID:int)["
        "datetime(2018-04-24 02:00), 'SRV01', 'admin', 'regedit.exe', 4688,"
        "datetime(2018-04-24 02:03), 'SRV01', 'admin', 'portping.exe', 4688,"
        "datetime(2018-04-20 10:00), 'WS7', 'bob', '-', 4624,"
        "datetime(2018-03-01 10:00), 'srv02', 'carol', 'cmd.exe', 4688]");
    add("Alerts", "datatable(Computer:string, AlertName:string)['SRV01', 'RDP', 'SRV01', 'Scan', 'WS9', 'x']");
  }

  void add(const std::string& name, const std::string& query) {
    QueryResult r = engine.run(query);
    ASSERT_TRUE(r.ok()) << r.errors[0].message;
    engine.add_table(name, r.tables[0].table);
  }

  std::string explain(const std::string& q) {
    RunOptions o;
    o.explain_only = true;
    QueryResult r = engine.run(q, o);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    return r.explain;
  }

  static std::vector<std::string> rows(const QueryResult& r) {
    std::vector<std::string> out;
    for (const auto& t : r.tables)
      for (const auto& b : t.table->batches)
        for (size_t i = 0; i < b.rows; ++i) {
          std::string row;
          for (const auto& c : b.columns) row += format_value(c->value_at(i)) + "|";
          out.push_back(row);
        }
    return out;
  }

  Engine engine;
};

TEST_F(PlanOptimizer, FiltersMoveBelowProjectionsAndMergeIntoScanBounds) {
  std::string p = explain(
      "Events | extend P = strcat(Process, '') | where TimeGenerated >= datetime(2018-04-01) | where Computer == 'SRV01'");
  // The filter is now directly above the scan, with both conditions, and the scan has bounds.
  EXPECT_NE(p.find("Project"), std::string::npos) << p;
  size_t project = p.find("Project"), filter = p.find("Filter"), scan = p.find("TableScan");
  EXPECT_LT(project, filter) << p;
  EXPECT_LT(filter, scan) << p;
  EXPECT_NE(p.find("where #0 >= datetime(2018-04-01"), std::string::npos) << p;
  EXPECT_NE(p.find("where #1 == \"SRV01\""), std::string::npos) << p;
}

TEST_F(PlanOptimizer, FiltersOnComputedColumnsStayAbove) {
  std::string p = explain("Events | extend P = strcat(Process, 'x') | where P == 'cmd.exex'");
  EXPECT_LT(p.find("Filter"), p.find("Project")) << p;
}

TEST_F(PlanOptimizer, FiltersGoIntoEveryUnionInput) {
  std::string p = explain("union Events, Alerts | where Computer == 'SRV01'");
  size_t first = p.find("Filter");
  ASSERT_NE(first, std::string::npos) << p;
  EXPECT_NE(p.find("Filter", first + 1), std::string::npos) << p;
  EXPECT_LT(p.find("Union"), first) << p;
}

TEST_F(PlanOptimizer, InnerUniqueJoinKeepsItsFilterAbove) {
  // Filtering the left side first could change which row innerunique keeps for a key.
  std::string unique = explain("Events | join (Alerts) on Computer | where Account == 'admin'");
  EXPECT_LT(unique.find("Filter"), unique.find("Join")) << unique;
  std::string inner = explain("Events | join kind=inner (Alerts) on Computer | where Account == 'admin'");
  EXPECT_LT(inner.find("Join"), inner.find("Filter")) << inner;
}

TEST_F(PlanOptimizer, ScansReadOnlyWhatIsUsed) {
  std::string p = explain("Events | where EventID == 4688 | summarize count() by Computer");
  EXPECT_NE(p.find("read=[1,4]"), std::string::npos) << p;
}

TEST_F(PlanOptimizer, BetweenBecomesARange) {
  std::string p = explain("Events | where TimeGenerated between (datetime(2018-04-24) .. 1d)");
  EXPECT_NE(p.find(">= datetime(2018-04-24T00:00:00"), std::string::npos) << p;
  EXPECT_NE(p.find("<= datetime(2018-04-25T00:00:00"), std::string::npos) << p;
}

TEST_F(PlanOptimizer, OptimizedPlansGiveTheSameRows) {
  const char* queries[] = {
      "Events | extend P = EventID * 2 | where TimeGenerated >= datetime(2018-04-01) | where Computer == 'SRV01'",
      "Events | extend P = EventID * 2 | where P > 9000 and Account != 'bob'",
      "union Events, Alerts | where Computer == 'SRV01' | project Computer, EventID, AlertName",
      "Events | join kind=inner (Alerts) on Computer | where Account == 'admin' | project Process, AlertName",
      "Events | join (Alerts) on Computer | where Account == 'admin' | project Process, AlertName",
      "Events | summarize n = count() by Computer | where Computer != 'WS7'",
      "Events | sort by TimeGenerated asc | where EventID == 4688 | project TimeGenerated",
      "Events | where TimeGenerated between (datetime(2018-04-20) .. 5d) | count",
      "Events | project-away Account | where Process has 'exe' | project Computer",
  };
  for (const char* q : queries) {
    RunOptions plain;
    plain.optimize = false;
    QueryResult a = engine.run(q), b = engine.run(q, plain);
    ASSERT_TRUE(a.ok()) << q << ": " << a.errors[0].message;
    ASSERT_TRUE(b.ok()) << q << ": " << b.errors[0].message;
    EXPECT_EQ(rows(a), rows(b)) << q;
  }
}

}  // namespace
}  // namespace huntdb
