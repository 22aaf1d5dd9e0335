// The record model on a real Security event (4732, a member added to a local group): the System
// fields, the EventData values, tree navigation, the wevtutil-style XML, and that an Event copied
// out of the reader stays valid after the reader moves on.
#include "huntdb/ingest/evtx/event.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/evtx.h"
#include "huntdb/ingest/evtx/time_format.h"

namespace huntdb::ingest::evtx {
namespace {

const std::string kFile = std::string(HUNTDB_SHARED_DIR) +
                          "/data/evtx/EVTX-to-MITRE-Attack/TA0003-Persistence/T1136-Create account/"
                          "ID4720-Local user created.evtx";

std::vector<Event> read_file(const std::string& path) {
  std::vector<Event> out;
  auto f = EvtxFile::open(path);
  auto problems = for_each_record(f, [&](const Event& e) { out.push_back(e); });  // copies
  EXPECT_TRUE(problems.empty());
  return out;
}

TEST(EvtxEvent, SystemFieldsAsWindowsShowsThem) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  auto events = read_file(kFile);
  ASSERT_EQ(events.size(), 2u);
  const Event& e = events[1];
  EXPECT_EQ(e.system(SystemField::ProviderName), "Microsoft-Windows-Security-Auditing");
  EXPECT_EQ(e.system(SystemField::ProviderGuid), "{54849625-5478-4994-A5BA-3E3B0328C30D}");
  EXPECT_EQ(e.system(SystemField::EventID), "4732");
  EXPECT_FALSE(e.has(SystemField::Qualifiers));
  EXPECT_EQ(e.system(SystemField::Version), "0");
  EXPECT_EQ(e.system(SystemField::Level), "0");
  EXPECT_EQ(e.system(SystemField::Task), "13826");
  EXPECT_EQ(e.system(SystemField::Opcode), "0");
  EXPECT_EQ(e.system(SystemField::Keywords), "0x8020000000000000");
  EXPECT_EQ(e.system(SystemField::TimeCreated), "2020-07-12T05:12:58.3122807Z");
  EXPECT_EQ(e.system(SystemField::EventRecordID), "2775256");
  EXPECT_EQ(e.system(SystemField::ActivityID), "{E4D8D5C1-4F7E-0006-C2D5-D8E47E4FD601}");
  EXPECT_FALSE(e.has(SystemField::RelatedActivityID));
  EXPECT_EQ(e.system(SystemField::ProcessID), "708");
  EXPECT_EQ(e.system(SystemField::ThreadID), "8464");
  EXPECT_EQ(e.system(SystemField::Channel), "Security");
  EXPECT_EQ(e.system(SystemField::Computer), "jump01.offsec.lan");
  EXPECT_FALSE(e.has(SystemField::UserID));
  EXPECT_EQ(e.event_id(), 4732u);
  EXPECT_EQ(e.event_record_id(), 2775256u);
  EXPECT_EQ(e.time_created_filetime(), parse_iso_filetime("2020-07-12T05:12:58.3122807Z"));
  // This file was saved from Event Viewer: the record header numbers records from 1.
  EXPECT_EQ(e.record_id(), 2u);
  EXPECT_EQ(e.file_offset(), 4096u + 512u + 0xde0u);
}

TEST(EvtxEvent, EventDataValuesInOrder) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  auto events = read_file(kFile);
  const Event& e = events[1];
  EXPECT_EQ(e.data_section(), DataSection::EventData);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"MemberName", "-"},
      {"MemberSid", "S-1-5-21-1470532092-3758209836-3742276719-1001"},
      {"TargetUserName", "Users"},
      {"TargetDomainName", "Builtin"},
      {"TargetSid", "S-1-5-32-545"},
      {"SubjectUserSid", "S-1-5-21-4230534742-2542757381-3142984815-1111"},
      {"SubjectUserName", "admmig"},
      {"SubjectDomainName", "OFFSEC"},
      {"SubjectLogonId", "0x58d874"},
      {"PrivilegeList", "-"}};
  ASSERT_EQ(e.data_count(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(e.data(i).name, want[i].first);
    EXPECT_EQ(e.data(i).value, want[i].second);
  }
  EXPECT_EQ(e.data_value("TargetSid"), "S-1-5-32-545");
  EXPECT_EQ(e.data_value("NoSuchField"), std::nullopt);
  // A value spread over several lines keeps them (4720's UserAccountControl).
  EXPECT_EQ(events[0].data_value("UserAccountControl"), "\r\n\t\t%%2080\r\n\t\t%%2082\r\n\t\t%%2084");
}

