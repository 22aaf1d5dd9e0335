// The parsers Kusto files under strings: parse_url, parse_urlquery, parse_path,
// parse_command_line, parse_csv, parse_version, and format_bytes. Each follows its reference
// page's examples; comments say where the page is silent and what was chosen.
#include <cctype>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

DynamicPtr str(std::string_view s) { return DynValue::of_string(std::string(s)); }

// "k1=v1&k2=v2" as a bag; values stay percent-encoded (hunting queries url_decode() them), a
// parameter without '=' has the empty value, empty parameters are skipped.
DynamicPtr query_bag(std::string_view q) {
  DynValue::Properties props;
  size_t p = 0;
  while (p <= q.size()) {
    size_t amp = q.find('&', p);
    std::string_view part = q.substr(p, amp == std::string_view::npos ? std::string_view::npos : amp - p);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos)
        props.emplace_back(std::string(part), str(""));
      else
        props.emplace_back(std::string(part.substr(0, eq)), str(part.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    p = amp + 1;
  }
  return DynValue::of_object(std::move(props));
}

bool is_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

// parse_url(url) (parse_url() reference page): Scheme, Host, Port, Path, Username, Password,
// Query Parameters, Fragment. Absent parts are empty; the path keeps its leading '/'. Text that
// is not an absolute URL ("scheme://...") gives every part empty.
DynamicPtr parse_url(std::string_view url) {
  std::string_view scheme, host, port, path, user, password, query, fragment;
  size_t sep = url.find("://");
  if (sep != std::string_view::npos && is_scheme(url.substr(0, sep))) {
    scheme = url.substr(0, sep);
    std::string_view rest = url.substr(sep + 3);
    size_t hash = rest.find('#');
    if (hash != std::string_view::npos) {
      fragment = rest.substr(hash + 1);
      rest = rest.substr(0, hash);
    }
    size_t qm = rest.find('?');
    if (qm != std::string_view::npos) {
      query = rest.substr(qm + 1);
      rest = rest.substr(0, qm);
    }
    size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos) path = rest.substr(slash);
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      authority = authority.substr(at + 1);
      size_t colon = userinfo.find(':');
      user = userinfo.substr(0, colon);
      if (colon != std::string_view::npos) password = userinfo.substr(colon + 1);
    }
    size_t colon = std::string_view::npos;
    if (!authority.empty() && authority[0] == '[') {
      size_t close = authority.find(']');
      if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':')
        colon = close + 1;
    } else {
      colon = authority.rfind(':');
    }
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  DynValue::Properties props;
  props.emplace_back("Scheme", str(scheme));
  props.emplace_back("Host", str(host));
  props.emplace_back("Port", str(port));
  props.emplace_back("Path", str(path));
  props.emplace_back("Username", str(user));
  props.emplace_back("Password", str(password));
  props.emplace_back("Query Parameters", query_bag(query));
  props.emplace_back("Fragment", str(fragment));
  return DynValue::of_object(std::move(props));
}

ColumnPtr parse_url_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) out[i] = parse_url(s.get(i));
  return Column::make_dynamics(std::move(out));
}

// parse_urlquery(query) (parse_urlquery() reference page): {"Query Parameters": {...}}; a
// leading '?' is not part of the first name.
ColumnPtr parse_urlquery_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view q = s.get(i);
    if (!q.empty() && q[0] == '?') q.remove_prefix(1);
    DynValue::Properties props;
    props.emplace_back("Query Parameters", query_bag(q));
    out[i] = DynValue::of_object(std::move(props));
  }
  return Column::make_dynamics(std::move(out));
}

bool is_sep(char c) { return c == '\\' || c == '/'; }

