// hash(), hash_xxhash64(), hash_md5(), hash_sha1(), hash_sha256(), hash_many(), hash_combine().
//
// hash() is xxHash64 with seed 0 over the value's bytes (hash-function reference page):
// hash("World") is 1846988464401551951, the XXH64 of its UTF-8 bytes, and
// hash(datetime("2015-01-01")) is 1380966698541616202, the XXH64 of the datetime's .NET ticks
// (100 ns units from 0001-01-01) as 8 little-endian bytes. Other types hash their natural
// little-endian bytes (int 4, long/timespan 8, real 8 as IEEE double, bool 1, guid 16 in .NET's
// byte order); the pages give no example for them. With a modulo, the unsigned hash's remainder.
//
// md5/sha1/sha256 hash the value's text: hash_sha1(datetime(2020-01-01)) is the SHA-1 of
// "2020-01-01T00:00:00.0000000Z" (reference page example), so datetimes use the round-trip form.
#include <cstring>
#include <memory>
#include <vector>

#include "huntdb/functions/kernels/encoding_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/hash_algorithms.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

// .NET's DateTime ticks start at 0001-01-01; ours at the Unix epoch.
constexpr int64_t kUnixEpochDotNetTicks = 621355968000000000LL;

// The bytes hash() reads of one argument.
class HashInput {
 public:
  explicit HashInput(const ColumnPtr& c) : type_(c->type()) {
    switch (type_) {
      case ScalarType::String: text_ = std::make_unique<TextReader>(c); break;
      case ScalarType::Real:
      case ScalarType::Decimal: reals_ = std::make_unique<RealReader>(*c); break;
      case ScalarType::Guid:
      case ScalarType::Dynamic: column_ = c; break;
      default: longs_ = std::make_unique<LongReader>(*c); break;
    }
  }
  // False for null.
  bool get(size_t i, std::string_view& out) {
    if (text_) {
      out = text_->get(i);
      return true;
    }
    if (reals_) {
      if (reals_->null(i)) return false;
      double d = reals_->get(i);
      return put(&d, 8, out);
    }
    if (longs_) {
      if (longs_->null(i)) return false;
      int64_t v = longs_->get(i);
      if (type_ == ScalarType::DateTime) v += kUnixEpochDotNetTicks;
      if (type_ == ScalarType::Int) {
        int32_t n = static_cast<int32_t>(v);
        return put(&n, 4, out);
      }
      if (type_ == ScalarType::Bool) {
        uint8_t b = v != 0;
        return put(&b, 1, out);
      }
      return put(&v, 8, out);
    }
    Value v = column_->value_at(i);
    if (v.is_null()) return false;
    if (v.type == ScalarType::Guid) {
      static constexpr int kOrder[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
      for (int k = 0; k < 16; ++k) buf_[k] = static_cast<char>(v.as_guid().bytes[static_cast<size_t>(kOrder[k])]);
      out = std::string_view(buf_, 16);
      return true;
    }
    text_buf_ = value_text(v);
    out = text_buf_;
    return true;
  }

 private:
  // Little-endian bytes of a number (this machine's order is little-endian, as .NET's is).
  bool put(const void* p, size_t n, std::string_view& out) {
    std::memcpy(buf_, p, n);
    out = std::string_view(buf_, n);
    return true;
  }

  ScalarType type_;
  std::unique_ptr<TextReader> text_;
  std::unique_ptr<RealReader> reals_;
  std::unique_ptr<LongReader> longs_;
  ColumnPtr column_;
  char buf_[16];
  std::string text_buf_;
};

// hash(source [, mod]) and hash_xxhash64(source [, mod]).
ColumnPtr hash_kernel(const KernelArgs& a) {
  HashInput in(a.ptr(0));
  std::unique_ptr<LongReader> mod;
  if (a.size() > 1) mod = std::make_unique<LongReader>(a[1]);
  LongWriter out(ScalarType::Long, a.rows);
  std::string_view bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!in.get(i, bytes) || (mod && (mod->null(i) || mod->get(i) <= 0))) {
      out.set_null(i);
      continue;
    }
    uint64_t h = xxhash64(bytes);
    if (mod) h %= static_cast<uint64_t>(mod->get(i));
    out.set(i, static_cast<int64_t>(h));
  }
  return out.finish();
}

template <typename Digest, Digest (*Fn)(std::string_view)>
ColumnPtr digest_kernel(const KernelArgs& a) {
  TextReader in(a.ptr(0), TextForm::RoundTrip);
  bool nullable = a[0].type() != ScalarType::String;
  StringWriter out(a.rows, a.rows * sizeof(Digest) * 2);
  for (size_t i = 0; i < a.rows; ++i) {
    if (nullable && a[0].is_null(i)) {
      out.add({});
      continue;
    }
    Digest d = Fn(in.get(i));
    hex_encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()), out.text());
    out.end_row();
  }
  return out.finish();
}

// One hash of several 64-bit hashes: XXH64's stripe-and-lane mixing over the values'
// little-endian bytes (the way .NET's HashCode combines). Kusto documents hash_combine() only as
// "the combined hash value" and warns that its hashes may change, and its doc example's value
// (-1440138333540407281 for hash("Hello"), hash("World")) is not reproduced by this combination.
int64_t combine(const std::vector<uint64_t>& hashes) {
  std::string bytes(hashes.size() * 8, '\0');
  std::memcpy(bytes.data(), hashes.data(), bytes.size());
  return static_cast<int64_t>(xxhash64(bytes));
}

// hash_combine(h1, h2, ...): null if any hash is null.
ColumnPtr hash_combine_kernel(const KernelArgs& a) {
  std::vector<std::unique_ptr<LongReader>> in;
  for (size_t k = 0; k < a.size(); ++k) in.push_back(std::make_unique<LongReader>(a[k]));
  LongWriter out(ScalarType::Long, a.rows);
  std::vector<uint64_t> hashes(a.size());
  for (size_t i = 0; i < a.rows; ++i) {
    bool ok = true;
    for (size_t k = 0; k < in.size() && ok; ++k) {
      if (in[k]->null(i)) ok = false;
      else hashes[k] = static_cast<uint64_t>(in[k]->get(i));
    }
    if (ok) out.set(i, combine(hashes));
    else out.set_null(i);
  }
  return out.finish();
}

// hash_many(s1, s2, ...): the combination of the values' hash() values; a null value (which
// hash() maps to null) contributes 0.
ColumnPtr hash_many_kernel(const KernelArgs& a) {
  std::vector<std::unique_ptr<HashInput>> in;
  for (size_t k = 0; k < a.size(); ++k) in.push_back(std::make_unique<HashInput>(a.ptr(k)));
  LongWriter out(ScalarType::Long, a.rows);
  std::vector<uint64_t> hashes(a.size());
  std::string_view bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    for (size_t k = 0; k < in.size(); ++k) hashes[k] = in[k]->get(i, bytes) ? xxhash64(bytes) : 0;
    out.set(i, combine(hashes));
  }
  return out.finish();
}

}  // namespace

void attach_hash_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "hash", .kernel = hash_kernel},
      {.name = "hash_xxhash64", .kernel = hash_kernel},
      {.name = "hash_md5", .kernel = digest_kernel<std::array<uint8_t, 16>, md5>},
      {.name = "hash_sha1", .kernel = digest_kernel<std::array<uint8_t, 20>, sha1>},
      {.name = "hash_sha256", .kernel = digest_kernel<std::array<uint8_t, 32>, sha256>},
      {.name = "hash_combine", .kernel = hash_combine_kernel},
      {.name = "hash_many", .kernel = hash_many_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
