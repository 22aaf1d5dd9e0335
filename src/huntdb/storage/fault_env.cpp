#include "huntdb/storage/fault_env.h"

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string strip_slash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace

class FaultWritableFile final : public WritableFile {
 public:
  FaultWritableFile(FaultEnv* env, std::string path, std::shared_ptr<FaultEnv::Node> node, uint64_t gen)
      : env_(env), path_(std::move(path)), node_(std::move(node)), gen_(gen) {}

  void append(std::string_view data) override {
    std::lock_guard lock(env_->mu_);
    check_locked("append");
    env_->tick_locked(path_ + ": append");
    if (env_->short_write_at_ >= 0 && env_->appends_++ == env_->short_write_at_) {
      node_->data.append(data.substr(0, data.size() / 2));
      throw StorageError(path_ + ": write failed (injected short write)");
    }
    node_->data.append(data);
  }
  void sync() override {
    std::lock_guard lock(env_->mu_);
    check_locked("sync");
    env_->tick_locked(path_ + ": fsync");
    if (env_->sync_fail_at_ >= 0 && env_->syncs_++ == env_->sync_fail_at_)
      throw StorageError(path_ + ": fsync failed (injected)");
    node_->synced = node_->data.size();
  }
  void close() override {
    std::lock_guard lock(env_->mu_);
    if (closed_) return;
    closed_ = true;
    check_locked("close");
    env_->tick_locked(path_ + ": close");
  }

 private:
  void check_locked(const char* what) const {
    if (gen_ != env_->generation_) throw StorageError(path_ + ": " + what + " on a file opened before a crash");
    env_->check_up_locked(path_);
  }
  FaultEnv* env_;
  std::string path_;
  std::shared_ptr<FaultEnv::Node> node_;
  uint64_t gen_;
  bool closed_ = false;
};

class FaultMappedFile final : public MappedFile {
 public:
  FaultMappedFile(FaultEnv* env, std::string path, std::string data)
      : env_(env), path_(std::move(path)), data_(std::move(data)) {}
  uint64_t size() const override { return data_.size(); }
  std::span<const uint8_t> read(uint64_t offset, uint64_t length) const override {
    if (offset > data_.size() || length > data_.size() - offset)
      throw StorageError(path_ + ": read past the end of the file");
    env_->bytes_read_ += length;
    return {reinterpret_cast<const uint8_t*>(data_.data()) + offset, static_cast<size_t>(length)};
  }

 private:
  FaultEnv* env_;
  std::string path_;
  std::string data_;  // a copy: extents never change once written
};

FaultEnv::FaultEnv() = default;
FaultEnv::~FaultEnv() = default;

void FaultEnv::check_up_locked(const std::string& what) const {
  if (crashed_) throw StorageError(what + ": the filesystem is down (injected crash)");
}

void FaultEnv::tick_locked(const std::string& what) {
  check_up_locked(what);
  if (crash_at_ >= 0 && calls_ >= crash_at_) {
    crashed_ = true;
    throw StorageError(what + ": injected crash");
  }
  ++calls_;
}

std::unique_ptr<WritableFile> FaultEnv::open_writable(const std::string& path) {
  std::lock_guard lock(mu_);
  tick_locked(path + ": open");
  if (!dirs_.count(parent_of(path))) throw StorageError(path + ": open failed: no such directory");
  auto node = std::make_shared<Node>();
  live_[path] = node;
  return std::make_unique<FaultWritableFile>(this, path, node, generation_);
}

std::shared_ptr<const MappedFile> FaultEnv::open_mapped(const std::string& path) {
  std::lock_guard lock(mu_);
  check_up_locked(path);
  auto it = live_.find(path);
  if (it == live_.end()) throw StorageError(path + ": open failed: no such file");
  return std::make_shared<FaultMappedFile>(this, path, it->second->data);
}

