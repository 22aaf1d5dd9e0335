// Encoding, compression and hashing: url_encode/url_decode, base64_*, zlib_*/gzip_*, punycode_*,
// hash/hash_*, and the internal hashes the service uses for shuffling and sampling (__hash_*).
//
// The hashes take any non-dynamic scalar (Kusto's NotDynamic kind); hash_combine takes any
// scalar because its inputs are themselves hashes.
#include <string_view>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;
using ST = ScalarType;

// A string-to-string codec.
void add_codec(Registry& r, std::string_view name, std::string_view param, std::string_view description,
               std::string_view replaced_by = {}) {
  r.add({.name = name,
         .signatures = {fixed(ST::String, {{param, kString}})},
         .replaced_by = replaced_by,
         .hidden = !replaced_by.empty(),
         .description = description});
}

}  // namespace

void register_encoding_functions(Registry& r) {
  // --- URL
  add_codec(r, "url_encode", "url", "Percent-encodes a URL (spaces become '+').");
  add_codec(r, "url_encode_component", "url", "Percent-encodes a URL component (spaces become %20).");
  add_codec(r, "url_decode", "encoded_url", "Decodes a percent-encoded URL.");

  // --- base64
  add_codec(r, "base64_encode_tostring", "string", "The base64 encoding of a string's UTF-8 bytes.");
  add_codec(r, "base64_encodestring", "string", "Old name of base64_encode_tostring.", "base64_encode_tostring");
  add_codec(r, "base64_decode_tostring", "base64_string", "Decodes base64 into a UTF-8 string.");
  add_codec(r, "base64_decodestring", "base64_string", "Old name of base64_decode_tostring.",
            "base64_decode_tostring");
  r.add({.name = "base64_decode_toarray",
         .signatures = {fixed(ST::Dynamic, {{"base64_string", kString}})},
         .description = "Decodes base64 into a dynamic array of byte values."});
  r.add({.name = "base64_encode_fromarray",
         .signatures = {fixed(ST::String, {{"base64_string_decoded_as_array", kDynamic}})},
         .description = "The base64 encoding of a dynamic array of byte values."});
  r.add({.name = "base64_decode_toguid",
         .signatures = {fixed(ST::Guid, {{"base64_string", kString}})},
         .description = "Decodes base64 (16 bytes) into a guid."});
  r.add({.name = "base64_encode_fromguid",
         .signatures = {fixed(ST::String, {{"guid", kGuid}})},
         .description = "The base64 encoding of a guid's 16 bytes."});

  // --- compression (base64 text in or out)
  add_codec(r, "zlib_compress_to_base64_string", "string", "Compresses a string with zlib, as base64.");
  add_codec(r, "zlib_decompress_from_base64_string", "string", "Decompresses base64 zlib data into a string.");
  add_codec(r, "gzip_compress_to_base64_string", "string", "Compresses a string with gzip, as base64.");
  add_codec(r, "gzip_decompress_from_base64_string", "string", "Decompresses base64 gzip data into a string.");
  r.add({.name = "__lz4_compress_dynamic_array_to_base64_string",
         .signatures = {fixed(ST::String, {{"dynamic", kDynamic}})},
         .hidden = true,
         .description = "Internal: compresses a dynamic array with LZ4, as base64."});

  // --- punycode (internationalized domain names)
  add_codec(r, "punycode_from_string", "string", "Encodes a string as punycode (without the xn-- prefix).");
  add_codec(r, "punycode_to_string", "string", "Decodes a punycode string.");
  add_codec(r, "punycode_domain_from_string", "string", "Encodes each label of a domain name as punycode (xn--).");
  add_codec(r, "punycode_domain_to_string", "string", "Decodes the punycode labels of a domain name.");

  // --- hashes
  r.add({.name = "hash",
         .signatures = {fixed(ST::Long, {{"source", kNotDynamic}, opt("mod", kInteger)})},
         .description = "A 64-bit hash of a value (xxhash64), optionally modulo a number."});
  r.add({.name = "hash_xxhash64",
         .signatures = {fixed(ST::Long, {{"source", kNotDynamic}, opt("mod", kInteger)})},
         .description = "The xxhash64 of a value, optionally modulo a number."});
  r.add({.name = "hash_sha256",
         .signatures = {fixed(ST::String, {{"source", kNotDynamic}})},
         .description = "The SHA-256 of a value, as hex text."});
  r.add({.name = "hash_sha1",
         .signatures = {fixed(ST::String, {{"source", kNotDynamic}})},
         .description = "The SHA-1 of a value, as hex text."});
  r.add({.name = "hash_md5",
         .signatures = {fixed(ST::String, {{"source", kNotDynamic}})},
         .description = "The MD5 of a value, as hex text."});
  r.add({.name = "hash_combine",
         .signatures = {fixed(ST::Long, {{"source"}, many("source")})},
         .description = "Combines two or more hash values into one."});
  r.add({.name = "hash_many",
         .signatures = {fixed(ST::Long, {many("source", kNotDynamic)})},
         .description = "One hash of several values."});
  r.add({.name = "__hash_crc32",
         .signatures = {fixed(ST::Long, {{"source", kNotDynamic}, {"mod", kInteger}, {"seed", kInteger}})},
         .hidden = true,
         .description = "Internal: the CRC-32 of a value, modulo a number, with a seed."});
  r.add({.name = "__hash_djb2",
         .signatures = {fixed(ST::Long, {{"source", kNotDynamic}, opt("mod", kInteger)})},
         .hidden = true,
         .description = "Internal: the djb2 hash of a value, optionally modulo a number."});
  r.add({.name = "__hash_xxh64",
         .signatures = {fixed(ST::Long, {{"source", kNotDynamic}, {"mod", kInteger}, {"seed", kInteger}})},
         .hidden = true,
         .description = "Internal: the xxhash64 of a value, modulo a number, with a seed."});
  r.add({.name = "__hash_many_crc32",
         .signatures = {fixed(ST::Long, {{"arg"}, opt("arg")})},  // one or two values
         .hidden = true,
         .description = "Internal: one CRC-32 of one or two values."});
}

}  // namespace huntdb::functions
