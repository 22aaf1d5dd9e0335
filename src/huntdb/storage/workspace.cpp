#include "huntdb/storage/workspace.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "huntdb/storage/extent_writer.h"
#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

// Removes the record named `name` (a table or a function) from a manifest list; false if none.
template <typename Record>
bool erase_named(std::vector<Record>& records, const std::string& name) {
  auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.name == name; });
  if (it == records.end()) return false;
  records.erase(it);
  return true;
}

constexpr std::string_view kTimeColumn = "TimeGenerated";

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// Ticks since the Unix epoch (datetime's unit) of the system clock.
int64_t system_now() {
  auto d = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count() / 100;
}

// The id in an extent file name, or 0 when the name is not one.
uint64_t extent_id_of(std::string_view name) {
  if (!ends_with(name, ".hdbx") || name.size() != 16 + 5) return 0;
  uint64_t id = 0;
  for (char c : name.substr(0, 16)) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    id = id * 16 + static_cast<uint64_t>(d);
  }
  return id;
}

// Rows [begin, end) of a list of batches, as batches (boundary batches sliced).
std::vector<Batch> rows_between(std::span<const Batch> batches, uint64_t begin, uint64_t end) {
  std::vector<Batch> out;
  uint64_t at = 0;
  for (const auto& b : batches) {
    uint64_t lo = std::max(begin, at), hi = std::min(end, at + b.rows);
    if (lo < hi) {
      if (lo == at && hi == at + b.rows) {
        out.push_back(b);
      } else {
        Batch s;
        s.rows = hi - lo;
        for (const auto& c : b.columns) s.columns.push_back(Column::slice(c, lo - at, hi - lo));
        out.push_back(std::move(s));
      }
    }
    at += b.rows;
    if (at >= end) break;
  }
  return out;
}

}  // namespace

Workspace::Workspace(std::string dir, WorkspaceOptions options)
    : dir_(std::move(dir)), env_(options.env ? options.env : &posix_env()), options_(std::move(options)) {
  if (options_.extent_rows == 0) options_.extent_rows = 1;
}

Workspace::~Workspace() { stop_background_maintenance(); }

std::unique_ptr<Workspace> Workspace::open(const std::string& dir, WorkspaceOptions options) {
  std::unique_ptr<Workspace> ws(new Workspace(dir, std::move(options)));
  ws->load();
  return ws;
}

std::string Workspace::extents_dir() const { return join_path(dir_, kExtentsDir); }

int64_t Workspace::now() const { return options_.now ? options_.now() : system_now(); }

void Workspace::load() {
  env_->create_dirs(extents_dir());
  manifest_ = load_manifest(*env_, dir_).value_or(Manifest{});
  // What a crash can leave: a manifest or extent being written (temp names), and extents
  // renamed into place whose manifest swap never happened. None is listed; all go.
  std::set<uint64_t> listed;
  uint64_t max_id = 0;
  for (const auto& t : manifest_.tables)
    for (const auto& e : t.extents) {
      listed.insert(e.id);
      max_id = std::max(max_id, e.id);
    }
  for (const auto& name : env_->list(dir_))
    if (ends_with(name, kTempSuffix)) env_->remove(join_path(dir_, name));
  for (const auto& name : env_->list(extents_dir())) {
    uint64_t id = extent_id_of(name);
    if (ends_with(name, kTempSuffix) || (id != 0 && !listed.count(id))) env_->remove(join_path(extents_dir(), name));
  }
  next_id_ = std::max(manifest_.next_extent_id, max_id + 1);

  auto snap = std::make_shared<Snapshot>();
  snap->generation = manifest_.generation;
  for (const auto& t : manifest_.tables) {
    TableSnapshot ts{t.name, t.schema, t.retention, {}};
    for (const auto& e : t.extents)
      ts.extents.push_back(std::make_shared<ExtentHandle>(*env_, join_path(extents_dir(), extent_file_name(e.id)), e));
    snap->tables.push_back(std::move(ts));
  }
  snap->functions = manifest_.functions;
  current_ = std::move(snap);
}

SnapshotPtr Workspace::snapshot() const {
  std::lock_guard lock(state_mu_);
  return current_;
}

std::vector<std::string> Workspace::tables() const {
  std::vector<std::string> out;
  for (const auto& t : snapshot()->tables) out.push_back(t.name);
  return out;
}

std::optional<TableSchema> Workspace::schema(std::string_view table) const {
  auto snap = snapshot();
  const TableSnapshot* t = snap->find(table);
  if (!t) return std::nullopt;
  return t->schema;
}

