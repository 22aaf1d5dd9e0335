#include "workspace_commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "huntdb/demo/demo.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/ingest/workspace_loader.h"
#include "huntdb/storage/storage_error.h"
#include "huntdb/storage/workspace.h"

namespace huntdb::cli {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::unique_ptr<storage::Workspace> open_or_report(const std::string& dir, std::ostream& err) {
  if (dir.empty()) {
    err << "huntdb: --workspace DIR is required\n";
    return nullptr;
  }
  try {
    return storage::Workspace::open(dir);
  } catch (const storage::StorageError& e) {
    err << "huntdb: " << dir << ": " << e.what() << "\n";
    return nullptr;
  }
}

// Files under the paths, folders recursed, in a stable order.
std::vector<std::string> files_under(const std::vector<std::string>& paths, std::ostream& err) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec); !ec && it != std::filesystem::end(it); it.increment(ec))
        if (it->is_regular_file()) found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      err << "huntdb: " << p << ": no such file or folder\n";
    }
  }
  return files;
}

}  // namespace

int run_demo(const DemoCommandOptions& opt, std::ostream& out, std::ostream& err) {
  auto ws = open_or_report(opt.workspace, err);
  if (!ws) return 1;
  auto started = std::chrono::steady_clock::now();
  demo::DemoOptions d;
  d.days = opt.days;
  d.rows = opt.rows;
  d.seed = opt.seed;
  demo::DemoData data = demo::generate_demo(d);
  try {
    for (const auto& [name, table] : data.tables) {
      auto extents = ws->set_or_replace(name, *table);
      out << fmt::format("{}: {} rows in {} extents\n", name, table->row_count(), extents.size());
    }
  } catch (const storage::StorageError& e) {
    err << "huntdb: " << e.what() << "\n";
    return 1;
  }
  out << fmt::format("demo workspace {} built in {:.1f} s (attacked server: {})\n", opt.workspace,
                     seconds_since(started), data.attacked_server);
  return 0;
}

int run_ingest(const IngestCommandOptions& opt, std::ostream& out, std::ostream& err) {
  auto ws = open_or_report(opt.workspace, err);
  if (!ws) return 1;
  std::vector<std::string> files = files_under(opt.paths, err);
  bool terminal = isatty(STDERR_FILENO);
  auto started = std::chrono::steady_clock::now();
  uint64_t total_bytes = 0, done_bytes = 0, records = 0;
  for (const auto& f : files) total_bytes += std::filesystem::file_size(f);

  // Batches are published (one atomic append per table) every few hundred thousand rows and at
  // the end, on a second thread while the next files are read: what was published stays
  // whatever happens to later files.
  ingest::MappingOptions mapping;
  if (opt.windows_event) mapping.routing = ingest::EventRouting::Both;
  ingest::LoaderOptions loading;
  loading.publish_rows = opt.publish_rows;
  std::mutex out_mu;
  if (opt.verbose)
    loading.on_published = [&](const std::string& table, uint64_t rows) {
      std::lock_guard lock(out_mu);
      out << "published " << table << " " << rows << std::endl;
    };
  std::vector<std::string> failed_files;
  std::map<std::string, uint64_t> rows_per_table;
  std::vector<ingest::QuarantinedRecord> rejected;
  try {
    ingest::WorkspaceLoader loader(*ws, mapping, loading);
    size_t files_done = 0;
    // Files are mapped on every core; each one reports here as it is done.
    auto results = loader.load_files(files, [&](size_t i, const ingest::IngestFileResult& r) {
      records += r.records;
      done_bytes += std::filesystem::file_size(files[i]);
      ++files_done;
      if (terminal) {
        double secs = std::max(seconds_since(started), 1e-6);
        double rate = static_cast<double>(done_bytes) / secs;
        double eta = rate > 0 ? static_cast<double>(total_bytes - done_bytes) / rate : 0;
        err << fmt::format("\r[{:>3}%] {}/{} files, {} records, {:.0f} records/s, {:.1f}/{:.1f} MB, ETA {:.0f} s   ",
                           total_bytes ? 100 * done_bytes / total_bytes : 100, files_done, files.size(), records,
                           static_cast<double>(records) / secs, static_cast<double>(done_bytes) / 1e6,
                           static_cast<double>(total_bytes) / 1e6, eta)
            << std::flush;
      }
    });
    for (size_t i = 0; i < files.size(); ++i)
      if (!results[i].error.empty()) failed_files.push_back(files[i] + ": " + results[i].error);
    loader.finish();
    rows_per_table = loader.published_rows();
    rejected = loader.quarantine().records();
    // Records that could not be mapped stay in the workspace, with where they came from and why.
    if (!rejected.empty()) {
      TableSchema qs;
      qs.columns = {{"File", ScalarType::String}, {"Offset", ScalarType::Long}, {"Line", ScalarType::Long},
                    {"Reason", ScalarType::String}, {"IngestedAt", ScalarType::DateTime}};
      std::vector<ColumnBuilder> b;
      for (const auto& c : qs.columns) b.emplace_back(c.type);
      int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count() * 10;
      for (const auto& q : rejected) {
        b[0].append_string(q.file);
        b[1].append_long(static_cast<int64_t>(q.offset));
        b[2].append_long(static_cast<int64_t>(q.line));
        b[3].append_string(q.reason);
        b[4].append_long(now);
      }
      std::vector<ColumnPtr> cols;
      for (auto& x : b) cols.push_back(x.finish());
      ws->create_merge_table("IngestionQuarantine", qs);
      ws->append("IngestionQuarantine", *exec::make_table(qs, exec::split_into_batches(std::move(cols), rejected.size())));
    }
    // Each file published its own small extents; merge them now rather than leave it to a
    // later maintenance round.
    ws->merge();
  } catch (const storage::StorageError& e) {
    if (terminal) err << "\n";
    err << "huntdb: " << e.what() << " (what was published before stays in the workspace)\n";
    return 1;
  }
  if (terminal) err << "\n";
  double secs = seconds_since(started);
  out << fmt::format("ingested {} records from {} files ({:.1f} MB) in {:.1f} s ({:.0f} records/s)\n", records,
                     files.size(), static_cast<double>(total_bytes) / 1e6, secs,
                     secs > 0 ? static_cast<double>(records) / secs : 0.0);
  for (const auto& [table, n] : rows_per_table) out << fmt::format("  {}: {} rows\n", table, n);
  if (!rejected.empty()) {
    out << fmt::format("  rejected: {} records (kept in table IngestionQuarantine)\n", rejected.size());
    for (size_t i = 0; i < rejected.size() && i < 10; ++i) out << "    " << ingest::format_quarantined(rejected[i]) << "\n";
  }
  for (const auto& f : failed_files) out << "  could not read: " << f << "\n";
  return failed_files.empty() ? 0 : 2;
}

}  // namespace huntdb::cli
