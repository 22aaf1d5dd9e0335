// huntdb's EVTX reader against Debian's evtxexport (libevtx-utils), used here only as an oracle:
// for every sample file evtxexport can export, both must give the same records (count, order,
// EventRecordID, written time, TimeCreated) and the same rendered XML tree (every System field and
// every EventData/UserData value). Where evtxexport is known to print something other than what
// the file holds, the comparison accepts the file's truth and counts the case:
//   - HexInt32/HexInt64 values: evtxexport zero-pads them (0x000000000058d874); Windows prints
//     0x58d874, and so do we.
//   - times: evtxexport prints 9 fractional digits, Windows (and we) 7; compared as ticks.
//   - a string value that is only line breaks: evtxexport prints it empty (mimicking Event Viewer's
//     display); the value in the file is the line break, which we keep.
// Files evtxexport cannot read at all are listed with our record counts (and checked in
// evtx_unreadable_test.cpp).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/record_reader.h"
#include "huntdb/ingest/evtx/time_format.h"
#include "huntdb/ingest/evtx/utf16.h"

namespace huntdb::ingest::evtx {
namespace {

namespace fs = std::filesystem;

constexpr const char* kEvtxexport = "/usr/bin/evtxexport";

std::vector<std::string> sample_files() {
  std::vector<std::string> out;
  fs::path dir = fs::path(HUNTDB_SHARED_DIR) / "data" / "evtx";
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".evtx") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs a program without a shell (sample paths hold spaces, commas and parentheses) and returns
// its exit status and standard output.
int run(const std::vector<std::string>& argv, std::string& out) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  char buf[65536];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// --- A small XML reader, enough for evtxexport's output and for our own rendering. ---

struct XNode {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<XNode> children;
  std::string text;  // the element's own text, joined
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  // Top-level elements, skipping anything before and between them (evtxexport's banner line).
  std::vector<XNode> elements() {
    std::vector<XNode> out;
    for (;;) {
      size_t lt = s_.find('<', p_);
      if (lt == std::string_view::npos || !ok_) break;
      p_ = lt;
      out.push_back(element());
    }
    return out;
  }
  bool ok() const { return ok_; }

 private:
  void unescape_into(std::string_view raw, std::string& out) {
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        out.push_back(raw[i]);
        continue;
      }
      size_t semi = raw.find(';', i);
      if (semi == std::string_view::npos) {
        out.push_back('&');
        continue;
      }
      std::string_view ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "lt")
        out.push_back('<');
      else if (ent == "gt")
        out.push_back('>');
      else if (ent == "amp")
        out.push_back('&');
      else if (ent == "quot")
        out.push_back('"');
      else if (ent == "apos")
        out.push_back('\'');
      else if (!ent.empty() && ent[0] == '#') {
        uint32_t cp = ent.size() > 1 && ent[1] == 'x' ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                                      : std::stoul(std::string(ent.substr(1)), nullptr, 10);
        append_code_point(cp, out);
      } else {
        out.append(raw.substr(i, semi - i + 1));
      }
      i = semi;
    }
  }

  std::string name() {
    size_t b = p_;
    while (p_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[p_])) && s_[p_] != '/' && s_[p_] != '>' &&
           s_[p_] != '=')
      ++p_;
    return std::string(s_.substr(b, p_ - b));
  }
  void spaces() {
    while (p_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[p_]))) ++p_;
  }

  XNode element() {
    XNode n;
    ++p_;  // '<'
    n.name = name();
    for (;;) {
      spaces();
      if (p_ >= s_.size()) return ok_ = false, n;
      if (s_.compare(p_, 2, "/>") == 0) {
        p_ += 2;
        return n;
      }
      if (s_[p_] == '>') {
        ++p_;
        break;
      }
      std::string attr = name();
      spaces();
      if (p_ + 1 >= s_.size() || s_[p_] != '=') return ok_ = false, n;
      ++p_;
      spaces();
      char q = s_[p_++];
      size_t e = s_.find(q, p_);
      if (e == std::string_view::npos) return ok_ = false, n;
      std::string value;
      unescape_into(s_.substr(p_, e - p_), value);
      n.attrs.emplace_back(std::move(attr), std::move(value));
      p_ = e + 1;
    }
    std::string text;  // direct text, with pieces between child elements kept apart
    std::vector<std::string> pieces;
    for (;;) {
      size_t lt = s_.find('<', p_);
      if (lt == std::string_view::npos) return ok_ = false, n;
      pieces.emplace_back();
      unescape_into(s_.substr(p_, lt - p_), pieces.back());
      p_ = lt;
      if (s_.compare(p_, 2, "</") == 0) {
        size_t gt = s_.find('>', p_);
        if (gt == std::string_view::npos) return ok_ = false, n;
        p_ = gt + 1;
        break;
      }
      if (s_.compare(p_, 9, "<![CDATA[") == 0) {
        size_t e = s_.find("]]>", p_);
        if (e == std::string_view::npos) return ok_ = false, n;
        pieces.back().append(s_.substr(p_ + 9, e - p_ - 9));
        p_ = e + 3;
        continue;
      }
      n.children.push_back(element());
      if (!ok_) return n;
    }
    // Between child elements evtxexport puts indentation; only text of leaf-like content counts.
    for (auto& piece : pieces) {
      bool blank =
          std::all_of(piece.begin(), piece.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      if (n.children.empty() || !blank) n.text += piece;
    }
    return n;
  }

  std::string_view s_;
  size_t p_ = 0;
  bool ok_ = true;
};