void Workspace::publish(const std::function<void(Manifest&)>& change,
                        const std::vector<std::shared_ptr<ExtentHandle>>& added) {
  std::lock_guard commit(commit_mu_);
  Manifest next = manifest_;
  try {
    change(next);
  } catch (...) {
    discard(added);
    throw;
  }
  next.generation = manifest_.generation + 1;
  next.next_extent_id = std::max(next.next_extent_id, next_id_.load());
  bool renamed = false;
  try {
    store_manifest(*env_, dir_, next, &renamed);
  } catch (...) {
    // Past the rename the new manifest may be the durable one: its extents must stay.
    if (!renamed) discard(added);
    throw;
  }
  manifest_ = next;

  // The new snapshot reuses the handles of extents that stay; those that leave become obsolete.
  std::unordered_map<uint64_t, ExtentHandlePtr> handles;
  SnapshotPtr old = snapshot();
  for (const auto& t : old->tables)
    for (const auto& e : t.extents) handles[e->info().id] = e;
  for (const auto& e : added) handles[e->info().id] = e;
  auto snap = std::make_shared<Snapshot>();
  snap->generation = next.generation;
  std::set<uint64_t> kept;
  for (const auto& t : next.tables) {
    TableSnapshot ts{t.name, t.schema, t.retention, {}};
    for (const auto& e : t.extents) {
      auto it = handles.find(e.id);
      if (it == handles.end()) throw StorageError("internal: published extent without a handle");
      ts.extents.push_back(it->second);
      kept.insert(e.id);
    }
    snap->tables.push_back(std::move(ts));
  }
  snap->functions = next.functions;
  for (const auto& [id, h] : handles)
    if (!kept.count(id)) h->mark_obsolete();
  std::lock_guard lock(state_mu_);
  current_ = std::move(snap);
}

void Workspace::discard(const std::vector<std::shared_ptr<ExtentHandle>>& extents) {
  for (const auto& e : extents) e->mark_obsolete();  // the files go with the last reference
}

void Workspace::create_table(const std::string& name, const TableSchema& schema) {
  if (name.empty()) throw StorageError("a table needs a name");
  for (const auto& c : schema.columns)
    if (c.type == ScalarType::Unknown) throw StorageError("column " + c.name + " of table " + name + " has no type");
  publish(
      [&](Manifest& m) {
        if (const TableRecord* t = m.find(name)) {
          bool same = t->schema.columns.size() == schema.columns.size();
          for (size_t i = 0; same && i < schema.columns.size(); ++i)
            same = t->schema.columns[i].name == schema.columns[i].name && t->schema.columns[i].type == schema.columns[i].type;
          if (!same) throw StorageError("table " + name + " already exists with another schema");
          return;
        }
        TableRecord r;
        r.name = name;
        r.schema.columns = schema.columns;
        m.tables.push_back(std::move(r));
      },
      {});
}

void Workspace::create_merge_table(const std::string& name, const TableSchema& schema) {
  if (name.empty()) throw StorageError("a table needs a name");
  publish(
      [&](Manifest& m) {
        TableRecord* t = m.find(name);
        if (!t) {
          m.tables.push_back(TableRecord{name, {}, {}, {}});
          t = &m.tables.back();
        }
        for (const auto& c : schema.columns) {
          if (c.type == ScalarType::Unknown) throw StorageError("column " + c.name + " of table " + name + " has no type");
          const ColumnSchema* have = t->schema.find(c.name);
          if (!have) {
            t->schema.columns.push_back(c);
          } else if (have->type != c.type) {
            throw StorageError("column " + c.name + " of table " + name + " is of type " + std::string(type_name(have->type)) +
                               ", not " + std::string(type_name(c.type)));
          }
        }
      },
      {});
}

bool Workspace::drop_table(const std::string& name) {
  bool existed = false;
  publish([&](Manifest& m) { existed = erase_named(m.tables, name); }, {});
  return existed;
}

void Workspace::set_retention(const std::string& table, RetentionPolicy policy) {
  publish(
      [&](Manifest& m) {
        TableRecord* t = m.find(table);
        if (!t) throw StorageError("no table " + table);
        t->retention = policy;
      },
      {});
}

std::vector<FunctionRecord> Workspace::functions() const { return snapshot()->functions; }

std::optional<FunctionRecord> Workspace::function(std::string_view name) const {
  for (const auto& f : snapshot()->functions)
    if (f.name == name) return f;
  return std::nullopt;
}

void Workspace::put_function(const FunctionRecord& f) {
  if (f.name.empty()) throw StorageError("a function needs a name");
  publish(
      [&](Manifest& m) {
        auto it = std::find_if(m.functions.begin(), m.functions.end(), [&](const FunctionRecord& g) { return g.name == f.name; });
        if (it != m.functions.end()) *it = f;
        else m.functions.push_back(f);
      },
      {});
}

