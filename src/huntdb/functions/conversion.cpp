// Type conversion functions: tostring, toint, tolong, toreal/todouble, todecimal, tobool/toboolean,
// todatetime, totimespan, toguid, todynamic/parse_json, tohex, gettype, and the internal __cast.
//
// Kusto names the column of an unnamed conversion after its argument (`extend tostring(Computer)`
// makes `Computer`, `tostring(d.a)` makes `d_a`), so most carry ResultName::FirstArgument.
#include <string_view>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;
using ST = ScalarType;

// __cast(typeof(T), value) is a T.
ScalarType first_argument_names_type(std::span<const ArgInfo> args) {
  return args.empty() ? ST::Unknown : named_type(args.front());
}

// The to<type>(value) family: any scalar in, one fixed type out, named after the argument.
void add_to(Registry& r, std::string_view name, ScalarType result, std::string_view description,
            std::string_view replaced_by = {}) {
  r.add({.name = name,
         .signatures = {fixed(result, {{"value"}})},
         .result_name = ResultName::FirstArgument,
         .replaced_by = replaced_by,
         .hidden = !replaced_by.empty(),
         .description = description});
}

}  // namespace

void register_conversion_functions(Registry& r) {
  add_to(r, "tostring", ST::String, "The value as a string (empty for null).");
  add_to(r, "tolong", ST::Long, "The value as a long, or null if it does not convert.");
  add_to(r, "toint", ST::Int, "The value as an int, or null if it does not convert.");
  add_to(r, "toreal", ST::Real, "The value as a real, or null if it does not convert.");
  add_to(r, "todouble", ST::Real, "The value as a real (same as toreal).");
  add_to(r, "todecimal", ST::Decimal, "The value as a decimal, or null if it does not convert.");
  add_to(r, "tobool", ST::Bool, "The value as a bool, or null if it does not convert.");
  add_to(r, "toboolean", ST::Bool, "The value as a bool (same as tobool).");
  add_to(r, "todatetime", ST::DateTime, "The value as a datetime, or null if it does not convert.");
  add_to(r, "totimespan", ST::TimeSpan, "The value as a timespan, or null if it does not convert.");
  add_to(r, "totime", ST::TimeSpan, "Old name of totimespan.", "totimespan");

  r.add({.name = "toguid",
         .signatures = {fixed(ST::Guid, {{"value", kStringOrDynamic}})},
         .result_name = ResultName::FirstArgument,
         .description = "The value as a guid, or null if it does not convert."});
  r.add({.name = "tohex",
         .signatures = {fixed(ST::String, {{"value", kInteger}, opt("minLength", kInteger)})},
         .result_name = ResultName::FirstArgument,
         .description = "An integer as hexadecimal text, optionally zero-padded to a minimum length."});
  r.add({.name = "gettype",
         .signatures = {fixed(ST::String, {{"value"}})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "type",
         .description = "The name of the run-time type of a value (dynamic values report their element type)."});

  // JSON text to dynamic. todynamic's declared parameter is string; parse_json also takes dynamic.
  r.add({.name = "todynamic",
         .signatures = {fixed(ST::Dynamic, {{"value", kString}})},
         .result_name = ResultName::FirstArgument,
         .description = "Parses JSON text into a dynamic value (same as parse_json)."});
  r.add({.name = "toobject",
         .signatures = {fixed(ST::Dynamic, {{"value", kString}})},
         .result_name = ResultName::FirstArgument,
         .replaced_by = "todynamic",
         .hidden = true,
         .description = "Old name of todynamic."});
  for (std::string_view name : {"parse_json", "parsejson"}) {
    r.add({.name = name,
           .signatures = {fixed(ST::Dynamic, {{"json_text", kStringOrDynamic}})},
           .result_name = ResultName::FirstArgument,
           .replaced_by = name == "parsejson" ? "parse_json" : "",
           .hidden = name == "parsejson",
           .description = name == "parsejson"
                              ? "Old name of parse_json."
                              : "Parses JSON text into a dynamic value (a dynamic argument passes through)."});
  }

  // Internal.
  r.add({.name = "__cast",
         .signatures = {custom(first_argument_names_type, {kTypeLiteral, {"value"}})},
         .hidden = true,
         .description = "Internal: converts a value to the type named by a type literal."});
}

}  // namespace huntdb::functions
