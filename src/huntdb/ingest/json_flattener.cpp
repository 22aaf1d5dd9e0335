#include "huntdb/ingest/json_flattener.h"

#include <charconv>
#include <type_traits>

#include <fmt/format.h>

namespace huntdb::ingest {

namespace {

// Integers printed with to_chars (most records carry a few: EventID, Task, ProcessId), doubles as
// fmt prints them.
template <class T>
std::string_view print_number(T v, TextPool& pool) {
  std::string& s = pool.make();
  if constexpr (std::is_integral_v<T>) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    s.assign(buf, end);
  } else {
    fmt::format_to(std::back_inserter(s), "{}", v);
  }
  return s;
}

// The DOM reading of a whole line, for the lines On-Demand leaves to it.
class DomFlattener {
 public:
  DomFlattener(FlatRecord& out, TextPool& pool) : out_(out), pool_(pool) {}

  void object(simdjson::dom::object obj, std::string_view prefix) {
    for (auto [key, value] : obj) {
      std::string_view name = key;
      if (!prefix.empty()) {
        std::string& s = pool_.make();
        s.append(prefix).append(".").append(key);
        name = s;
      }
      this->value(name, value);
    }
  }

 private:
  void value(std::string_view name, simdjson::dom::element v) {
    using simdjson::dom::element_type;
    switch (v.type()) {
      case element_type::OBJECT:
        if (name.find('.') == std::string_view::npos) out_.objects.push_back({name, pool_.keep(simdjson::minify(v))});
        object(v.get_object().value_unsafe(), name);
        return;
      case element_type::STRING: out_.fields.push_back({name, v.get_string().value_unsafe()}); return;
      case element_type::INT64: out_.fields.push_back({name, print_number(v.get_int64().value_unsafe(), pool_)}); return;
      case element_type::UINT64: out_.fields.push_back({name, print_number(v.get_uint64().value_unsafe(), pool_)}); return;
      case element_type::DOUBLE: out_.fields.push_back({name, print_number(v.get_double().value_unsafe(), pool_)}); return;
      case element_type::BOOL: out_.fields.push_back({name, v.get_bool().value_unsafe() ? "true" : "false"}); return;
      case element_type::NULL_VALUE: return;  // absent
      case element_type::ARRAY: out_.fields.push_back({name, pool_.keep(simdjson::minify(v))}); return;
    }
  }

  FlatRecord& out_;
  TextPool& pool_;
};

}  // namespace

bool JsonFlattener::flatten(std::string_view line, size_t capacity, FlatRecord& out, TextPool& pool,
                            std::string& error) {
  out.fields.clear();
  out.objects.clear();
  if (flatten_on_demand(line, capacity, out, pool) == Outcome::Done) return true;
  out.fields.clear();
  out.objects.clear();
  return flatten_dom(line, out, pool, error);
}

JsonFlattener::Outcome JsonFlattener::flatten_on_demand(std::string_view line, size_t capacity, FlatRecord& out,
                                                        TextPool& pool) {
  using simdjson::ondemand::json_type;
  using simdjson::ondemand::number_type;
  simdjson::ondemand::document doc;
  if (on_demand_.iterate(line.data(), line.size(), capacity).get(doc)) return Outcome::NeedsDom;
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) return Outcome::NeedsDom;
  for (auto field : obj) {
    std::string_view name;
    simdjson::ondemand::value v;
    if (field.unescaped_key().get(name) || field.value().get(v)) return Outcome::NeedsDom;
    json_type type;
    if (v.type().get(type)) return Outcome::NeedsDom;
    switch (type) {
      case json_type::string: {
        std::string_view s;
        if (v.get_string().get(s)) return Outcome::NeedsDom;
        out.fields.push_back({name, s});
        break;
      }
      case json_type::number: {
        number_type kind;
        if (v.get_number_type().get(kind)) return Outcome::NeedsDom;
        if (kind == number_type::signed_integer) {
          int64_t n;
          if (v.get_int64().get(n)) return Outcome::NeedsDom;
          out.fields.push_back({name, print_number(n, pool)});
        } else if (kind == number_type::unsigned_integer) {
          uint64_t n;
          if (v.get_uint64().get(n)) return Outcome::NeedsDom;
          out.fields.push_back({name, print_number(n, pool)});
        } else if (kind == number_type::floating_point_number) {
          double d;
          if (v.get_double().get(d)) return Outcome::NeedsDom;
          out.fields.push_back({name, print_number(d, pool)});
        } else {
          return Outcome::NeedsDom;  // too big for 64 bits: the DOM parser says why
        }
        break;
      }
      case json_type::boolean: {
        bool b;
        if (v.get_bool().get(b)) return Outcome::NeedsDom;
        out.fields.push_back({name, b ? "true" : "false"});
        break;
      }
      case json_type::null: {
        bool null;
        if (v.is_null().get(null) || !null) return Outcome::NeedsDom;
        break;  // absent
      }
      case json_type::array: {
        // Small (NXLog's "tags":["mordorDataset"]): written minified as the DOM reading writes it.
        simdjson::ondemand::array a;
        std::string_view text;
        simdjson::dom::element parsed;
        if (v.get_array().get(a) || a.raw_json().get(text) ||
            array_.parse(text.data(), text.size(), false).get(parsed))
          return Outcome::NeedsDom;
        out.fields.push_back({name, pool.keep(simdjson::minify(parsed))});
        break;
      }
      case json_type::object: return Outcome::NeedsDom;
    }
  }
  // Nothing but whitespace may follow the object: past its end there is no location.
  if (!doc.current_location().error()) return Outcome::NeedsDom;
  return Outcome::Done;
}

bool JsonFlattener::flatten_dom(std::string_view line, FlatRecord& out, TextPool& pool, std::string& error) {
  simdjson::dom::element doc;
  if (auto err = dom_.parse(line.data(), line.size(), false).get(doc)) {
    error = fmt::format("invalid JSON: {}", simdjson::error_message(err));
    return false;
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) {
    error = "not a JSON object";
    return false;
  }
  DomFlattener(out, pool).object(obj, {});
  return true;
}

}  // namespace huntdb::ingest
