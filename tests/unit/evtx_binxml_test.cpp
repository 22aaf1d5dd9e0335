// BinXml decoding on hand-built records: every token, templates with normal and optional
// substitutions, every value type, arrays, nested BinXml values, the element form without a
// dependency id, malformed tokens, and the limits that stop a record from expanding without end.
// The records are written by a small EVTX writer below (names inline on first use and by offset
// afterwards, template definitions inline on first use, as Windows writes them) and read back
// through the public reader, so every test goes through the whole path.
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/crc32.h"
#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/record_reader.h"
#include "huntdb/ingest/evtx/value_type.h"

namespace huntdb::ingest::evtx {
namespace {

using Bytes = std::vector<uint8_t>;

// One template value: raw bytes, or BinXml written in place (its offsets are chunk-relative).
struct Val {
  uint8_t type;
  Bytes data;
  std::function<void()> binxml;
};

class EvtxWriter {
 public:
  EvtxWriter() : c_(65536, 0) {}

  void u8(uint8_t v) { c_.at(pos_++) = v; }
  void u16(uint16_t v) { u8(static_cast<uint8_t>(v)), u8(static_cast<uint8_t>(v >> 8)); }
  void u32(uint32_t v) { u16(static_cast<uint16_t>(v)), u16(static_cast<uint16_t>(v >> 16)); }
  void u64(uint64_t v) { u32(static_cast<uint32_t>(v)), u32(static_cast<uint32_t>(v >> 32)); }
  void bytes(const Bytes& b) {
    for (uint8_t x : b) u8(x);
  }
  void utf16(std::u16string_view s) {
    for (char16_t ch : s) u16(ch);
  }
  void patch32(uint32_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) c_.at(at + i) = static_cast<uint8_t>(v >> (8 * i));
  }
  uint32_t pos() const { return pos_; }

  void name(std::u16string_view n) {
    if (auto it = names_.find(std::u16string(n)); it != names_.end()) return u32(it->second);
    u32(pos_ + 4);
    names_[std::u16string(n)] = pos_;
    u32(0);  // next name in the hash bucket
    u16(0);  // hash (not checked by readers)
    u16(static_cast<uint16_t>(n.size()));
    utf16(n);
    u16(0);
  }
  void fragment() { u8(0x0f), u8(1), u8(1), u8(0); }
  void start(std::u16string_view n, bool attrs = false, bool dependency_id = true) {
    u8(attrs ? 0x41 : 0x01);
    if (dependency_id) u16(0xFFFF);
    u32(0);  // data size: readers walk the tokens instead
    name(n);
    if (attrs) u32(0);  // attribute list size
  }
  void attr(std::u16string_view n) { u8(0x06), name(n); }
  void text(std::u16string_view s) { u8(0x05), u8(0x01), u16(static_cast<uint16_t>(s.size())), utf16(s); }
  void close_start() { u8(0x02); }
  void close_empty() { u8(0x03); }
  void end() { u8(0x04); }
  void eof() { u8(0x00); }
  void cdata(std::u16string_view s) { u8(0x07), u16(static_cast<uint16_t>(s.size())), utf16(s); }
  void charref(uint16_t ch) { u8(0x08), u16(ch); }
  void entity(std::u16string_view n) { u8(0x09), name(n); }
  void pi(std::u16string_view target, std::u16string_view data) {
    u8(0x0a), name(target);
    u8(0x0b), u16(static_cast<uint16_t>(data.size())), utf16(data);
  }
  void sub(uint16_t index, ValueType type, bool optional = false) {
    u8(optional ? 0x0e : 0x0d), u16(index), u8(static_cast<uint8_t>(type));
  }
  // <name>%index</name> or, with attr, <name attr='attr_value'>%index</name>.
  void leaf(std::u16string_view n, uint16_t index, ValueType type, bool optional = false) {
    start(n), close_start(), sub(index, type, optional), end();
  }
  void data(std::u16string_view data_name, uint16_t index, ValueType type, bool optional = false) {
    start(u"Data", true), attr(u"Name"), text(data_name), close_start(), sub(index, type, optional), end();
  }

