// Tokens and roles, CORS origins, and static file paths (src/huntdb/server/auth.cpp, cors.cpp,
// static_files.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "huntdb/server/auth.h"
#include "huntdb/server/cors.h"
#include "huntdb/server/static_files.h"

namespace huntdb::server {
namespace {

TEST(ServerAuth, TokensFromFileAndList) {
  TokenSet t;
  EXPECT_FALSE(parse_token_file("# tokens\nabc123 admin\n\nview456   # a viewer\nro789 viewer\n", t));
  EXPECT_FALSE(parse_token_list("env1:admin, env2", t));
  EXPECT_EQ(t.authenticate("Bearer abc123"), Role::Admin);
  EXPECT_EQ(t.authenticate("bearer view456"), Role::Viewer);
  EXPECT_EQ(t.authenticate("Bearer ro789"), Role::Viewer);
  EXPECT_EQ(t.authenticate("Bearer env1"), Role::Admin);
  EXPECT_EQ(t.authenticate("Bearer env2"), Role::Viewer);
  EXPECT_FALSE(t.authenticate("Bearer abc12"));
  EXPECT_FALSE(t.authenticate("Bearer abc1234"));
  EXPECT_FALSE(t.authenticate("abc123"));
  EXPECT_FALSE(t.authenticate(""));
  EXPECT_FALSE(t.authenticate("Bearer "));
}

TEST(ServerAuth, BadTokenLinesAreReported) {
  TokenSet t;
  auto e = parse_token_file("ok admin\nbad superuser\n", t);
  ASSERT_TRUE(e);
  EXPECT_NE(e->find("line 2"), std::string::npos);
  EXPECT_TRUE(parse_token_list("x:root", t));
}

TEST(ServerAuth, OnlyShowCommandsAreReadOnly) {
  EXPECT_FALSE(command_writes(".show tables"));
  EXPECT_FALSE(command_writes("  .SHOW  version"));
  EXPECT_TRUE(command_writes(".create table T (a:long)"));
  EXPECT_TRUE(command_writes(".drop table T"));
  EXPECT_TRUE(command_writes(".set-or-append T <| print 1"));
  EXPECT_TRUE(command_writes(".showx"));
}

TEST(ServerCors, OnlyListedOrigins) {
  CorsPolicy p({"https://dataexplorer.azure.com"});
  EXPECT_TRUE(p.allows("https://dataexplorer.azure.com"));
  EXPECT_FALSE(p.allows("https://evil.example"));
  EXPECT_FALSE(p.allows("*"));
  EXPECT_FALSE(p.allows(""));
}

TEST(ServerStaticFiles, ContentTypes) {
  EXPECT_EQ(content_type_for("/assets/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("/a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("/x.wasm"), "application/wasm");
  EXPECT_EQ(content_type_for("/i.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("/f.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("/d.json"), "application/json");
  EXPECT_EQ(content_type_for("/dir.v1/noext"), "application/octet-stream");
}

TEST(ServerStaticFiles, PathsStayInsideTheRoot) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(::testing::TempDir()) / "web_root_test";
  fs::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<html></html>";
  std::ofstream(root / "assets" / "app.js") << "1";
  std::ofstream(root.parent_path() / "secret.txt") << "s";
  EXPECT_EQ(resolve_static_path(root, "/")->filename(), "index.html");
  EXPECT_EQ(resolve_static_path(root, "/assets/app.js")->filename(), "app.js");
  EXPECT_FALSE(resolve_static_path(root, "/../secret.txt"));
  EXPECT_FALSE(resolve_static_path(root, "/assets/../../secret.txt"));
  EXPECT_FALSE(resolve_static_path(root, "/assets"));  // a folder
  EXPECT_FALSE(resolve_static_path(root, "/missing.js"));
}

}  // namespace
}  // namespace huntdb::server
