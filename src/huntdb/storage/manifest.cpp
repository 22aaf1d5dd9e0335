#include "huntdb/storage/manifest.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "huntdb/storage/extent_format.h"
#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

using nlohmann::json;
constexpr std::string_view kManifestTag = "huntdb-manifest";

json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
std::optional<int64_t> opt_of(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<int64_t>();
}

}  // namespace

const TableRecord* Manifest::find(std::string_view name) const {
  for (const auto& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

TableRecord* Manifest::find(std::string_view name) {
  for (auto& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

const FunctionRecord* Manifest::find_function(std::string_view name) const {
  for (const auto& f : functions)
    if (f.name == name) return &f;
  return nullptr;
}

std::string Manifest::serialize() const {
  json j;
  j["version"] = 1;
  j["generation"] = generation;
  j["next_extent_id"] = next_extent_id;
  json ts = json::array();
  for (const auto& t : tables) {
    json cols = json::array();
    for (const auto& c : t.schema.columns) cols.push_back({{"name", c.name}, {"type", std::string(type_name(c.type))}});
    json extents = json::array();
    for (const auto& e : t.extents)
      extents.push_back({{"id", e.id},
                         {"rows", e.rows},
                         {"bytes", e.bytes},
                         {"min_time", opt(e.min_time)},
                         {"max_time", opt(e.max_time)},
                         {"created", e.created_ticks}});
    ts.push_back({{"name", t.name},
                  {"columns", cols},
                  {"retention", opt(t.retention.soft_delete_ticks)},
                  {"extents", extents}});
  }
  j["tables"] = ts;
  json fs = json::array();
  for (const auto& f : functions)
    fs.push_back({{"name", f.name},
                  {"parameters", f.parameters},
                  {"body", f.body},
                  {"folder", f.folder},
                  {"docstring", f.docstring}});
  j["functions"] = fs;
  std::string body = j.dump(1);
  char head[96];
  std::snprintf(head, sizeof head, "%s %zu %08x\n", std::string(kManifestTag).c_str(), body.size(), crc32_of(body));
  return head + body;
}

Manifest Manifest::parse(std::string_view text) {
  size_t nl = text.find('\n');
  if (nl == std::string_view::npos || !text.starts_with(kManifestTag)) throw StorageError("corrupt manifest: bad header");
  std::string head(text.substr(0, nl));
  std::string_view body = text.substr(nl + 1);
  size_t size = 0;
  unsigned crc = 0;
  if (std::sscanf(head.c_str() + kManifestTag.size(), " %zu %x", &size, &crc) != 2 || size != body.size() ||
      crc != crc32_of(body))
    throw StorageError("corrupt manifest: length or checksum mismatch");
  Manifest m;
  try {
    json j = json::parse(body);
    m.generation = j.at("generation").get<uint64_t>();
    m.next_extent_id = j.at("next_extent_id").get<uint64_t>();
    for (const auto& t : j.at("tables")) {
      TableRecord r;
      r.name = t.at("name").get<std::string>();
      for (const auto& c : t.at("columns")) {
        auto type = parse_type_name(c.at("type").get<std::string>());
        if (!type) throw StorageError("corrupt manifest: unknown column type");
        r.schema.columns.push_back({c.at("name").get<std::string>(), *type});
      }
      r.retention.soft_delete_ticks = opt_of(t.at("retention"));
      for (const auto& e : t.at("extents")) {
        ExtentInfo x;
        x.id = e.at("id").get<uint64_t>();
        x.rows = e.at("rows").get<uint64_t>();
        x.bytes = e.at("bytes").get<uint64_t>();
        x.min_time = opt_of(e.at("min_time"));
        x.max_time = opt_of(e.at("max_time"));
        x.created_ticks = e.at("created").get<int64_t>();
        r.extents.push_back(x);
      }
      m.tables.push_back(std::move(r));
    }
    // Manifests written before stored functions existed have no "functions".
    if (j.contains("functions")) {
      for (const auto& f : j.at("functions"))
        m.functions.push_back({f.at("name").get<std::string>(), f.at("parameters").get<std::string>(),
                               f.at("body").get<std::string>(), f.at("folder").get<std::string>(),
                               f.at("docstring").get<std::string>()});
    }
  } catch (const json::exception& e) {
    throw StorageError(std::string("corrupt manifest: ") + e.what());
  }
  return m;
}

std::optional<Manifest> load_manifest(Env& env, const std::string& dir) {
  std::string path = join_path(dir, kManifestName);
  if (!env.exists(path)) return std::nullopt;
  return Manifest::parse(env.read_file(path));
}

void store_manifest(Env& env, const std::string& dir, const Manifest& m, bool* renamed) {
  if (renamed) *renamed = false;
  std::string temp = join_path(dir, kManifestTempName);
  auto file = env.open_writable(temp);
  file->append(m.serialize());
  file->sync();
  file->close();
  if (renamed) *renamed = true;  // from here on the new manifest may be the one on disk
  env.rename(temp, join_path(dir, kManifestName));
  env.sync_dir(dir);
}

std::string extent_file_name(uint64_t id) {
  char name[40];
  std::snprintf(name, sizeof name, "%016llx.hdbx", static_cast<unsigned long long>(id));
  return name;
}

}  // namespace huntdb::storage