// Our Event as the same tree.
XNode to_xnode(const Event& ev, uint32_t el) {
  XNode n;
  n.name = std::string(ev.name(el));
  const Node& e = ev.nodes()[el];
  for (uint32_t i = el + 1; i < e.end; i = ev.nodes()[i].end) {
    const Node& c = ev.nodes()[i];
    if (c.kind == NodeKind::Attribute)
      n.attrs.emplace_back(ev.name(i), ev.value(i));
    else if (c.kind == NodeKind::Element)
      n.children.push_back(to_xnode(ev, i));
    else if (c.kind == NodeKind::Text || c.kind == NodeKind::CData)
      n.text += ev.value(i);
  }
  return n;
}

// --- Comparing, with the known evtxexport deviations counted. ---

struct Tally {
  std::map<std::string, size_t> deviations;
  std::vector<std::string> mismatches;
};

bool is_hex(std::string_view s) {
  return s.size() > 2 && s[0] == '0' && s[1] == 'x' &&
         std::all_of(s.begin() + 2, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool same_value(std::string_view ours, std::string_view theirs, Tally& t) {
  if (ours == theirs) return true;
  if (is_hex(ours) && is_hex(theirs) && theirs.size() <= 18 &&
      std::stoull(std::string(ours), nullptr, 16) == std::stoull(std::string(theirs), nullptr, 16)) {
    ++t.deviations["hex value zero-padded by evtxexport"];
    return true;
  }
  auto a = parse_iso_filetime(ours), b = parse_iso_filetime(theirs);
  if (a && b && *a == *b) {
    ++t.deviations["time printed with 9 fractional digits by evtxexport"];
    return true;
  }
  if (theirs.empty() && !ours.empty() &&
      std::all_of(ours.begin(), ours.end(), [](char c) { return c == '\r' || c == '\n'; })) {
    ++t.deviations["line-break-only value printed empty by evtxexport"];
    return true;
  }
  return false;
}

void compare(const XNode& ours, const XNode& theirs, const std::string& where, Tally& t) {
  auto mismatch = [&](const std::string& what) { t.mismatches.push_back(where + ": " + what); };
  if (ours.name != theirs.name) return mismatch("element " + ours.name + " vs " + theirs.name);
  const std::string here = where + "/" + ours.name;
  if (ours.attrs.size() != theirs.attrs.size()) return mismatch(here + " attribute count differs");
  for (size_t i = 0; i < ours.attrs.size(); ++i) {
    if (ours.attrs[i].first != theirs.attrs[i].first)
      return mismatch(here + " attribute " + ours.attrs[i].first + " vs " + theirs.attrs[i].first);
    if (!same_value(ours.attrs[i].second, theirs.attrs[i].second, t))
      return mismatch(here + "/@" + ours.attrs[i].first + ": '" + ours.attrs[i].second + "' vs '" +
                      theirs.attrs[i].second + "'");
  }
  if (!same_value(ours.text, theirs.text, t))
    return mismatch(here + " text: '" + ours.text.substr(0, 200) + "' vs '" + theirs.text.substr(0, 200) + "'");
  if (ours.children.size() != theirs.children.size()) return mismatch(here + " child count differs");
  for (size_t i = 0; i < ours.children.size(); ++i) compare(ours.children[i], theirs.children[i], here, t);
}

// "Written time : Jul 12, 2020 05:12:58.296403500 UTC" lines of `evtxexport -f text`, as FILETIME.
std::vector<uint64_t> written_times(const std::string& text) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<uint64_t> out;
  size_t p = 0;
  while ((p = text.find("Written time", p)) != std::string::npos) {
    size_t colon = text.find(": ", p);
    size_t eol = text.find('\n', colon);
    std::string v = text.substr(colon + 2, eol - colon - 2);  // "Jul 12, 2020 05:12:58.296403500 UTC"
    p = eol;
    int month = 0;
    for (int m = 0; m < 12; ++m)
      if (v.compare(0, 3, kMonths[m]) == 0) month = m + 1;
    unsigned day, year, h, mi, s;
    char frac[16] = {};
    if (std::sscanf(v.c_str() + 4, "%u, %u %u:%u:%u.%9[0-9]", &day, &year, &h, &mi, &s, frac) != 6) {
      out.push_back(0);
      continue;
    }
    char iso[64];
    std::snprintf(iso, sizeof iso, "%04u-%02d-%02uT%02u:%02u:%02u.%sZ", year, month, day, h, mi, s, frac);
    out.push_back(parse_iso_filetime(iso).value_or(0));
  }
  return out;
}

TEST(EvtxOracle, AgreesWithEvtxexportOnEveryFileItCanRead) {
  if (access(kEvtxexport, X_OK) != 0) GTEST_SKIP() << "evtxexport not installed (apt-get install libevtx-utils)";
  const auto files = sample_files();
  if (files.empty()) GTEST_SKIP() << "no sample files under " << HUNTDB_SHARED_DIR << "/data/evtx";

  Tally tally;
  size_t compared_files = 0, compared_records = 0;
  std::vector<std::string> unreadable;
  for (const auto& path : files) {
    std::string xml, text;
    if (run({kEvtxexport, "-f", "xml", path}, xml) != 0) {
      // evtxexport gives up on the whole file; report what we read instead.
      auto file = EvtxFile::open(path);
      size_t n = 0;
      auto problems = for_each_record(file, [&](const Event&) { ++n; });
      unreadable.push_back(path.substr(path.find("/evtx/") + 6) + ": we read " + std::to_string(n) + " records, " +
                           std::to_string(problems.count()) + " problems");
      continue;
    }
    ASSERT_EQ(run({kEvtxexport, "-f", "text", path}, text), 0) << path;
    XmlReader reader(xml);
    std::vector<XNode> theirs = reader.elements();
    ASSERT_TRUE(reader.ok()) << "cannot parse evtxexport output for " << path;
    std::vector<uint64_t> written = written_times(text);

    auto file = EvtxFile::open(path);
    RecordReader ours(file);
    size_t i = 0;
    while (const Event* e = ours.next()) {
      const std::string where =
          path.substr(path.find("/evtx/") + 6) + " record " + std::to_string(e->event_record_id().value_or(0));
      if (i >= theirs.size()) {
        tally.mismatches.push_back(where + ": evtxexport has no such record");
        ++i;
        continue;
      }
      const XNode& t = theirs[i];
      // The record header: id and written time.
      const XNode* sys = t.children.empty() ? nullptr : &t.children[0];
      std::string their_id;
      std::string their_created;
      for (const auto& c : sys ? sys->children : std::vector<XNode>{}) {
        if (c.name == "EventRecordID") their_id = c.text;
        if (c.name == "TimeCreated" && !c.attrs.empty()) their_created = c.attrs[0].second;
      }
      EXPECT_EQ(e->system(SystemField::EventRecordID), their_id) << where;
      EXPECT_EQ(std::to_string(e->event_record_id().value_or(0)), their_id) << where;
      ASSERT_LT(i, written.size()) << where;
      EXPECT_EQ(e->written_filetime(), written[i]) << where;
      EXPECT_EQ(e->time_created_filetime(), parse_iso_filetime(their_created)) << where;

      // The rendered tree: every element, attribute and value.
      ASSERT_NE(e->root(), kNoNode) << where;
      XNode mine = to_xnode(*e, e->root());
      compare(mine, t, where, tally);

      // Our XML rendering reads back to the same tree.
      const std::string rendered = event_xml(*e);
      XmlReader back(rendered);
      auto again = back.elements();
      ASSERT_TRUE(back.ok() && again.size() == 1) << where;
      Tally self;
      compare(again[0], mine, where + " (our XML)", self);
      EXPECT_TRUE(self.mismatches.empty() && self.deviations.empty()) << where;
      ++i;
      ++compared_records;
    }
    EXPECT_EQ(i, theirs.size()) << path << ": record count differs";
    EXPECT_TRUE(ours.problems().empty()) << path << ": " << format_problem(ours.problems().list().front());
    ++compared_files;
  }

  std::printf("[ evtx oracle ] %zu files, %zu records compared with evtxexport; %zu mismatches\n", compared_files,
              compared_records, tally.mismatches.size());
  for (const auto& [what, n] : tally.deviations) std::printf("[ evtx oracle ] accepted %zu x %s\n", n, what.c_str());
  for (const auto& u : unreadable) std::printf("[ evtx oracle ] evtxexport cannot read: %s\n", u.c_str());
  for (size_t k = 0; k < std::min<size_t>(tally.mismatches.size(), 20); ++k) ADD_FAILURE() << tally.mismatches[k];
  EXPECT_TRUE(tally.mismatches.empty());
  EXPECT_GT(compared_files, 0u);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
