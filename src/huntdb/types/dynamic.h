// KQL's dynamic values: JSON-like trees (null, bool, long, real, string, arrays, property bags)
// that may also hold datetime, timespan, guid and decimal values. Immutable and shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "huntdb/types/value.h"

namespace huntdb {

class DynValue {
 public:
  enum class Kind : uint8_t { Null, Bool, Long, Real, Decimal, String, DateTime, TimeSpan, Guid, Array, Object };

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_array() const { return kind_ == Kind::Array; }
  bool is_object() const { return kind_ == Kind::Object; }

  bool as_bool() const { return b_; }
  int64_t as_long() const { return l_; }  // Long, DateTime and TimeSpan (ticks)
  double as_real() const { return r_; }   // Real and Decimal
  const std::string& as_string() const { return s_; }
  const Guid& as_guid() const { return g_; }
  const std::vector<DynamicPtr>& elements() const { return elements_; }
  const std::vector<std::pair<std::string, DynamicPtr>>& properties() const { return properties_; }

  // Property of a bag by exact name, or null. (Kusto's bag keys are case-sensitive.)
  const DynValue* member(std::string_view key) const;
  // Element of an array; a negative index counts from the end. Null if out of range.
  const DynValue* at(int64_t index) const;

  static DynamicPtr null();
  static DynamicPtr of_bool(bool v);
  static DynamicPtr of_long(int64_t v);
  static DynamicPtr of_real(double v);
  static DynamicPtr of_decimal(double v);
  static DynamicPtr of_string(std::string v);
  static DynamicPtr of_datetime(int64_t ticks);
  static DynamicPtr of_timespan(int64_t ticks);
  static DynamicPtr of_guid(Guid g);
  static DynamicPtr of_array(std::vector<DynamicPtr> elements);
  static DynamicPtr of_object(std::vector<std::pair<std::string, DynamicPtr>> properties);

  // A dynamic holding a scalar Value (null stays null).
  static DynamicPtr from_value(const Value& v);

  explicit DynValue(Kind k) : kind_(k) {}

 private:
  Kind kind_;
  bool b_ = false;
  int64_t l_ = 0;
  double r_ = 0;
  std::string s_;
  Guid g_{};
  std::vector<DynamicPtr> elements_;
  std::vector<std::pair<std::string, DynamicPtr>> properties_;
};

// Parses JSON text into a dynamic value (Kusto's parse_json): returns nullopt if the text is not
// valid JSON (callers decide: parse_json then yields the text as a string value).
std::optional<DynamicPtr> parse_json(std::string_view text);

// The JSON text Kusto shows for a dynamic value (tostring(d), query results): compact, keys in
// order, datetimes as ISO-8601 strings, timespans as [d.]hh:mm:ss[.fffffff] strings.
std::string to_json(const DynValue& v);

// Equality as Kusto compares dynamic values (deep, same kinds).
bool dynamic_equal(const DynValue& a, const DynValue& b);

}  // namespace huntdb