  // A template instance. With def == 0 the definition is written inline from `body` and its
  // offset returned; otherwise the instance refers to the definition at `def`.
  uint32_t instance(const std::function<void()>& body, const std::vector<Val>& vals, uint32_t def = 0) {
    u8(0x0c), u8(1), u32(0x01020304);
    if (def != 0) {
      u32(def);
    } else {
      def = pos_ + 4;
      u32(def);
      u32(0);                                     // next template
      for (int i = 0; i < 16; ++i) u8(0xA0 + i);  // GUID
      uint32_t size_at = pos_;
      u32(0);
      uint32_t begin = pos_;
      body();
      patch32(size_at, pos_ - begin);
    }
    u32(static_cast<uint32_t>(vals.size()));
    std::vector<uint32_t> desc;
    for (const Val& v : vals) {
      desc.push_back(pos_);
      u16(static_cast<uint16_t>(v.data.size())), u8(v.type), u8(0);
    }
    for (size_t i = 0; i < vals.size(); ++i) {
      uint32_t begin = pos_;
      if (vals[i].binxml)
        vals[i].binxml();
      else
        bytes(vals[i].data);
      c_[desc[i]] = static_cast<uint8_t>(pos_ - begin);
      c_[desc[i] + 1] = static_cast<uint8_t>((pos_ - begin) >> 8);
    }
    return def;
  }

  // A record whose BinXml is written by `body`; returns the record's chunk offset.
  uint32_t record(uint64_t id, const std::function<void()>& body, uint64_t written = 132635550531234567ull) {
    uint32_t start = pos_;
    u32(0x00002a2a), u32(0), u64(id), u64(written);
    body();
    while ((pos_ + 4) % 8 != 0) u8(0);
    u32(pos_ + 4 - start);
    patch32(start + 4, pos_ - start);
    if (records_++ == 0) first_id_ = id;
    last_id_ = id;
    last_record_ = start;
    return start;
  }

