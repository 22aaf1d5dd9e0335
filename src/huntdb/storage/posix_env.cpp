// The real filesystem behind Env: POSIX calls, reads through mmap, every failure a
// StorageError naming the file and errno's reason.
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "huntdb/storage/env.h"
#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
  throw StorageError(path + ": " + what + " failed: " + std::strerror(err));
}

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }

  void append(std::string_view data) override {
    while (!data.empty()) {
      ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("write", path_, errno);
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
  }
  void sync() override {
    if (::fdatasync(fd_) != 0) fail("fsync", path_, errno);
  }
  void close() override {
    if (fd_ < 0) return;
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("close", path_, errno);
  }

 private:
  std::string path_;
  int fd_;
};

class PosixMappedFile final : public MappedFile {
 public:
  PosixMappedFile(std::string path, const uint8_t* base, uint64_t size)
      : path_(std::move(path)), base_(base), size_(size) {}
  ~PosixMappedFile() override {
    if (base_ && size_ > 0) ::munmap(const_cast<uint8_t*>(base_), size_);
  }
  uint64_t size() const override { return size_; }
  std::span<const uint8_t> read(uint64_t offset, uint64_t length) const override {
    if (offset > size_ || length > size_ - offset) throw StorageError(path_ + ": read past the end of the file");
    return {base_ + offset, static_cast<size_t>(length)};
  }

 private:
  std::string path_;
  const uint8_t* base_;
  uint64_t size_;
};

class PosixEnv final : public Env {
 public:
  std::unique_ptr<WritableFile> open_writable(const std::string& path) override {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("open", path, errno);
    return std::make_unique<PosixWritableFile>(path, fd);
  }

  std::shared_ptr<const MappedFile> open_mapped(const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("open", path, errno);
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      fail("stat", path, err);
    }
    auto size = static_cast<uint64_t>(st.st_size);
    const uint8_t* base = nullptr;
    if (size > 0) {
      void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
      if (p == MAP_FAILED) {
        int err = errno;
        ::close(fd);
        fail("mmap", path, err);
      }
      base = static_cast<const uint8_t*>(p);
    }
    ::close(fd);  // the mapping keeps the file's pages reachable
    return std::make_shared<PosixMappedFile>(path, base, size);
  }

  std::string read_file(const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("open", path, errno);
    std::string out;
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        fail("read", path, err);
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
  }

  bool exists(const std::string& path) override {
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0;
  }

  void rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) fail("rename to " + to, from, errno);
  }

  void remove(const std::string& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail("remove", path, errno);
  }

  std::vector<std::string> list(const std::string& dir) override {
    DIR* d = ::opendir(dir.c_str());
    if (!d) fail("list", dir, errno);
    std::vector<std::string> out;
    while (dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name != "." && name != "..") out.emplace_back(name);
    }
    ::closedir(d);
    return out;
  }

  void create_dirs(const std::string& dir) override {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw StorageError(dir + ": create directory failed: " + ec.message());
  }

  void sync_dir(const std::string& dir) override {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("open directory", dir, errno);
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0) fail("fsync directory", dir, err);
  }
};

}  // namespace

Env& posix_env() {
  static PosixEnv env;
  return env;
}

std::string join_path(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

}  // namespace huntdb::storage
