// The descriptions Windows gives the common Security events (the first line of each event's
// message), which Log Analytics joins with the ID into SecurityEvent's Activity column
// ("4688 - A new process has been created."), and the titles Sysmon puts at the head of its
// rendered messages ("Process Create").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace huntdb::ingest {

// The description of a Security event ID, or "" when the table does not know it.
std::string_view security_event_description(uint32_t event_id);

// "4688 - A new process has been created."; for an ID the table does not know, the first line of
// `message` when there is one, else the ID alone.
std::string security_event_activity(uint32_t event_id, std::string_view message = {});

// The title of a Sysmon event ("Process Create" for 1), or "" for an unknown ID.
std::string_view sysmon_event_title(uint32_t event_id);

}  // namespace huntdb::ingest