TEST(EvtxEvent, TreeNavigation) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  auto events = read_file(kFile);
  const Event& e = events[1];
  ASSERT_NE(e.root(), kNoNode);
  EXPECT_EQ(e.name(e.root()), "Event");
  EXPECT_EQ(e.attribute(e.root(), "xmlns"), "http://schemas.microsoft.com/win/2004/08/events/event");
  uint32_t system = e.child(e.root(), "System");
  ASSERT_NE(system, kNoNode);
  uint32_t exec = e.child(system, "Execution");
  EXPECT_EQ(e.attribute(exec, "ThreadID"), "8464");
  EXPECT_EQ(e.element_text(e.child(system, "Computer")), "jump01.offsec.lan");
  EXPECT_EQ(e.child(system, "Nothing"), kNoNode);
  EXPECT_EQ(e.child(kNoNode, "System"), kNoNode);
  EXPECT_EQ(e.attribute(kNoNode, "x"), std::nullopt);
  // Walking children by jumping over subtrees visits System's 13 elements in order.
  std::vector<std::string> names;
  for (uint32_t i = system + 1; i < e.nodes()[system].end; i = e.nodes()[i].end)
    if (e.nodes()[i].kind == NodeKind::Element) names.emplace_back(e.name(i));
  EXPECT_EQ(names, (std::vector<std::string>{"Provider", "EventID", "Version", "Level", "Task", "Opcode", "Keywords",
                                             "TimeCreated", "EventRecordID", "Correlation", "Execution", "Channel",
                                             "Computer", "Security"}));
  for (uint32_t i = 0; i < e.nodes().size(); ++i) {
    if (e.nodes()[i].parent != kNoNode) {
      EXPECT_LT(e.nodes()[i].parent, i);
    }
  }
}

TEST(EvtxEvent, XmlAsWevtutilPrintsIt) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  auto events = read_file(kFile);
  EXPECT_EQ(event_xml(events[1]),
            "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>"
            "<EventID>4732</EventID><Version>0</Version><Level>0</Level><Task>13826</Task><Opcode>0</Opcode>"
            "<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2020-07-12T05:12:58.3122807Z'/>"
            "<EventRecordID>2775256</EventRecordID><Correlation ActivityID='{E4D8D5C1-4F7E-0006-C2D5-D8E47E4FD601}'/>"
            "<Execution ProcessID='708' ThreadID='8464'/><Channel>Security</Channel><Computer>jump01.offsec.lan"
            "</Computer><Security/></System><EventData><Data Name='MemberName'>-</Data>"
            "<Data Name='MemberSid'>S-1-5-21-1470532092-3758209836-3742276719-1001</Data>"
            "<Data Name='TargetUserName'>Users</Data><Data Name='TargetDomainName'>Builtin</Data>"
            "<Data Name='TargetSid'>S-1-5-32-545</Data>"
            "<Data Name='SubjectUserSid'>S-1-5-21-4230534742-2542757381-3142984815-1111</Data>"
            "<Data Name='SubjectUserName'>admmig</Data><Data Name='SubjectDomainName'>OFFSEC</Data>"
            "<Data Name='SubjectLogonId'>0x58d874</Data><Data Name='PrivilegeList'>-</Data></EventData></Event>");
  // EventData alone, as SecurityEvent stores it.
  std::string data;
  append_element_xml(events[1], events[1].child(events[1].root(), "EventData"), data);
  EXPECT_EQ(data.rfind("<EventData><Data Name='MemberName'>-</Data>", 0), 0u);
  EXPECT_EQ(data.substr(data.size() - 12), "</EventData>");
}

TEST(EvtxEvent, XmlEscaping) {
  std::string out;
  append_xml_escaped("a<b>&\"c'", false, out);
  EXPECT_EQ(out, "a&lt;b&gt;&amp;\"c'");
  out.clear();
  append_xml_escaped("a<b>&\"c'", true, out);
  EXPECT_EQ(out, "a&lt;b&gt;&amp;&quot;c&apos;");
}

// The escaper scans sixteen bytes at a time, tails and short values included: every length and
// every position of a special character must come out as the plain definition has it, also for
// a value that ends right at the end of a readable page.
std::string escaped_one_by_one(std::string_view s, bool quote) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (quote && c == '\'') out += "&apos;";
    else if (quote && c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

TEST(EvtxEvent, XmlEscapingAtEveryLengthAndPosition) {
  // Two pages, the second unreadable: values are placed to end at the first page's end.
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  void* map = mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(map, MAP_FAILED);
  ASSERT_EQ(mprotect(static_cast<char*>(map) + page, page, PROT_NONE), 0);
  char* page_end = static_cast<char*>(map) + page;
  for (bool quote : {false, true})
    for (size_t n = 0; n <= 40; ++n)
      for (size_t at = 0; at <= n; ++at)
        for (char special : {'&', '<', '>', '\'', '"'}) {
          std::string value(n, 'x');
          if (at < n) value[at] = special;
          std::string heap_out, edge_out;
          append_xml_escaped(value, quote, heap_out);
          EXPECT_EQ(heap_out, escaped_one_by_one(value, quote)) << value;
          char* edge = page_end - n;
          std::memcpy(edge, value.data(), n);
          append_xml_escaped(std::string_view(edge, n), quote, edge_out);
          EXPECT_EQ(edge_out, heap_out) << value;
        }
  munmap(map, 2 * page);
}

TEST(EvtxEvent, ReaderReusesItsEventButCopiesStand) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  auto f = EvtxFile::open(kFile);
  RecordReader reader(f);
  const Event* first = reader.next();
  ASSERT_NE(first, nullptr);
  Event kept = *first;
  const Event* second = reader.next();
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first, second);  // the same object, refilled
  EXPECT_EQ(second->event_id(), 4732u);
  EXPECT_EQ(kept.event_id(), 4720u);
  EXPECT_EQ(kept.data_value("SamAccountName"), "hacking-local-acct");
  EXPECT_EQ(reader.next(), nullptr);
  EXPECT_EQ(reader.next(), nullptr);  // and stays done
  EXPECT_EQ(reader.stats().records, 2u);
  EXPECT_EQ(reader.stats().chunks, 1u);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