bool Workspace::drop_function(const std::string& name) {
  bool existed = false;
  publish([&](Manifest& m) { existed = erase_named(m.functions, name); }, {});
  return existed;
}

std::vector<Batch> Workspace::conform(const TableSchema& schema, const Table& rows) const {
  std::vector<int> source(schema.columns.size(), -1);
  for (size_t i = 0; i < rows.schema.columns.size(); ++i) {
    const auto& c = rows.schema.columns[i];
    int at = schema.index_of(c.name);
    if (at < 0) throw StorageError("the table has no column " + c.name);
    if (schema.columns[at].type != c.type)
      throw StorageError("column " + c.name + " is of type " + std::string(type_name(schema.columns[at].type)) + ", not " +
                         std::string(type_name(c.type)));
    source[at] = static_cast<int>(i);
  }
  std::vector<Batch> out;
  for (const auto& b : rows.batches) {
    if (b.rows == 0) continue;
    Batch o;
    o.rows = b.rows;
    for (size_t i = 0; i < schema.columns.size(); ++i) {
      if (source[i] < 0) {
        o.columns.push_back(Column::make_nulls(schema.columns[i].type, b.rows));
        continue;
      }
      const ColumnPtr& c = b.columns.at(static_cast<size_t>(source[i]));
      if (c->size() != b.rows) throw StorageError("column " + schema.columns[i].name + " has the wrong number of rows");
      o.columns.push_back(c);
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::shared_ptr<ExtentHandle>> Workspace::write_extents(const TableSchema& schema,
                                                                    std::span<const Batch> batches,
                                                                    int64_t created_ticks, uint64_t extent_rows) {
  uint64_t total = 0;
  for (const auto& b : batches) total += b.rows;
  std::vector<std::shared_ptr<ExtentHandle>> written;
  int time_col = schema.index_of(kTimeColumn);
  bool has_time = time_col >= 0 && schema.columns[time_col].type == ScalarType::DateTime;
  try {
    for (uint64_t begin = 0; begin < total; begin += extent_rows) {
      uint64_t end = std::min(total, begin + extent_rows);
      std::vector<Batch> part = rows_between(batches, begin, end);
      uint64_t id = next_id_++;
      std::string path = join_path(extents_dir(), extent_file_name(id));
      std::string temp = path + kTempSuffix;
      WrittenExtent w;
      {
        auto file = env_->open_writable(temp);
        w = write_extent(*file, schema, part, created_ticks);
        file->sync();
        file->close();
      }
      env_->rename(temp, path);
      ExtentInfo info;
      info.id = id;
      info.rows = w.footer.rows;
      info.bytes = w.file_bytes;
      info.created_ticks = created_ticks;
      if (has_time && w.footer.columns[time_col].stats.has_range) {
        info.min_time = w.footer.columns[time_col].stats.min.as_long();
        info.max_time = w.footer.columns[time_col].stats.max.as_long();
      }
      written.push_back(std::make_shared<ExtentHandle>(*env_, path, info));
    }
    // The renames must be durable before a manifest may list the files.
    if (!written.empty()) env_->sync_dir(extents_dir());
  } catch (...) {
    discard(written);
    written.clear();
    throw;  // a temp file left behind is removed at the next open
  }
  return written;
}

namespace {

// The table whose extents an append or replace publishes, as it is in the manifest being
// published: it may have been dropped, re-created or altered while the files were written, and
// files written for one schema must not join a table of another.
TableRecord& table_as_written(Manifest& m, const std::string& table, const TableSchema& written) {
  TableRecord* t = m.find(table);
  if (!t || t->schema.columns.size() < written.columns.size()) throw StorageError("no table " + table);
  for (size_t i = 0; i < written.columns.size(); ++i)
    if (t->schema.columns[i].name != written.columns[i].name || t->schema.columns[i].type != written.columns[i].type)
      throw StorageError("the schema of table " + table + " changed while its rows were written");
  return *t;
}

std::vector<ExtentInfo> infos_of(const std::vector<std::shared_ptr<ExtentHandle>>& extents) {
  std::vector<ExtentInfo> infos;
  for (const auto& e : extents) infos.push_back(e->info());
  return infos;
}

}  // namespace

std::vector<ExtentInfo> Workspace::append(const std::string& table, const Table& rows) {
  auto schema = this->schema(table);
  if (!schema) throw StorageError("no table " + table);
  std::vector<Batch> batches = conform(*schema, rows);
  auto added = write_extents(*schema, batches, now(), options_.extent_rows);
  std::vector<ExtentInfo> infos = infos_of(added);
  if (added.empty()) return infos;
  publish(
      [&](Manifest& m) {
        TableRecord& t = table_as_written(m, table, *schema);
        t.extents.insert(t.extents.end(), infos.begin(), infos.end());
      },
      added);
  notify_maintenance();
  return infos;
}

std::vector<ExtentInfo> Workspace::replace(const std::string& table, const Table& rows) {
  auto schema = this->schema(table);
  if (!schema) throw StorageError("no table " + table);
  std::vector<Batch> batches = conform(*schema, rows);
  auto added = write_extents(*schema, batches, now(), options_.extent_rows);
  std::vector<ExtentInfo> infos = infos_of(added);
  publish(
      [&](Manifest& m) {
        table_as_written(m, table, *schema).extents = infos;
      },
      added);
  return infos;
}

std::vector<ExtentInfo> Workspace::set_or_replace(const std::string& table, const Table& rows) {
  if (!schema(table)) create_merge_table(table, rows.schema);
  return replace(table, rows);
}

bool Workspace::merge_group(const TableSnapshot& table, const std::vector<uint64_t>& ids) {
  std::vector<Batch> batches;
  int64_t created = 0;
  for (const auto& e : table.extents) {
    if (std::find(ids.begin(), ids.end(), e->info().id) == ids.end()) continue;
    created = std::max(created, e->info().created_ticks);
    for (auto& b : e->read(table.schema.columns)) batches.push_back(std::move(b));
  }
  // One merged extent, whatever extent_rows says: the policy sized the group.
  uint64_t total = 0;
  for (const auto& b : batches) total += b.rows;
  auto added = write_extents(table.schema, batches, created, std::max<uint64_t>(total, 1));
  if (added.size() != 1) {
    discard(added);
    return false;
  }
  bool conflict = false;
  try {
    publish(
        [&](Manifest& m) {
          TableRecord* t = m.find(table.name);
          std::vector<size_t> at;
          if (t)
            for (size_t i = 0; i < t->extents.size(); ++i)
              if (std::find(ids.begin(), ids.end(), t->extents[i].id) != ids.end()) at.push_back(i);
          if (!t || at.size() != ids.size()) {
            conflict = true;  // an input was dropped meanwhile (retention, replace, drop)
            throw StorageError("merge inputs changed");
          }
          std::vector<ExtentInfo> next;
          for (size_t i = 0; i < t->extents.size(); ++i) {
            if (i == at.front()) next.push_back(added[0]->info());
            if (std::find(at.begin(), at.end(), i) == at.end()) next.push_back(t->extents[i]);
          }
          t->extents = std::move(next);
        },
        added);
  } catch (const StorageError&) {
    if (conflict) return false;
    throw;
  }
  return true;
}

size_t Workspace::merge() {
  SnapshotPtr snap = snapshot();
  size_t merged = 0;
  for (const auto& t : snap->tables)
    for (const auto& group : options_.merge_policy.pick(t.extent_infos()))
      if (merge_group(t, group)) ++merged;
  return merged;
}

size_t Workspace::apply_retention() {
  SnapshotPtr snap = snapshot();
  int64_t at = now();
  size_t dropped = 0;
  for (const auto& t : snap->tables) {
    auto infos = t.extent_infos();
    auto expired = expired_extents(t.retention, infos, at);
    if (expired.empty()) continue;
    size_t n = 0;
    publish(
        [&](Manifest& m) {
          TableRecord* r = m.find(t.name);
          if (!r) return;
          auto gone = [&](const ExtentInfo& e) { return std::find(expired.begin(), expired.end(), e.id) != expired.end(); };
          n = static_cast<size_t>(std::count_if(r->extents.begin(), r->extents.end(), gone));
          std::erase_if(r->extents, gone);
        },
        {});
    dropped += n;
  }
  return dropped;
}

void Workspace::notify_maintenance() {
  std::lock_guard lock(bg_mu_);
  bg_wake_ = true;
  bg_cv_.notify_one();
}

void Workspace::start_background_maintenance(std::chrono::milliseconds interval) {
  stop_background_maintenance();
  {
    std::lock_guard lock(bg_mu_);
    bg_stop_ = false;
    bg_wake_ = false;
  }
  bg_thread_ = std::thread([this, interval] {
    std::unique_lock lock(bg_mu_);
    while (!bg_stop_) {
      bg_cv_.wait_for(lock, interval, [&] { return bg_stop_ || bg_wake_; });
      if (bg_stop_) break;
      bg_wake_ = false;
      lock.unlock();
      try {
        while (merge() > 0) {
        }
        apply_retention();
      } catch (const std::exception&) {
        // A failed merge publishes nothing; the next round tries again.
      }
      lock.lock();
    }
  });
}

void Workspace::stop_background_maintenance() {
  {
    std::lock_guard lock(bg_mu_);
    bg_stop_ = true;
    bg_cv_.notify_one();
  }
  if (bg_thread_.joinable()) bg_thread_.join();
}

}  // namespace huntdb::storage