// parse_path(path), per the parse_path() reference page's examples: "C:\temp\file.txt" has root
// "C:", directory "C:\temp" (named "temp"), file "file.txt", extension "txt"; a UNC path has no
// root; "file://C:/temp/file.txt:some.exe" has scheme "file" and the alternate data stream
// "some.exe".
DynamicPtr parse_path(std::string_view p) {
  std::string_view scheme, root, dir, dir_name, file, ext, stream;
  size_t sep = p.find("://");
  if (sep != std::string_view::npos && sep > 1 && is_scheme(p.substr(0, sep))) {
    scheme = p.substr(0, sep);
    p = p.substr(sep + 3);
  }
  std::string_view body = p;
  if (body.starts_with("\\\\?\\")) body.remove_prefix(4);  // a long path: \\?\C:\...
  if (body.size() >= 2 && std::isalpha(static_cast<unsigned char>(body[0])) && body[1] == ':')
    root = body.substr(0, 2);
  size_t last = std::string_view::npos;
  for (size_t k = p.size(); k-- > 0;)
    if (is_sep(p[k])) {
      last = k;
      break;
    }
  std::string_view name = last == std::string_view::npos ? p : p.substr(last + 1);
  if (last != std::string_view::npos) {
    dir = p.substr(0, last);
    // A file at a root: the directory is the root with its separator (C:\, /).
    if (dir.empty() || (!root.empty() && dir.ends_with(root))) dir = p.substr(0, last + 1);
    std::string_view d = dir;
    while (!d.empty() && is_sep(d.back())) d.remove_suffix(1);
    size_t s = std::string_view::npos;
    for (size_t k = d.size(); k-- > 0;)
      if (is_sep(d[k])) {
        s = k;
        break;
      }
    dir_name = s == std::string_view::npos ? d : d.substr(s + 1);
    if (dir_name == root) dir_name = {};
  } else if (!root.empty() && name.starts_with(root)) {
    name.remove_prefix(2);
  }
  size_t colon = name.find(':');
  file = name.substr(0, colon);
  if (colon != std::string_view::npos) stream = name.substr(colon + 1);
  size_t dot = file.rfind('.');
  if (dot != std::string_view::npos) ext = file.substr(dot + 1);
  DynValue::Properties props;
  props.emplace_back("Scheme", str(scheme));
  props.emplace_back("RootPath", str(root));
  props.emplace_back("DirectoryPath", str(dir));
  props.emplace_back("DirectoryName", str(dir_name));
  props.emplace_back("Filename", str(file));
  props.emplace_back("Extension", str(ext));
  props.emplace_back("AlternateDataStreamName", str(stream));
  return DynValue::of_object(std::move(props));
}

ColumnPtr parse_path_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) out[i] = parse_path(s.get(i));
  return Column::make_dynamics(std::move(out));
}

// A Windows command line split as CommandLineToArgvW does (the parse_command_line() reference
// page names it): the program name ends at the first whitespace, or is the text between a
// leading pair of quotes; after it, whitespace outside quotes separates arguments, 2n
// backslashes before a quote give n backslashes and the quote opens or closes quoting, 2n+1
// give n backslashes and a literal quote, and in a run of quotes every third one is literal.
std::vector<std::string> windows_argv(std::string_view s) {
  std::vector<std::string> args;
  size_t i = 0;
  auto space = [&](size_t k) { return k < s.size() && (s[k] == ' ' || s[k] == '\t'); };
  while (space(i)) ++i;
  if (i >= s.size()) return args;
  std::string arg;
  if (s[i] == '"') {
    ++i;
    while (i < s.size() && s[i] != '"') arg += s[i++];
    if (i < s.size()) ++i;
  } else {
    while (i < s.size() && !space(i)) arg += s[i++];
  }
  args.push_back(std::move(arg));
  while (space(i)) ++i;
  if (i >= s.size()) return args;
  arg.clear();
  int quotes = 0;
  size_t backslashes = 0;
  while (i < s.size()) {
    char c = s[i];
    if (space(i) && quotes == 0) {
      args.push_back(std::move(arg));
      arg.clear();
      while (space(i)) ++i;
      backslashes = 0;
      if (i >= s.size()) return args;
      continue;
    }
    if (c == '\\') {
      arg += c;
      ++backslashes;
      ++i;
      continue;
    }
    if (c == '"') {
      if (backslashes % 2 == 0) {
        arg.resize(arg.size() - backslashes / 2);
        ++quotes;
      } else {
        arg.resize(arg.size() - backslashes / 2 - 1);
        arg += '"';
      }
      backslashes = 0;
      ++i;
      while (i < s.size() && s[i] == '"') {
        if (++quotes == 3) {
          arg += '"';
          quotes = 0;
        }
        ++i;
      }
      if (quotes == 2) quotes = 0;
      continue;
    }
    arg += c;
    backslashes = 0;
    ++i;
  }
  args.push_back(std::move(arg));
  return args;
}

// parse_command_line(command, parser): only the "windows" parser exists; another gives null.
ColumnPtr parse_command_line_kernel(const KernelArgs& a) {
  TextReader cmd(a.ptr(0)), parser(a.ptr(1));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (!equals_ci(parser.get(i), "windows")) continue;
    out[i] = string_array(windows_argv(cmd.get(i)));
  }
  return Column::make_dynamics(std::move(out));
}