  // The finished file: file header, this chunk with its checksums.
  Bytes file() {
    Bytes chunk = c_;
    std::memcpy(chunk.data(), "ElfChnk\0", 8);
    auto put64 = [&](Bytes& b, size_t at, uint64_t v) {
      for (int i = 0; i < 8; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
    };
    auto put32 = [&](Bytes& b, size_t at, uint32_t v) {
      for (int i = 0; i < 4; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
    };
    put64(chunk, 8, 1), put64(chunk, 16, records_), put64(chunk, 24, first_id_), put64(chunk, 32, last_id_);
    put32(chunk, 40, 128), put32(chunk, 44, last_record_), put32(chunk, 48, pos_);
    put32(chunk, 52, crc32(0, chunk.data() + 512, pos_ - 512));
    put32(chunk, 124, crc32(crc32(0, chunk.data(), 120), chunk.data() + 128, 384));

    Bytes f(4096, 0);
    std::memcpy(f.data(), "ElfFile\0", 8);
    put64(f, 8, 0), put64(f, 16, 0), put64(f, 24, last_id_ + 1);
    put32(f, 32, 128);
    f[36] = 1, f[38] = 3;        // version 3.1
    f[40] = 0x00, f[41] = 0x10;  // header block size 4096
    f[42] = 1;                   // one chunk
    put32(f, 124, crc32(0, f.data(), 120));
    f.insert(f.end(), chunk.begin(), chunk.end());
    return f;
  }

 private:
  Bytes c_;
  uint32_t pos_ = 512;
  std::map<std::u16string, uint32_t> names_;
  uint64_t records_ = 0, first_id_ = 0, last_id_ = 0;
  uint32_t last_record_ = 0;
};

Bytes le(uint64_t v, size_t n) {
  Bytes b;
  for (size_t i = 0; i < n; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
  return b;
}
Bytes w(std::u16string_view s) {
  Bytes b;
  for (char16_t c : s) b.push_back(static_cast<uint8_t>(c)), b.push_back(static_cast<uint8_t>(c >> 8));
  return b;
}
Val v(ValueType t, Bytes b) { return Val{static_cast<uint8_t>(t), std::move(b), nullptr}; }
Val null() { return Val{0, {}, nullptr}; }

struct ReadResult {
  std::vector<Event> events;
  std::vector<Problem> problems;
};

ReadResult read_all(const Bytes& file) {
  ReadResult r;
  auto f = EvtxFile::from_bytes(file, "synthetic.evtx");
  auto problems = for_each_record(f, [&](const Event& e) { r.events.push_back(e); });
  r.problems = problems.list();
  return r;
}

std::string problems_text(const ReadResult& r) {
  std::string s;
  for (const auto& p : r.problems) s += format_problem(p) + "\n";
  return s;
}

TEST(EvtxBinXml, PlainTokensRenderAsXml) {
  EvtxWriter wr;
  wr.record(1, [&] {
    wr.fragment();
    wr.start(u"Event", true), wr.attr(u"xmlns"), wr.text(u"urn:test"), wr.close_start();
    wr.start(u"System"), wr.close_start();
    wr.start(u"EventID"), wr.close_start(), wr.text(u"7"), wr.end();
    wr.end();
    wr.start(u"Payload", true), wr.attr(u"a"), wr.text(u"x "), wr.entity(u"amp"), wr.text(u" y'"), wr.close_start();
    wr.text(u"text "), wr.entity(u"lt"), wr.text(u" "), wr.charref(65);
    wr.cdata(u"raw <b>");
    wr.pi(u"target", u"some data");
    wr.start(u"Empty"), wr.close_empty();
    wr.end();
    wr.end();
    wr.eof();
  });
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 1u) << problems_text(r);
  EXPECT_TRUE(r.problems.empty()) << problems_text(r);
  const Event& e = r.events[0];
  EXPECT_EQ(
      event_xml(e),
      "<Event xmlns='urn:test'><System><EventID>7</EventID></System>"
      "<Payload a='x &amp; y&apos;'>text &lt; A<![CDATA[raw <b>]]><?target some data?><Empty/></Payload></Event>");
  EXPECT_EQ(e.event_id(), 7u);
  EXPECT_EQ(e.record_id(), 1u);
  EXPECT_EQ(e.written_filetime(), 132635550531234567ull);
  EXPECT_EQ(e.written_time(), 132635550531234567ll - 116444736000000000ll);
  uint32_t payload = e.child(e.root(), "Payload");
  ASSERT_NE(payload, kNoNode);
  EXPECT_EQ(e.attribute(payload, "a"), "x & y'");
  EXPECT_EQ(e.attribute(payload, "b"), std::nullopt);
  EXPECT_EQ(e.element_text(payload), "text < Araw <b>");
  // Payload is neither EventData nor UserData but still data: its leaves are the values.
  EXPECT_EQ(e.data_section(), DataSection::Other);
}

TEST(EvtxBinXml, ElementsWithoutDependencyIdRenderTheSame) {
  // Forwarded and converted logs (the files libevtx rejects) leave the dependency id out.
  auto build = [](bool dep) {
    EvtxWriter wr;
    wr.record(1, [&] {
      wr.fragment();
      wr.start(u"Event", false, dep), wr.close_start();
      wr.start(u"System", false, dep), wr.close_start();
      wr.start(u"Provider", true, dep), wr.attr(u"Name"), wr.text(u"P"), wr.close_empty();
      wr.start(u"EventID", false, dep), wr.close_start(), wr.text(u"1116"), wr.end();
      wr.end();
      wr.start(u"EventData", false, dep), wr.close_start();
      wr.start(u"Data", true, dep), wr.attr(u"Name"), wr.text(u"Threat Name"), wr.close_start();
      wr.text(u"HackTool:Win64/Mikatz!dha"), wr.end();
      wr.end();
      wr.end();
      wr.eof();
    });
    return read_all(wr.file());
  };
  auto with = build(true), without = build(false);
  ASSERT_EQ(with.events.size(), 1u) << problems_text(with);
  ASSERT_EQ(without.events.size(), 1u) << problems_text(without);
  EXPECT_EQ(event_xml(with.events[0]), event_xml(without.events[0]));
  EXPECT_EQ(without.events[0].data_value("Threat Name"), "HackTool:Win64/Mikatz!dha");
  EXPECT_EQ(without.events[0].system(SystemField::ProviderName), "P");
}

// The System part of a Security-style template; values 0..7 are its substitutions.
void system_template(EvtxWriter& wr) {
  wr.start(u"System"), wr.close_start();
  wr.start(u"Provider", true), wr.attr(u"Name"), wr.sub(0, ValueType::String), wr.attr(u"Guid"),
      wr.sub(1, ValueType::Guid), wr.close_empty();
  wr.start(u"EventID", true), wr.attr(u"Qualifiers"), wr.sub(2, ValueType::UInt16, true), wr.close_start(),
      wr.sub(3, ValueType::UInt16), wr.end();
  wr.start(u"TimeCreated", true), wr.attr(u"SystemTime"), wr.sub(4, ValueType::FileTime), wr.close_empty();
  wr.leaf(u"EventRecordID", 5, ValueType::UInt64);
  wr.start(u"Correlation", true), wr.attr(u"ActivityID"), wr.sub(6, ValueType::Guid, true), wr.close_empty();
  wr.start(u"Security", true), wr.attr(u"UserID"), wr.sub(7, ValueType::Sid, true), wr.close_empty();
  wr.end();
}

Bytes guid_bytes() {
  return {0x25, 0x96, 0x84, 0x54, 0x78, 0x54, 0x94, 0x49, 0xA5, 0xBA, 0x3E, 0x3B, 0x03, 0x28, 0xC3, 0x0D};
}
Bytes sid_bytes() { return {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0}; }

std::vector<Val> system_values(uint64_t record_id) {
  return {v(ValueType::String, w(u"Microsoft-Windows-Security-Auditing")),
          v(ValueType::Guid, guid_bytes()),
          null(),
          v(ValueType::UInt16, le(4624, 2)),
          v(ValueType::FileTime, le(132635550531234567ull, 8)),
          v(ValueType::UInt64, le(record_id, 8)),
          null(),
          v(ValueType::Sid, sid_bytes())};
}

TEST(EvtxBinXml, TemplateSubstitutionsOfEveryType) {
  struct Case {
    std::u16string name;
    Val value;
    std::string text;
  };
  float f = -2.25f;
  double d = 1e300;
  Bytes fb(4), db(8);
  std::memcpy(fb.data(), &f, 4);
  std::memcpy(db.data(), &d, 8);
  Bytes st;
  for (uint16_t x : {2021, 4, 4, 22, 8, 50, 53, 123}) st.push_back(static_cast<uint8_t>(x)), st.push_back(x >> 8);
  std::vector<Case> cases = {
      {u"String", v(ValueType::String, w(std::u16string(u"C:\\Windows\\cmd.exe\0", 19))), "C:\\Windows\\cmd.exe"},
      {u"Ansi", v(ValueType::AnsiString, {'a', 'n', 's', 'i'}), "ansi"},
      {u"Int8", v(ValueType::Int8, {0x80}), "-128"},
      {u"UInt8", v(ValueType::UInt8, {0xFF}), "255"},
      {u"Int16", v(ValueType::Int16, le(0x8000, 2)), "-32768"},
      {u"UInt16", v(ValueType::UInt16, le(0xFFFF, 2)), "65535"},
      {u"Int32", v(ValueType::Int32, le(0xFFFFFFFF, 4)), "-1"},
      {u"UInt32", v(ValueType::UInt32, le(4294967295u, 4)), "4294967295"},
      {u"Int64", v(ValueType::Int64, le(0x8000000000000000ull, 8)), "-9223372036854775808"},
      {u"UInt64", v(ValueType::UInt64, le(~0ull, 8)), "18446744073709551615"},
      {u"Real32", v(ValueType::Real32, fb), "-2.25"},
      {u"Real64", v(ValueType::Real64, db), "1e+300"},
      {u"Bool", v(ValueType::Bool, le(1, 4)), "true"},
      {u"Binary", v(ValueType::Binary, {0xD9, 0x06, 0, 0}), "D9060000"},
      {u"Guid", v(ValueType::Guid, guid_bytes()), "{54849625-5478-4994-A5BA-3E3B0328C30D}"},
      {u"SizeT", v(ValueType::SizeT, le(0x7ff6a000, 8)), "0x7ff6a000"},
      {u"FileTime", v(ValueType::FileTime, le(132635550531234567ull, 8)), "2021-04-22T08:50:53.1234567Z"},
      {u"SysTime", v(ValueType::SysTime, st), "2021-04-22T08:50:53.1230000Z"},
      {u"Sid", v(ValueType::Sid, sid_bytes()), "S-1-5-18"},
      {u"HexInt32", v(ValueType::HexInt32, le(0x3e7, 4)), "0x3e7"},
      {u"HexInt64", v(ValueType::HexInt64, le(0x58d874, 8)), "0x58d874"},
  };
  EvtxWriter wr;
  auto body = [&] {
    wr.fragment();
    wr.start(u"Event"), wr.close_start();
    system_template(wr);
    wr.start(u"EventData"), wr.close_start();
    for (size_t i = 0; i < cases.size(); ++i)
      wr.data(cases[i].name, static_cast<uint16_t>(8 + i), static_cast<ValueType>(cases[i].value.type));
    wr.end();
    wr.end();
    wr.eof();
  };
  std::vector<Val> vals = system_values(2775247);
  for (const auto& c : cases) vals.push_back(c.value);
  wr.record(1, [&] {
    wr.fragment();
    wr.instance(body, vals);
    wr.eof();
  });
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 1u) << problems_text(r);
  const Event& e = r.events[0];
  EXPECT_EQ(e.system(SystemField::ProviderName), "Microsoft-Windows-Security-Auditing");
  EXPECT_EQ(e.system(SystemField::ProviderGuid), "{54849625-5478-4994-A5BA-3E3B0328C30D}");
  EXPECT_EQ(e.event_id(), 4624u);
  EXPECT_FALSE(e.has(SystemField::Qualifiers));  // optional and absent: no attribute
  EXPECT_EQ(e.system(SystemField::TimeCreated), "2021-04-22T08:50:53.1234567Z");
  EXPECT_EQ(e.time_created_filetime(), 132635550531234567ull);
  EXPECT_EQ(e.event_record_id(), 2775247u);
  EXPECT_FALSE(e.has(SystemField::ActivityID));
  EXPECT_EQ(e.system(SystemField::UserID), "S-1-5-18");
  EXPECT_EQ(e.data_section(), DataSection::EventData);
  ASSERT_EQ(e.data_count(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(e.data(i).value, cases[i].text) << i;
    EXPECT_EQ(e.data_value(e.data(i).name), cases[i].text);
  }
  std::string xml = event_xml(e);
  EXPECT_NE(xml.find("<EventID>4624</EventID><TimeCreated SystemTime='2021-04-22T08:50:53.1234567Z'/>"
                     "<EventRecordID>2775247</EventRecordID><Correlation/><Security UserID='S-1-5-18'/>"),
            std::string::npos)
      << xml;
}

TEST(EvtxBinXml, AbsentValuesFollowWindowsRules) {
  EvtxWriter wr;
  auto body = [&] {
    wr.fragment();
    wr.start(u"Event"), wr.close_start();
    wr.start(u"EventData"), wr.close_start();
    wr.data(u"Normal", 0, ValueType::String);             // null, normal: the element stays, empty
    wr.data(u"Optional", 1, ValueType::String, true);     // null, optional: the element goes
    wr.leaf(u"Binary", 2, ValueType::Binary, true);       // classic events without binary data
    wr.data(u"EmptyString", 3, ValueType::String, true);  // a value, just empty: stays
    wr.data(u"Missing", 9, ValueType::String);            // no such value: empty
    wr.start(u"Attrs", true), wr.attr(u"Keep"), wr.sub(0, ValueType::String), wr.attr(u"Drop"),
        wr.sub(1, ValueType::String, true), wr.attr(u"Mixed"), wr.text(u"x"), wr.sub(1, ValueType::String, true),
        wr.close_empty();
    wr.end();
    wr.end();
    wr.eof();
  };
  wr.record(1, [&] {
    wr.fragment();
    wr.instance(body, {null(), null(), null(), v(ValueType::String, {})});
    wr.eof();
  });
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 1u) << problems_text(r);
  EXPECT_EQ(event_xml(r.events[0]),
            "<Event><EventData><Data Name='Normal'/><Data Name='EmptyString'/><Data Name='Missing'/>"
            "<Attrs Keep='' Mixed='x'/></EventData></Event>");
  EXPECT_EQ(r.events[0].data_value("Normal"), "");
  EXPECT_EQ(r.events[0].data_value("Optional"), std::nullopt);
}

TEST(EvtxBinXml, ArrayValuesRepeatTheirElement) {
  EvtxWriter wr;
  auto body = [&] {
    wr.fragment();
    wr.start(u"Event"), wr.close_start();
    wr.start(u"UserData"), wr.close_start();
    wr.start(u"RmRestartEvent", true), wr.attr(u"xmlns"), wr.text(u"urn:rm"), wr.close_start();
    wr.leaf(u"nApplications", 0, ValueType::UInt32);
    wr.start(u"Applications"), wr.close_start();
    wr.start(u"Application", true), wr.attr(u"Index"), wr.sub(2, ValueType::UInt16, false), wr.close_start(),
        wr.sub(1, ValueType::String), wr.end();
    wr.end();
    wr.start(u"None"), wr.close_start(), wr.leaf(u"Item", 3, ValueType::String), wr.end();
    wr.end();
    wr.end();
    wr.end();
    wr.eof();
  };
  Bytes apps = w(std::u16string(u"Windows Explorer\0Print Spooler\0Windows Installer\0", 49));
  Bytes idx = le(1, 2);
  for (uint16_t i : {2, 3}) idx.push_back(static_cast<uint8_t>(i)), idx.push_back(0);
  wr.record(1, [&] {
    wr.fragment();
    wr.instance(body, {v(ValueType::UInt32, le(3, 4)), Val{0x81, apps, nullptr}, Val{0x86, idx, nullptr},
                       Val{0x81, {}, nullptr}});
    wr.eof();
  });
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 1u) << problems_text(r);
  const Event& e = r.events[0];
  EXPECT_EQ(event_xml(e),
            "<Event><UserData><RmRestartEvent xmlns='urn:rm'><nApplications>3</nApplications><Applications>"
            "<Application Index='1'>Windows Explorer</Application><Application Index='2'>Print Spooler</Application>"
            "<Application Index='3'>Windows Installer</Application></Applications><None><Item/></None>"
            "</RmRestartEvent></UserData></Event>");
  EXPECT_EQ(e.data_section(), DataSection::UserData);
  ASSERT_EQ(e.data_count(), 5u);
  EXPECT_EQ(e.data(0).name, "nApplications");
  EXPECT_EQ(e.data(2).name, "Application");
  EXPECT_EQ(e.data(2).value, "Print Spooler");
  EXPECT_EQ(e.data(4).name, "Item");
  EXPECT_EQ(e.data(4).value, "");
}

TEST(EvtxBinXml, NestedBinXmlValuesRenderInPlace) {
  EvtxWriter wr;
  auto outer = [&] {
    wr.fragment();
    wr.start(u"Event"), wr.close_start();
    system_template(wr);
    wr.start(u"UserData"), wr.close_start(), wr.sub(8, ValueType::BinXml, true), wr.end();
    wr.end();
    wr.eof();
  };
  auto inner = [&] {
    wr.fragment();
    wr.start(u"LogFileCleared", true), wr.attr(u"xmlns"),
        wr.text(u"http://manifests.microsoft.com/win/2004/08/windows/eventlog"), wr.close_start();
    wr.leaf(u"SubjectUserName", 0, ValueType::String);
    wr.leaf(u"SubjectLogonId", 1, ValueType::HexInt64);
    wr.start(u"BackupPath"), wr.close_start(), wr.sub(2, ValueType::String), wr.end();
    wr.end();
    wr.eof();
  };
  uint32_t outer_def = 0, inner_def = 0;
  auto record = [&](uint64_t id, std::u16string user) {
    wr.record(id, [&] {
      wr.fragment();
      std::vector<Val> vals = system_values(id);
      vals.push_back(Val{static_cast<uint8_t>(ValueType::BinXml), {}, [&] {
                           uint32_t d = wr.instance(
                               inner, {v(ValueType::String, w(user)), v(ValueType::HexInt64, le(0x3e7, 8)), null()},
                               inner_def);
                           inner_def = d;
                           wr.eof();
                         }});
      outer_def = wr.instance(outer, vals, outer_def);
      wr.eof();
    });
  };
  record(10, u"alice");
  record(11, u"bob");  // both templates now by reference
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 2u) << problems_text(r);
  for (int i = 0; i < 2; ++i) {
    const Event& e = r.events[i];
    EXPECT_EQ(e.data_section(), DataSection::UserData);
    ASSERT_EQ(e.data_count(), 3u);
    EXPECT_EQ(e.data_value("SubjectUserName"), i == 0 ? "alice" : "bob");
    EXPECT_EQ(e.data_value("SubjectLogonId"), "0x3e7");
    EXPECT_EQ(e.data_value("BackupPath"), "");
    EXPECT_EQ(e.event_record_id(), 10u + i);
  }
  std::string xml = event_xml(r.events[1]);
  EXPECT_NE(xml.find("<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>"
                     "<SubjectUserName>bob</SubjectUserName><SubjectLogonId>0x3e7</SubjectLogonId><BackupPath/>"
                     "</LogFileCleared></UserData>"),
            std::string::npos)
      << xml;
}

