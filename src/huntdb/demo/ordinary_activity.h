// The ordinary life of the network: every machine's daily software (each process, computer and
// account combination runs every day, so that nothing ordinary is "new"), and on top of it the
// volume of logons, logoffs, privilege use, Kerberos tickets, failed logons and process starts,
// with office-hour and weekday rhythms on workstations and a flatter load on servers.
#pragma once

#include <cstdint>

#include "huntdb/demo/event_writer.h"
#include "huntdb/demo/random.h"

namespace huntdb::demo {

struct Calendar {
  int64_t first_day = 0;  // start of the first day (ticks)
  int days = 0;
  int64_t now = 0;        // nothing happens after now
};

void write_daily_software(const Calendar& calendar, const Population& population, Random& random, EventWriter& out);
void write_volume(const Calendar& calendar, const Population& population, size_t rows, Random& random,
                  EventWriter& out);

}  // namespace huntdb::demo
