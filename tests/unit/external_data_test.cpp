// externaldata end to end: addresses served by a real HTTP server on the loopback interface and
// local files, read in each supported format and typed by the declared schema.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <thread>

#include <zlib.h>

#include "huntdb/engine.h"
#include "huntdb/types/format.h"

namespace huntdb {
namespace {

std::string gzip(const std::string& text) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, text.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

class ExternalDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/iocs.csv", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("Ip,Score,Seen\n10.0.0.1,90,2024-01-01T00:00:00Z\n\"10.0.0.2\",75,\n", "text/csv");
    });
    server_.Get("/iocs.csv.gz", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(gzip("10.0.0.3,60,2024-02-01T00:00:00Z\n"), "application/gzip");
    });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/iocs.csv"); });
    server_.Get("/events.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"Account\":\"alice\",\"Count\":3,\"Tags\":[1,2]}\n{\"Account\":\"bob\"}\n", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // The result as lines of cells joined by '|', or the error.
  std::vector<std::string> rows(const std::string& query) {
    QueryResult r = engine_.run(query);
    if (!r.ok()) return {"error: " + r.errors.front().message};
    std::vector<std::string> out;
    for (const auto& b : r.tables[0].table->batches)
      for (size_t i = 0; i < b.rows; ++i) {
        std::string line;
        for (size_t c = 0; c < b.columns.size(); ++c) line += (c ? "|" : "") + format_value(b.columns[c]->value_at(i));
        out.push_back(line);
      }
    return out;
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  Engine engine_;
};

TEST_F(ExternalDataTest, CsvOverHttpWithHeaderSkippedAndTypes) {
  auto r = rows("externaldata(Ip:string, Score:long, Seen:datetime)[@'" + url("/iocs.csv") +
                "'] with (format='csv', ignoreFirstRecord=true) | extend s = Score + 1");
  EXPECT_EQ(r, (std::vector<std::string>{"10.0.0.1|90|2024-01-01T00:00:00Z|91", "10.0.0.2|75||76"}));
}

TEST_F(ExternalDataTest, SeveralAddressesGzipRedirectsAndConnectionOptions) {
  auto r = rows("externaldata(Ip:string, Score:long, Seen:datetime)[h@'" + url("/iocs.csv.gz") + ";impersonate', '" +
                url("/moved") + "'] | where Ip != 'Ip' | summarize count(), max(Score)");
  EXPECT_EQ(r, (std::vector<std::string>{"3|90"}));
}

TEST_F(ExternalDataTest, JsonLinesByPropertyName) {
  auto r = rows("externaldata(Count:int, Account:string, Tags:dynamic)['" + url("/events.json") +
                "'] with (format=json)");
  EXPECT_EQ(r, (std::vector<std::string>{"3|alice|[1,2]", "|bob|"}));
}

TEST_F(ExternalDataTest, HttpErrorsAndUnsupportedFormatsSayWhich) {
  auto missing = rows("externaldata(x:string)['" + url("/nothing.csv") + "']");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("answered HTTP 404"), std::string::npos) << missing[0];
  auto unreachable = rows("externaldata(x:string)['http://127.0.0.1:1/x.csv']");
  EXPECT_NE(unreachable[0].find("cannot be fetched"), std::string::npos) << unreachable[0];
  auto parquet = rows("externaldata(x:string)['" + url("/iocs.csv") + "'] with (format=parquet)");
  EXPECT_NE(parquet[0].find("'parquet' is not supported"), std::string::npos) << parquet[0];
  auto blob = rows("externaldata(x:string)['abfss://c@account.dfs.core.windows.net/x.csv']");
  EXPECT_NE(blob[0].find("abfss storage is not supported"), std::string::npos) << blob[0];
}

TEST_F(ExternalDataTest, LocalFilesAsTextAndMultiJson) {
  std::string dir = ::testing::TempDir();
  std::ofstream(dir + "lines.txt") << "first line\nsecond, with comma\n";
  std::ofstream(dir + "many.json") << "[{\"a\": 1}, {\"a\": 2}]\n{\n  \"a\": 3\n}\n";
  EXPECT_EQ(rows("externaldata(Line:string)['file://" + dir + "lines.txt'] with (format=txt)"),
            (std::vector<std::string>{"first line", "second, with comma"}));
  EXPECT_EQ(rows("externaldata(a:long)['" + dir + "many.json'] with (format=multijson) | summarize sum(a)"),
            (std::vector<std::string>{"6"}));
}

}  // namespace
}  // namespace huntdb
