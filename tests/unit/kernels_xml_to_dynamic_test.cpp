// parse_xml's XML-to-dynamic mapping (functions/kernels/xml_to_dynamic.h), case by case from the
// table on the Kusto reference page "parse_xml()".
#include "huntdb/functions/kernels/xml_to_dynamic.h"

#include <gtest/gtest.h>

namespace huntdb::functions {
namespace {

std::string xml(std::string_view text) {
  DynamicPtr v = xml_to_dynamic(text);
  return v ? to_json(*v) : "invalid";
}

TEST(XmlToDynamic, DocumentedMapping) {
  EXPECT_EQ(xml("<e/>"), R"({"e":null})");
  EXPECT_EQ(xml("<e>text</e>"), R"({"e":"text"})");
  EXPECT_EQ(xml(R"(<e name="value" />)"), R"({"e":{"@name":"value"}})");
  EXPECT_EQ(xml(R"(<e name="value">text</e>)"), R"({"e":{"@name":"value","#text":"text"}})");
  EXPECT_EQ(xml("<e> <a>text</a> <b>text</b> </e>"), R"({"e":{"a":"text","b":"text"}})");
  EXPECT_EQ(xml("<e> <a>text</a> <a>text</a> </e>"), R"({"e":{"a":["text","text"]}})");
  EXPECT_EQ(xml("<e>text<a>text</a></e>"), R"({"e":{"#text":"text","a":"text"}})");
}

TEST(XmlToDynamic, DeclarationCommentsEntitiesAndEmptyElements) {
  EXPECT_EQ(xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><d><v>118.0</v><n>5</n></d>\n"),
            R"({"d":{"v":"118.0","n":"5"}})");
  EXPECT_EQ(xml("<e>a &lt;&amp;&gt; &#65;&#x42;</e>"), R"({"e":"a <&> AB"})");
  EXPECT_EQ(xml("<e></e>"), R"({"e":""})");
  EXPECT_EQ(xml("<r><e/><e>x</e></r>"), R"({"r":{"e":[null,"x"]}})");
  EXPECT_EQ(xml("<e a='1' b=\"2\"><c/></e>"), R"({"e":{"@a":"1","@b":"2","c":null}})");
}

TEST(XmlToDynamic, MalformedTextIsNull) {
  EXPECT_EQ(xml(""), "invalid");
  EXPECT_EQ(xml("not xml"), "invalid");
  EXPECT_EQ(xml("<a><b></a></b>"), "invalid");
  EXPECT_EQ(xml("<a>"), "invalid");
  EXPECT_EQ(xml("<a></a><b></b>"), "invalid");
  EXPECT_EQ(xml("<a x=1></a>"), "invalid");
  EXPECT_EQ(xml("<a>&unknown;</a>"), "invalid");
  EXPECT_EQ(xml("<a x='1' x='2'/>"), "invalid");
}

}  // namespace
}  // namespace huntdb::functions
