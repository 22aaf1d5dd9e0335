// String functions: concatenation, length, case, search, regex extraction and replacement,
// trimming, splitting, and the parsers Kusto files under strings (parse_url, parse_path,
// parse_command_line, parse_csv, parse_xml, parse_user_agent, parse_version), plus format_bytes.
//
// Parameter types follow Kusto's declarations (Kusto.Language 12.4.1, the version our oracle
// runs). Kusto's "dynamic array" and "string or array" kinds have no finer type here than
// dynamic, so they are declared as kDynamic / kStringOrDynamic / kIntegerOrDynamic.
#include <string_view>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;
using ST = ScalarType;

// extract(..., typeof(T)) / extract_json(..., typeof(T)): the value converted to T.
ScalarType last_argument_names_type(std::span<const ArgInfo> args) {
  return args.empty() ? ST::Unknown : named_type(args.back());
}

}  // namespace

void register_string_functions(Registry& r) {
  // --- concatenation and comparison
  r.add({.name = "strcat",
         // Kusto caps the arguments at 64; the registry has no upper bound for a repeating parameter.
         .signatures = {fixed(ST::String, {many("arg")})},
         .description = "Concatenates the arguments, each converted to a string."});
  // Its twin array_strcat is declared with the dynamic functions.
  r.add({.name = "strcat_array",
         .signatures = {fixed(ST::String, {{"array", kDynamic}, {"delimiter"}})},
         .description = "Joins the elements of a dynamic array with a delimiter."});
  r.add({.name = "strcat_delim",
         // At least two values after the delimiter (at most 64 in Kusto).
         .signatures = {fixed(ST::String, {{"delimiter"}, {"arg"}, many("arg")})},
         .description = "Concatenates two or more values with a delimiter between them."});
  r.add({.name = "strcmp",
         .signatures = {fixed(ST::Long, {{"s1"}, {"s2"}})},
         .description = "Compares two strings: -1, 0 or 1."});
  r.add({.name = "strrep",
         .signatures = {fixed(ST::String, {{"value"}, {"multiplier", kLong}, opt("delimiter")})},
         .description = "Repeats a string a number of times, optionally with a delimiter between copies."});

  // --- length, case, characters
  r.add({.name = "strlen",
         .signatures = {fixed(ST::Long, {{"string", kStringOrDynamic}})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "strlen",
         .description = "The number of Unicode characters in a string."});
  r.add({.name = "string_size",
         .signatures = {fixed(ST::Long, {{"string", kStringOrDynamic}})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "string_size",
         .description = "The size of a string in bytes (UTF-8)."});
  r.add({.name = "toupper",
         .signatures = {fixed(ST::String, {{"value"}})},
         .description = "The value as an upper-case string."});
  r.add({.name = "tolower",
         .signatures = {fixed(ST::String, {{"value"}})},
         .description = "The value as a lower-case string."});
  r.add({.name = "reverse",
         .signatures = {fixed(ST::String, {{"value"}})},
         .description = "The characters of the value, as a string, in reverse order."});
  r.add({.name = "unicode_codepoints_from_string",
         .signatures = {fixed(ST::Dynamic, {{"value"}})},
         .description = "The Unicode code points of a string, as a dynamic array."});
  r.add({.name = "to_utf8",
         .signatures = {fixed(ST::Dynamic, {{"value"}})},
         .replaced_by = "unicode_codepoints_from_string",
         .hidden = true,
         .description = "Old name of unicode_codepoints_from_string."});
  r.add({.name = "unicode_codepoints_to_string",
         .signatures = {fixed(ST::String, {many("value", kIntegerOrDynamic)})},
         .description = "The string made of the given Unicode code points (integers or arrays of them)."});
  r.add({.name = "make_string",
         .signatures = {fixed(ST::String, {many("value", kIntegerOrDynamic)})},
         .replaced_by = "unicode_codepoints_to_string",
         .hidden = true,
         .description = "Old name of unicode_codepoints_to_string."});
  r.add({.name = "isascii",
         .signatures = {fixed(ST::Bool, {{"value"}})},
         .description = "Whether every character of the string is ASCII."});
  r.add({.name = "isutf8",
         .signatures = {fixed(ST::Bool, {{"value"}})},
         .description = "Whether the string is valid UTF-8."});

  // --- searching and slicing
  r.add({.name = "substring",
         .signatures = {fixed(ST::String, {{"string"}, {"start", kInteger}, opt("length", kInteger)})},
         .description = "The part of a string from a start index, optionally of a given length."});
  r.add({.name = "regex_quote",
         .signatures = {fixed(ST::String, {{"string"}})},
         .description = "Escapes the regex metacharacters of a string so it matches literally."});
  r.add({.name = "indexof",
         .signatures = {fixed(ST::Long,
                              {{"string"},
                               {"match"},
                               opt("start", kInteger),
                               opt("length", kInteger),
                               opt("occurrence", kInteger, ArgShape::Constant)})},
         .description = "The zero-based index of the n-th occurrence of a substring, or -1."});
  r.add({.name = "indexof_regex",
         .signatures = {fixed(ST::Long,
                              {{"string"},
                               {"match", kScalar, ArgShape::Constant},
                               opt("start", kInteger),
                               opt("length", kInteger),
                               opt("occurrence", kInteger, ArgShape::Constant)})},
         .description = "The zero-based index of the n-th match of a regex, or -1."});
  r.add({.name = "has_any_index",
         .signatures = {fixed(ST::Long, {{"source", kStringOrDynamic}, {"values", kDynamic}})},
         .description = "The index of the first term of an array found (as `has`) in the source, or -1."});
  r.add({.name = "countof",
         .signatures = {fixed(ST::Long,
                              {{"source", kString},
                               {"search", kString},
                               // a literal "normal" or "regex"
                               opt("kind", kString, ArgShape::Constant)})},
         .description = "How many times a substring (or regex) occurs in a string."});

  // --- splitting and regex extraction
  r.add({.name = "split",
         .signatures = {fixed(ST::Dynamic, {{"source"}, {"delimiter", kString}, opt("requestedIndex", kInteger)})},
         .result_name = ResultName::FirstArgument,
         .description = "Splits a string on a delimiter into a dynamic array (or one element of it)."});
  r.add({.name = "extract",
         .signatures = {fixed(ST::String,
                              {{"regex", kString, ArgShape::Constant}, {"captureGroup", kLong}, {"source", kString}}),
                        custom(last_argument_names_type,
                               {{"regex", kString, ArgShape::Constant},
                                {"captureGroup", kLong},
                                {"source", kString},
                                kTypeLiteral})},
         .description = "The text a regex capture group matched, optionally converted to a type."});
  for (std::string_view name : {"extract_all", "extractall"}) {
    r.add({.name = name,
           .signatures = {fixed(ST::Dynamic, {{"regex", kString, ArgShape::Constant}, {"source", kString}}),
                          fixed(ST::Dynamic,
                                {{"regex", kString, ArgShape::Constant},
                                 {"captureGroups", kDynamic},
                                 {"source", kString}})},
           .replaced_by = name == "extractall" ? "extract_all" : "",
           .hidden = name == "extractall",
           .description = name == "extractall"
                              ? "Old name of extract_all."
                              : "Every match of a regex (or of chosen capture groups), as a dynamic array."});
  }
  // extractjson is the older spelling; Kusto still lists it (neither hidden nor obsolete).
  for (std::string_view name : {"extract_json", "extractjson"}) {
    r.add({.name = name,
           .signatures = {fixed(ST::String, {{"jsonPath", kString, ArgShape::Constant}, {"jsonText", kString}}),
                          custom(last_argument_names_type,
                                 {{"jsonPath", kString, ArgShape::Constant}, {"jsonText", kString}, kTypeLiteral})},
           .description = "The element a JSON path selects in a JSON text, optionally converted to a type."});
  }
  r.add({.name = "parse_command_line",
         .signatures = {fixed(ST::Dynamic, {{"command"}, {"parser", kString}})},
         .description = "Splits a command line into its arguments (parser \"windows\"), as a dynamic array."});

  // --- replacing and trimming
  r.add({.name = "replace_regex",
         .signatures = {fixed(ST::String,
                              {{"source", kString},
                               {"lookup_regex", kString, ArgShape::Constant},
                               {"rewrite_pattern", kString, ArgShape::Constant}})},
         .description = "Replaces every match of a regex, with \\1-style references to capture groups."});
  r.add({.name = "replace",
         // Argument order differs from replace_regex: regex and rewrite come first.
         .signatures = {fixed(ST::String,
                              {{"regex", kString, ArgShape::Constant},
                               {"rewrite", kString, ArgShape::Constant},
                               {"source", kString}})},
         .replaced_by = "replace_regex",
         .hidden = true,
         .description = "Old form of replace_regex (regex, rewrite, source)."});
  r.add({.name = "replace_string",
         .signatures = {fixed(ST::String, {{"text", kString}, {"lookup", kString}, {"rewrite", kString}})},
         .description = "Replaces every occurrence of a plain substring."});
  r.add({.name = "replace_strings",
         .signatures = {fixed(ST::String, {{"text", kString}, {"lookups", kDynamic}, {"rewrites", kDynamic}})},
         .description = "Replaces several plain substrings at once, each by its counterpart."});
  r.add({.name = "translate",
         .signatures = {fixed(ST::String,
                              {{"searchList", kString}, {"replacementList", kString}, {"source", kString}})},
         .description = "Replaces characters one for one, as mapped by two character lists."});
  r.add({.name = "trim",
         .signatures = {fixed(ST::String, {{"regex", kString, ArgShape::Constant}, {"source", kString}})},
         .description = "Removes leading and trailing matches of a regex."});
  r.add({.name = "trim_start",
         .signatures = {fixed(ST::String, {{"regex", kString, ArgShape::Constant}, {"source", kString}})},
         .description = "Removes leading matches of a regex."});
  r.add({.name = "trim_end",
         .signatures = {fixed(ST::String, {{"regex", kString, ArgShape::Constant}, {"source", kString}})},
         .description = "Removes trailing matches of a regex."});

  // --- parsers that Kusto classifies with strings
  r.add({.name = "parse_csv",
         .signatures = {fixed(ST::Dynamic, {{"csv_text", kStringOrDynamic}})},
         .result_name = ResultName::FirstArgument,
         .description = "Splits one CSV record into its fields, as a dynamic array."});
  r.add({.name = "parse_xml",
         .signatures = {fixed(ST::Dynamic, {{"xml_text", kStringOrDynamic}})},
         .result_name = ResultName::FirstArgument,
         .description = "Parses an XML text into a dynamic value."});
  for (std::string_view name : {"parse_url", "parseurl"}) {
    r.add({.name = name,
           .signatures = {fixed(ST::Dynamic, {{"url", kString}})},
           .replaced_by = name == "parseurl" ? "parse_url" : "",
           .hidden = name == "parseurl",
           .description = name == "parseurl"
                              ? "Old name of parse_url."
                              : "Splits a URL into scheme, host, port, path, query parameters and fragment."});
  }
  for (std::string_view name : {"parse_urlquery", "parseurlquery"}) {
    r.add({.name = name,
           .signatures = {fixed(ST::Dynamic, {{"query", kString}})},
           .replaced_by = name == "parseurlquery" ? "parse_urlquery" : "",
           .hidden = name == "parseurlquery",
           .description = name == "parseurlquery" ? "Old name of parse_urlquery."
                                                  : "The parameters of a URL query string, as a dynamic bag."});
  }
  r.add({.name = "parse_path",
         .signatures = {fixed(ST::Dynamic, {{"path", kString}})},
         .description = "Splits a file path into scheme, root, directory, file name and extension."});
  r.add({.name = "parse_user_agent",
         .signatures = {fixed(ST::Dynamic, {{"user_agent", kString}, opt("look_for", kStringOrDynamic)})},
         .description = "The browser, OS and device a user-agent string names."});
  r.add({.name = "parse_version",
         .signatures = {fixed(ST::Decimal, {{"version", kString}})},
         .description = "A dotted version string as a comparable decimal."});
  r.add({.name = "format_bytes",
         .signatures = {fixed(ST::String,
                              {{"size", kNumber},
                               opt("precision", kNumber, ArgShape::Constant),
                               // a non-empty literal unit such as "MB"
                               opt("format", kString, ArgShape::Constant)})},
         .result_name = ResultName::FirstArgument,
         .description = "A byte count as text with a unit (e.g. \"1.5 MB\")."});
}

}  // namespace huntdb::functions