// parse_csv(text) (parse_csv() reference page): the fields of the first record; a quoted field
// may hold commas, line breaks and doubled quotes.
std::vector<std::string> csv_fields(std::string_view s) {
  std::vector<std::string> fields;
  std::string field;
  size_t i = 0;
  bool quoted = false;
  while (i < s.size()) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      ++i;
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      break;  // only the first record
    } else {
      field += c;
    }
    ++i;
  }
  fields.push_back(std::move(field));
  return fields;
}

ColumnPtr parse_csv_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) out[i] = string_array(csv_fields(s.get(i)));
  return Column::make_dynamics(std::move(out));
}

// parse_version(v) (parse_version() reference page): one to four dot-separated parts of at most
// eight digits each, missing parts trailing zeros; the decimal is the parts' digits in fixed
// eight-digit groups ("1.2.3.4" is 1,00000002,00000003,00000004). Anything else is null.
ColumnPtr parse_version_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<double> out(a.rows);
  Validity valid;
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view v = s.get(i);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    double value = 0;
    int parts = 0;
    bool ok = !v.empty();
    size_t p = 0;
    while (ok && p <= v.size()) {
      size_t dot = v.find('.', p);
      std::string_view part = v.substr(p, dot == std::string_view::npos ? std::string_view::npos : dot - p);
      if (part.empty() || part.size() > 8 || ++parts > 4) {
        ok = false;
        break;
      }
      double n = 0;
      for (char c : part) {
        if (c < '0' || c > '9') ok = false;
        n = n * 10 + (c - '0');
      }
      value = value * 1e8 + n;
      if (dot == std::string_view::npos) break;
      p = dot + 1;
    }
    if (!ok) {
      valid.set(i, false);
      continue;
    }
    for (int k = parts; k < 4; ++k) value *= 1e8;
    out[i] = value;
  }
  return Column::make_reals(ScalarType::Decimal, std::move(out), std::move(valid));
}

// Math.Round(x, digits): halves go to the even neighbour.
double round_half_even(double x, int digits) {
  double scale = std::pow(10.0, digits);
  double y = x * scale;
  double r = std::nearbyint(y);  // the default rounding mode is to nearest, ties to even
  return r / scale;
}

// format_bytes(size [, precision [, units]]) (format_bytes() reference page): the size in the
// unit given, or in the largest unit (1024-based) it reaches, rounded to `precision` digits and
// written without trailing zeros: 564 Bytes, 10.1 KB, 19.08 MB.
ColumnPtr format_bytes_kernel(const KernelArgs& a) {
  static const char* const kUnits[] = {"Bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
  RealReader size(a[0]);
  std::unique_ptr<RealReader> precision;
  if (a.size() > 1) precision = std::make_unique<RealReader>(a[1]);
  int fixed_unit = -1;
  if (a.size() > 2) {
    TextReader units(a.ptr(2));
    std::string_view u = a.rows ? units.get(0) : std::string_view();
    for (int k = 0; k < 7; ++k)
      if (equals_ci(u, kUnits[k])) fixed_unit = k;
  }
  StringWriter out(a.rows, a.rows * 12);
  for (size_t i = 0; i < a.rows; ++i) {
    if (size.null(i)) {
      out.add({});
      continue;
    }
    double v = size.get(i);
    int digits = precision && !precision->null(i) ? static_cast<int>(precision->get(i)) : 0;
    if (digits < 0) digits = 0;
    int unit = fixed_unit;
    if (unit < 0) {
      unit = 0;
      while (unit < 6 && std::fabs(v) >= std::pow(1024.0, unit + 1)) ++unit;
    }
    double scaled = round_half_even(v / std::pow(1024.0, unit), digits);
    if (scaled == 0) scaled = 0;  // no "-0"
    out.text() += format_value(Value::of_real(scaled));
    out.text() += ' ';
    out.text() += kUnits[unit];
    out.end_row();
  }
  return out.finish();
}

}  // namespace

void attach_string_parser_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "parse_url", .kernel = parse_url_kernel},
      {.name = "parse_urlquery", .kernel = parse_urlquery_kernel},
      {.name = "parse_path", .kernel = parse_path_kernel},
      {.name = "parse_command_line", .kernel = parse_command_line_kernel},
      {.name = "parse_csv", .kernel = parse_csv_kernel},
      {.name = "parse_version", .kernel = parse_version_kernel},
      {.name = "format_bytes", .kernel = format_bytes_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
