// The SecurityAlert table: the story's alerts, and a few ordinary antimalware alerts elsewhere,
// shaped as Defender for Cloud writes them (ExtendedProperties and Entities as JSON text, the
// host in "Machine Name").
#pragma once

#include "huntdb/demo/attack_story.h"

namespace huntdb::demo {

TablePtr security_alert_table(const std::vector<StoryAlert>& alerts, const Calendar& calendar,
                              const Population& population, const StringPool& pool, Random& random);

}  // namespace huntdb::demo
