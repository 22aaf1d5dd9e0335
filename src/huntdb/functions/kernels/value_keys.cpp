#include "huntdb/functions/kernels/value_keys.h"

#include <bit>

#include "huntdb/common/splitmix64.h"

namespace huntdb::functions {

namespace {

constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4Full;

void append_bytes(std::string& out, const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }

// Reals that compare equal get one key: -0 and 0 agree.
double canonical(double d) { return d == 0 ? 0.0 : d; }

}  // namespace

uint64_t stable_hash(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t h = kMul1 ^ (static_cast<uint64_t>(n) * kMul2);
  while (n >= 8) {
    uint64_t k;
    std::memcpy(&k, p, 8);
    h = std::rotl(h ^ (k * kMul2), 31) * kMul1;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t k = 0;
    std::memcpy(&k, p, n);
    h = std::rotl(h ^ (k * kMul2), 27) * kMul1;
  }
  return splitmix64_finalize(h);
}

ValueKeys::ValueKeys(const Column& c) : c_(c), type_(c.type()) {
  switch (type_) {
    case ScalarType::String: strings_ = std::make_unique<StringReader>(c); break;
    case ScalarType::Real:
    case ScalarType::Decimal: reals_ = std::make_unique<RealReader>(c); break;
    case ScalarType::Dynamic: dynamics_ = std::make_unique<DynamicReader>(c); break;
    case ScalarType::Guid:
    case ScalarType::Unknown: break;
    default: longs_ = std::make_unique<LongReader>(c); break;
  }
}

bool ValueKeys::null(size_t i) const {
  switch (type_) {
    case ScalarType::String: return false;
    case ScalarType::Real:
    case ScalarType::Decimal: return reals_->null(i);
    case ScalarType::Dynamic: return dynamics_->null(i);
    case ScalarType::Guid:
    case ScalarType::Unknown: return c_.is_null(i);
    default: return longs_->null(i);
  }
}

std::string_view ValueKeys::key(size_t i) {
  switch (type_) {
    case ScalarType::String: return strings_->get(i);
    case ScalarType::Real:
    case ScalarType::Decimal: {
      double d = canonical(reals_->get(i));
      buf_.assign(reinterpret_cast<const char*>(&d), sizeof d);
      return buf_;
    }
    case ScalarType::Guid: {
      Guid g = c_.value_at(i).as_guid();
      buf_.assign(reinterpret_cast<const char*>(g.bytes.data()), g.bytes.size());
      return buf_;
    }
    case ScalarType::Unknown: buf_.clear(); return buf_;
    case ScalarType::Dynamic: {
      buf_.clear();
      const DynValue* v = dynamics_->get(i);
      if (v) dynamic_key(*v, buf_);
      return buf_;
    }
    default: {
      int64_t v = longs_->get(i);
      buf_.assign(reinterpret_cast<const char*>(&v), sizeof v);
      return buf_;
    }
  }
}

void ValueKeys::dynamic_key(const DynValue& v, std::string& out) {
  out.push_back(static_cast<char>('a' + static_cast<int>(v.kind())));
  switch (v.kind()) {
    case DynValue::Kind::Null: break;
    case DynValue::Kind::Bool: out.push_back(v.as_bool() ? '1' : '0'); break;
    case DynValue::Kind::Long:
    case DynValue::Kind::DateTime:
    case DynValue::Kind::TimeSpan: {
      int64_t x = v.as_long();
      append_bytes(out, &x, sizeof x);
      break;
    }
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: {
      double d = canonical(v.as_real());
      append_bytes(out, &d, sizeof d);
      break;
    }
    case DynValue::Kind::String: out.append(v.as_string()); break;
    case DynValue::Kind::Guid: append_bytes(out, v.as_guid().bytes.data(), v.as_guid().bytes.size()); break;
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: append_json(out, v); break;
  }
}

DynamicPtr ValueKeys::element(size_t i) const {
  if (null(i)) return DynValue::null();
  switch (type_) {
    case ScalarType::Bool: return DynValue::of_bool(longs_->get(i) != 0);
    case ScalarType::Int:
    case ScalarType::Long: return DynValue::of_long(longs_->get(i));
    case ScalarType::DateTime: return DynValue::of_datetime(longs_->get(i));
    case ScalarType::TimeSpan: return DynValue::of_timespan(longs_->get(i));
    case ScalarType::Real: return DynValue::of_real(reals_->get(i));
    case ScalarType::Decimal: return DynValue::of_decimal(reals_->get(i));
    case ScalarType::String: return DynValue::of_string(std::string(strings_->get(i)));
    case ScalarType::Guid: return DynValue::of_guid(c_.value_at(i).as_guid());
    case ScalarType::Dynamic: return dynamics_->get_ptr(i);
    case ScalarType::Unknown: break;
  }
  return DynValue::null();
}

}  // namespace huntdb::functions