std::string FaultEnv::read_file(const std::string& path) {
  std::lock_guard lock(mu_);
  check_up_locked(path);
  auto it = live_.find(path);
  if (it == live_.end()) throw StorageError(path + ": open failed: no such file");
  bytes_read_ += it->second->data.size();
  return it->second->data;
}

bool FaultEnv::exists(const std::string& path) {
  std::lock_guard lock(mu_);
  check_up_locked(path);
  return live_.count(path) > 0 || dirs_.count(strip_slash(path)) > 0;
}

void FaultEnv::rename(const std::string& from, const std::string& to) {
  std::lock_guard lock(mu_);
  tick_locked(from + ": rename");
  auto it = live_.find(from);
  if (it == live_.end()) throw StorageError(from + ": rename failed: no such file");
  auto node = it->second;
  live_.erase(it);
  live_[to] = node;
}

void FaultEnv::remove(const std::string& path) {
  std::lock_guard lock(mu_);
  tick_locked(path + ": remove");
  live_.erase(path);
}

std::vector<std::string> FaultEnv::list(const std::string& dir) {
  std::lock_guard lock(mu_);
  std::string d = strip_slash(dir);
  check_up_locked(d);
  if (!dirs_.count(d)) throw StorageError(d + ": list failed: no such directory");
  std::vector<std::string> out;
  for (const auto& [path, node] : live_)
    if (parent_of(path) == d) out.push_back(path.substr(d.size() + 1));
  for (const auto& sub : dirs_)
    if (parent_of(sub) == d && sub != d) out.push_back(sub.substr(d.size() + 1));
  return out;
}

void FaultEnv::create_dirs(const std::string& dir) {
  std::lock_guard lock(mu_);
  std::string d = strip_slash(dir);
  check_up_locked(d);
  while (!d.empty()) {
    dirs_.insert(d);
    d = parent_of(d);
  }
}

void FaultEnv::sync_dir(const std::string& dir) {
  std::lock_guard lock(mu_);
  std::string d = strip_slash(dir);
  tick_locked(d + ": fsync directory");
  if (sync_fail_at_ >= 0 && syncs_++ == sync_fail_at_) throw StorageError(d + ": fsync directory failed (injected)");
  for (auto it = durable_.begin(); it != durable_.end();) {
    if (parent_of(it->first) == d && !live_.count(it->first))
      it = durable_.erase(it);
    else
      ++it;
  }
  for (const auto& [path, node] : live_)
    if (parent_of(path) == d) durable_[path] = node;
}

void FaultEnv::crash_after(int64_t calls) {
  std::lock_guard lock(mu_);
  crash_at_ = calls < 0 ? -1 : calls_ + calls;
}

void FaultEnv::fail_sync(int64_t syncs) {
  std::lock_guard lock(mu_);
  syncs_ = 0;
  sync_fail_at_ = syncs;
}

void FaultEnv::short_write(int64_t appends) {
  std::lock_guard lock(mu_);
  appends_ = 0;
  short_write_at_ = appends;
}

bool FaultEnv::crashed() const {
  std::lock_guard lock(mu_);
  return crashed_;
}

void FaultEnv::restart() {
  std::lock_guard lock(mu_);
  // A node may be reachable under several names; truncate each once.
  std::map<Node*, std::shared_ptr<Node>> fresh;
  std::map<std::string, std::shared_ptr<Node>> live;
  for (const auto& [path, node] : durable_) {
    auto& copy = fresh[node.get()];
    if (!copy) copy = std::make_shared<Node>(Node{node->data.substr(0, node->synced), node->synced});
    live[path] = copy;
  }
  live_ = live;
  durable_ = std::move(live);
  crashed_ = false;
  crash_at_ = sync_fail_at_ = short_write_at_ = -1;
  ++generation_;
}

int64_t FaultEnv::mutating_calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

std::string& FaultEnv::raw_file(const std::string& path) {
  std::lock_guard lock(mu_);
  auto it = live_.find(path);
  if (it == live_.end()) throw StorageError(path + ": no such file");
  return it->second->data;
}

}  // namespace huntdb::storage