TEST(EvtxBinXml, BadRecordsAreReportedAndTheRestStillRead) {
  EvtxWriter wr;
  auto good = [&](uint64_t id) {
    wr.record(id, [&] {
      wr.fragment();
      wr.start(u"Event"), wr.close_start(), wr.text(u"ok"), wr.end();
      wr.eof();
    });
  };
  good(1);
  wr.record(2, [&] { wr.fragment(), wr.start(u"Event"), wr.close_start(), wr.u8(0x1f); });
  good(3);
  wr.record(4, [&] { wr.fragment(), wr.start(u"Event"), wr.close_start(), wr.u8(0x05), wr.u8(0x01), wr.u16(5000); });
  wr.record(5, [&] { wr.fragment(), wr.u8(0x0c), wr.u8(1), wr.u32(0), wr.u32(0xFFF0), wr.u32(0); });
  wr.record(6, [&] { wr.fragment(), wr.start(u"Event"), wr.close_start(), wr.end(), wr.end(), wr.eof(); });
  wr.record(7, [&] { wr.fragment(), wr.u8(0x01), wr.u16(0xFFFF), wr.u32(0), wr.u32(0x9000), wr.eof(); });
  wr.record(8, [&] { wr.fragment(), wr.start(u"Event"), wr.close_start(), wr.eof(); });
  wr.record(9, [&] { wr.fragment(), wr.sub(0, ValueType::String), wr.eof(); });
  good(10);
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 3u) << problems_text(r);
  EXPECT_EQ(r.events[0].record_id(), 1u);
  EXPECT_EQ(r.events[1].record_id(), 3u);
  EXPECT_EQ(r.events[2].record_id(), 10u);
  std::string all = problems_text(r);
  EXPECT_EQ(r.problems.size(), 7u) << all;
  EXPECT_NE(all.find("record 2: unknown BinXml token 0x1f"), std::string::npos) << all;
  EXPECT_NE(all.find("record 4: value runs past the end of its data"), std::string::npos) << all;
  EXPECT_NE(all.find("record 5: template at 0xfff0"), std::string::npos) << all;
  EXPECT_NE(all.find("record 6: element end without a start"), std::string::npos) << all;
  EXPECT_NE(all.find("record 7: element start has no plausible size and name offset"), std::string::npos) << all;
  EXPECT_NE(all.find("record 8: fragment ends inside an element"), std::string::npos) << all;
  EXPECT_NE(all.find("record 9: substitution outside a template definition"), std::string::npos) << all;
  for (const auto& p : r.problems) {
    EXPECT_EQ(p.file, "synthetic.evtx");
    EXPECT_GT(p.offset, 4096u + 512u);
  }
}

