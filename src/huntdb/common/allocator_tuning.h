// Tells the C library's allocator to keep large freed blocks for reuse instead of returning them
// to the kernel. Bulk work (ingestion builds string columns of many megabytes per batch and frees
// them once the batch is stored) otherwise pays a page fault for every 4 KiB of every batch: by
// default glibc serves such blocks with fresh mmaps and trims freed heap above a few megabytes,
// so each batch's columns land in pages the kernel must zero and map again. Measured on the EVTX
// samples (bench/ingest_bench.cpp), those faults were about a sixth of ingestion's time.
#pragma once

namespace huntdb {

// Idempotent and cheap after the first call. The process keeps up to a few hundred megabytes of
// freed memory mapped in exchange; blocks larger than 32 MiB still come from mmap.
void reuse_freed_memory();

// glibc gives each thread that allocates under contention an arena of its own, up to 8 per core,
// and keeps what was freed in each: under 16 concurrent clients the server's memory grew from 1.1
// to 2.5 GB in 30 s of load, and stayed flat at 1.4 GB with one arena per core
// (bench/server_load.sh). Call before the threads start.
void one_allocator_arena_per_core();

}  // namespace huntdb
