// Copies of JSON-lines files that differ as the records of a longer log do: copy k has every
// yyyy-MM-dd date of its text moved k days later. Loading the same samples many times over
// byte for byte would let every text column's dictionary and term index see each value once per
// copy and do a fraction of the work real logs ask (bench/ingest_bench.cpp, bench/ingest_cli.sh).
#pragma once

#include <string>
#include <vector>

namespace huntdb::bench {

// `text` with every yyyy-MM-dd moved `days` later.
std::string shift_dates(std::string text, int days);

// Writes `copies` copies of each file into `dir` (created), copy k named "k_<file name>" and
// moved k days later; returns their paths, copy by copy, in the order of `files`. The pages are
// flushed to disk before it returns, so that a timed load that follows does not share the disk
// with them.
std::vector<std::string> write_date_shifted_copies(const std::vector<std::string>& files, const std::string& dir,
                                                   int copies);

}  // namespace huntdb::bench