TEST(EvtxBinXml, ExpansionIsBounded) {
  // Each level's template uses value 0 two hundred times, and value 0 is the next level: without
  // limits the record would render 200^depth elements.
  EvtxWriter wr;
  uint32_t def = 0;
  auto tmpl = [&] {
    wr.fragment();
    wr.start(u"L"), wr.close_start();
    for (int i = 0; i < 200; ++i) wr.sub(0, ValueType::BinXml);
    wr.end();
    wr.eof();
  };
  std::function<void(int)> level = [&](int depth) {
    std::vector<Val> vals;
    if (depth == 0)
      vals.push_back(v(ValueType::String, w(u"leaf")));
    else
      vals.push_back(Val{static_cast<uint8_t>(ValueType::BinXml), {}, [&, depth] {
                           wr.fragment();
                           level(depth - 1);
                           wr.eof();
                         }});
    def = wr.instance(tmpl, vals, def);
  };
  wr.record(1, [&] {
    wr.fragment();
    level(6);
    wr.eof();
  });
  // Fragments nested deeper than the limit (each level is a template and a BinXml value).
  wr.record(3, [&] {
    wr.fragment();
    level(12);
    wr.eof();
  });
  // Elements nested deeper than the limit.
  wr.record(2, [&] {
    wr.fragment();
    for (int i = 0; i < 300; ++i) wr.start(u"D"), wr.close_start();
    for (int i = 0; i < 300; ++i) wr.end();
    wr.eof();
  });
  auto r = read_all(wr.file());
  EXPECT_EQ(r.events.size(), 0u);
  std::string all = problems_text(r);
  ASSERT_EQ(r.problems.size(), 3u) << all;
  EXPECT_NE(all.find("record 1: record takes too many steps to render"), std::string::npos) << all;
  EXPECT_NE(all.find("record 2: elements nested too deeply"), std::string::npos) << all;
  EXPECT_NE(all.find("record 3: BinXml values nested too deeply"), std::string::npos) << all;
}

