// An Event as XML text, in the shape `wevtutil qe /f:xml` prints: one line, no indentation,
// attributes in single quotes, elements without content closed as "<Name/>", and &, <, > escaped
// in text (plus quotes in attribute values). SecurityEvent keeps EventData in this form.
#pragma once

#include <cstdint>
#include <string>

#include "huntdb/ingest/evtx/event.h"

namespace huntdb::ingest::evtx {

// Appends the whole event.
void append_event_xml(const Event& event, std::string& out);
std::string event_xml(const Event& event);

// Appends one element and its subtree (e.g. the EventData element alone).
void append_element_xml(const Event& event, uint32_t element, std::string& out);

// Escapes text for element content (quote = false) or for a single-quoted attribute value.
void append_xml_escaped(std::string_view text, bool quote, std::string& out);

}  // namespace huntdb::ingest::evtx
