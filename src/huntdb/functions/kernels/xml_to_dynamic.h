// XML text to a dynamic value, as Kusto's parse_xml() converts it (the reference page
// "parse_xml()"): each element becomes a property named after it; attributes become "@name"
// properties; an element with only text becomes that string; text beside attributes or child
// elements becomes "#text"; repeated child names become arrays; an empty element <e/> is null
// (and <e></e> the empty string). Only elements, attributes and text are translated: the XML
// declaration, comments, processing instructions, CDATA sections and the doctype are skipped.
#pragma once

#include <string_view>

#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

// nullptr when the text is not well-formed XML or is longer than Kusto's 1 MB limit.
DynamicPtr xml_to_dynamic(std::string_view text);

}  // namespace huntdb::functions