TEST(EvtxBinXml, OverlappingTemplateDefinitionsAreCapped) {
  // Record 1's payload repeats "0F 75 00 00": read as a template definition from any offset 20
  // bytes before a repeat, it has a plausible size (0x750F) and then valid tokens (fragment
  // headers) all the way. Instances pointing at a hundred such offsets would compile ~3 MB of
  // definitions from one chunk; the cap stops that.
  EvtxWriter wr;
  uint32_t payload = 0;
  wr.record(1, [&] {
    payload = wr.pos();
    for (int i = 0; i < 8000; ++i) wr.u8(0x0F), wr.u8(0x75), wr.u8(0), wr.u8(0);
  });
  for (uint32_t k = 0; k < 100; ++k)
    wr.record(2 + k, [&] {
      wr.fragment();
      wr.instance([] {}, {}, payload + 4 * (k + 8) - 20);
      wr.eof();
    });
  auto r = read_all(wr.file());
  EXPECT_EQ(r.events.size(), 0u);
  std::string all = problems_text(r);
  EXPECT_NE(all.find("record 1: record holds no XML element"), std::string::npos) << all;
  EXPECT_NE(all.find("overlap far beyond what a real log holds"), std::string::npos) << all;
}

TEST(EvtxBinXml, NamesAreSharedAcrossRecordsByOffset) {
  EvtxWriter wr;
  for (uint64_t id = 1; id <= 3; ++id)
    wr.record(id, [&] {
      wr.fragment();
      wr.start(u"Event", true), wr.attr(u"n"), wr.text(std::u16string(1, u'0' + static_cast<char16_t>(id))),
          wr.close_empty();
      wr.eof();
    });
  auto r = read_all(wr.file());
  ASSERT_EQ(r.events.size(), 3u) << problems_text(r);
  EXPECT_EQ(event_xml(r.events[2]), "<Event n='3'/>");
}

}  // namespace
}  // namespace huntdb::ingest::evtx
