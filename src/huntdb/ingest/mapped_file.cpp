#include "huntdb/ingest/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace huntdb::ingest {

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  if (this != &o) {
    this->~MappedFile();
    data_ = std::exchange(o.data_, nullptr);
    size_ = std::exchange(o.size_, 0);
    mapped_ = std::exchange(o.mapped_, false);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (mapped_) munmap(const_cast<uint8_t*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
  mapped_ = false;
}

MappedFile MappedFile::open(const std::string& path, std::string& error) {
  MappedFile m;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return m;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    error = std::string("cannot stat: ") + std::strerror(errno);
    ::close(fd);
    return m;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "not a regular file";
    ::close(fd);
    return m;
  }
  if (st.st_size > 0) {
    void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      error = std::string("cannot map: ") + std::strerror(errno);
    } else {
      // Chunks are read front to back; tell the kernel so it reads ahead.
      madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
      m.data_ = static_cast<const uint8_t*>(p);
      m.size_ = static_cast<size_t>(st.st_size);
      m.mapped_ = true;
    }
  }
  ::close(fd);  // the mapping keeps the file's pages alive
  return m;
}

}  // namespace huntdb::ingest
