// The attack the demo hides in its ordinary days (see demo.h), and the alerts Defender for Cloud
// raised for it. Times are relative to the calendar's last day.
#pragma once

#include "huntdb/demo/demo.h"
#include "huntdb/demo/event_writer.h"
#include "huntdb/demo/ordinary_activity.h"

namespace huntdb::demo {

struct StoryAlert {
  int64_t time = 0;
  size_t computer = 0;
  size_t account = 0;
  std::string name, description, severity, tactic, command_line;
};

struct Story {
  std::vector<PlantedProcess> processes;
  std::vector<PlantedPayload> payloads;
  std::vector<StoryAlert> alerts;
};

Story write_attack_story(const Calendar& calendar, const Population& population, EventWriter& out);

// Harmless encoded PowerShell that servers run every day (inventory scripts): the encoded-command
// hunt must decode it and let it go.
void write_benign_encoded_powershell(const Calendar& calendar, const Population& population, Random& random,
                                     EventWriter& out);

// UTF-16LE base64, as `powershell -EncodedCommand` expects.
std::string encode_powershell(std::string_view script);

}  // namespace huntdb::demo
