#include "huntdb/demo/demo.h"

#include <chrono>

#include "huntdb/demo/attack_story.h"
#include "huntdb/demo/ordinary_activity.h"
#include "huntdb/demo/security_alerts.h"
#include "huntdb/types/datetime.h"

namespace huntdb::demo {

DemoData generate_demo(const DemoOptions& options) {
  int64_t now = options.now;
  if (now == 0) {
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    now = std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count() * kTicksPerMicrosecond;
  }
  Calendar cal;
  cal.days = std::max(options.days, 2);
  cal.now = now;
  cal.first_day = (now / kTicksPerDay - (cal.days - 1)) * kTicksPerDay;

  Random random(options.seed);
  StringPool pool;
  Population population = make_population(options.rows, random, pool);
  std::vector<SecurityEventRow> rows;
  rows.reserve(options.rows + options.rows / 4);
  EventWriter out(pool, population, rows);
  write_daily_software(cal, population, random, out);
  write_benign_encoded_powershell(cal, population, random, out);
  Story story = write_attack_story(cal, population, out);
  write_volume(cal, population, options.rows, random, out);

  DemoData data;
  data.tables.emplace_back("SecurityEvent", security_event_table(rows, pool));
  data.tables.emplace_back("SecurityAlert", security_alert_table(story.alerts, cal, population, pool, random));
  data.processes = std::move(story.processes);
  data.payloads = std::move(story.payloads);
  data.attacked_server = population.computers[population.attacked_server].name;
  return data;
}

}  // namespace huntdb::demo
