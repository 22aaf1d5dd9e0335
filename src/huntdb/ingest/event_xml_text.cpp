#include "huntdb/ingest/event_xml_text.h"

#include <fmt/format.h>

#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/types/datetime.h"

namespace huntdb::ingest {

namespace {

constexpr std::string_view kEventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

// Unnamed items carry their element's name (Data, Binary); named ones are <Data Name="...">.
bool is_element_name(std::string_view name) { return name == "Data" || name == "Binary"; }

}  // namespace

void append_payload_xml(const WindowsEvent& e, std::string& out) {
  if (e.user_data && !e.payload_xml.empty()) {
    out += e.payload_xml;
    return;
  }
  if (e.data.empty()) {
    out += "<EventData xmlns=\"";
    out += kEventNamespace;
    out += "\"/>";
    return;
  }
  out += "<EventData xmlns=\"";
  out += kEventNamespace;
  out += "\">";
  for (const auto& f : e.data) {
    if (is_element_name(f.name)) {
      out += '<';
      out += f.name;
      out += '>';
    } else {
      out += "<Data Name=\"";
      evtx::append_xml_escaped(f.name, true, out);
      out += "\">";
    }
    evtx::append_xml_escaped(f.value, false, out);
    out += "</";
    out += is_element_name(f.name) ? f.name : std::string_view("Data");
    out += '>';
  }
  out += "</EventData>";
}

void append_xml_time(int64_t ticks, std::string& out) {
  CivilTime c = civil_from_ticks(ticks);
  // yyyy-MM-ddTHH:mm:ss.fffffffZ, written digit by digit (once per Event row).
  char buf[28];
  auto put = [&](int pos, int64_t v, int digits) {
    for (int i = digits - 1; i >= 0; --i, v /= 10) buf[pos + i] = static_cast<char>('0' + v % 10);
  };
  if (c.year < 0 || c.year > 9999) {
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}Z", c.year, c.month, c.day,
                   c.hour, c.minute, c.second, c.fraction_ticks);
    return;
  }
  put(0, c.year, 4);
  buf[4] = '-';
  put(5, c.month, 2);
  buf[7] = '-';
  put(8, c.day, 2);
  buf[10] = 'T';
  put(11, c.hour, 2);
  buf[13] = ':';
  put(14, c.minute, 2);
  buf[16] = ':';
  put(17, c.second, 2);
  buf[19] = '.';
  put(20, c.fraction_ticks, 7);
  buf[27] = 'Z';
  out.append(buf, sizeof buf);
}

void append_data_item_xml(const WindowsEvent& e, std::string& out) {
  out += "<DataItem type=\"System.XmlData\" time=\"";
  if (e.time) append_xml_time(*e.time, out);
  out += "\" sourceHealthServiceId=\"00000000-0000-0000-0000-000000000000\">";
  append_payload_xml(e, out);
  out += "</DataItem>";
}

void append_parameter_xml(const WindowsEvent& e, std::string& out) {
  for (const auto& f : e.data) {
    out += "<Param>";
    evtx::append_xml_escaped(f.value, false, out);
    out += "</Param>";
  }
}

}  // namespace huntdb::ingest
