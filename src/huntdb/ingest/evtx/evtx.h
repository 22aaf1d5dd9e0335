// huntdb's reader of Windows XML Event Log (EVTX) files: the one header the rest of huntdb needs.
//
//   auto file = evtx::EvtxFile::open(path);              // mmap; never throws
//   evtx::RecordReader reader(file);
//   while (const evtx::Event* e = reader.next()) {        // every record that can be read
//     e->event_record_id(); e->time_created_filetime();   // System fields, typed or as text
//     e->data_value("CommandLine");                       // EventData/UserData values
//     evtx::event_xml(*e);                                // as `wevtutil qe /f:xml` prints it
//   }
//   reader.problems();                                    // (file, offset, reason) for the rest
//
// The files, lowest first, one job each:
//   bytes.h            little-endian loads and a bounds-checked cursor
//   crc32              the CRC-32 of headers and record data (PCLMUL folding, table fallback)
//   problem.h          Problem (file, offset, reason) and the bounded ProblemList
//   file_header        the 4 KiB "ElfFile" header
//   chunk_header       the 512-byte "ElfChnk" header and its two checksums
//   value_type.h       BinXml value types
//   utf16              UTF-16LE to UTF-8
//   time_format        FILETIME / SYSTEMTIME as ISO 8601 (and back)
//   value_format       every value type as Windows renders it in XML
//   binxml.h           BinXml tokens and the compiled form (Op, SubValue)
//   binxml_compiler    tokens -> Ops, checking every offset and length
//   chunk_context      per-chunk caches: names and compiled templates
//   event.h/.cpp       the record model: element tree, System fields, data values
//   event_builder      builds the tree (text merging, Windows' rules for absent values, limits)
//   binxml_renderer    runs Ops: templates, substitutions, arrays, nested BinXml
//   record_decoder     one record's BinXml -> Event
//   event_xml          Event -> XML text
//   ../mapped_file     read-only mmap (shared with the JSON-lines reader)
//   evtx_file          an opened file (path + bytes)
//   record_reader      chunks and records, framing checks, resynchronisation, problems
//   limits.h           bounds on the work one record or chunk may cause
#pragma once

#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/evtx_file.h"
#include "huntdb/ingest/evtx/problem.h"
#include "huntdb/ingest/evtx/record_reader.h"
