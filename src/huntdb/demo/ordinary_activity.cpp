#include "huntdb/demo/ordinary_activity.h"

#include <algorithm>
#include <array>

#include "huntdb/types/datetime.h"

namespace huntdb::demo {

namespace {

// Relative activity per hour of the day (UTC): office hours on workstations.
constexpr std::array<double, 24> kWorkstationHours = {0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.9, 1.6, 1.7, 1.6, 1.5,
                                                      1.0, 1.4, 1.6, 1.5, 1.4, 1.0, 0.6, 0.4, 0.3, 0.2, 0.2, 0.1};
constexpr double kWeekendFactor = 0.3;

std::array<double, 24> cumulative(const std::array<double, 24>& w) {
  std::array<double, 24> c{};
  double sum = 0;
  for (size_t i = 0; i < w.size(); ++i) c[i] = sum += w[i];
  return c;
}

bool is_weekend(int64_t day_start) {
  // 1970-01-01 was a Thursday: days since then, plus 4, modulo 7 gives 0 for Sunday.
  int64_t weekday = (day_start / kTicksPerDay + 4) % 7;
  return weekday == 0 || weekday == 6;
}

// A time on the day starting at `day`, at an hour drawn from `hours` (or any hour), before now.
int64_t time_on(int64_t day, const std::array<double, 24>* hours, const Calendar& cal, Random& random) {
  int64_t hour = hours ? static_cast<int64_t>(random.pick(*hours)) : static_cast<int64_t>(random.below(24));
  int64_t t = day + hour * kTicksPerHour + static_cast<int64_t>(random.below(kTicksPerHour / kTicksPerMillisecond)) * kTicksPerMillisecond;
  if (t > cal.now) t = day + static_cast<int64_t>(random.unit() * static_cast<double>(cal.now - day));
  return t;
}

}  // namespace

void write_daily_software(const Calendar& cal, const Population& population, Random& random, EventWriter& out) {
  const auto hours = cumulative(kWorkstationHours);
  for (int d = 0; d < cal.days; ++d) {
    int64_t day = cal.first_day + d * kTicksPerDay;
    for (size_t c = 0; c < population.computers.size(); ++c) {
      const Computer& computer = population.computers[c];
      for (const Software& s : computer.software) {
        size_t account = s.as_user && !computer.users.empty() ? computer.users[0] : computer.machine_account;
        int64_t t = time_on(day, computer.server ? nullptr : &hours, cal, random);
        if (t > cal.now) continue;
        out.process_created(t, c, account, s);
      }
    }
  }
}

void write_volume(const Calendar& cal, const Population& population, size_t rows, Random& random, EventWriter& out) {
  const auto hours = cumulative(kWorkstationHours);
  // Days weighted by weekday; today only up to now.
  std::vector<double> day_weights;
  double sum = 0;
  for (int d = 0; d < cal.days; ++d) {
    int64_t day = cal.first_day + d * kTicksPerDay;
    double w = is_weekend(day) ? kWeekendFactor + 0.4 : 1.0;  // servers keep working at weekends
    if (day + kTicksPerDay > cal.now) w *= static_cast<double>(cal.now - day) / static_cast<double>(kTicksPerDay);
    day_weights.push_back(sum += w);
  }
  std::vector<size_t> workstations, servers, dcs, file_servers;
  for (size_t c = 0; c < population.computers.size(); ++c) {
    const Computer& computer = population.computers[c];
    (computer.server ? servers : workstations).push_back(c);
    if (computer.name.starts_with("SRV-DC")) dcs.push_back(c);
    if (computer.name.starts_with("SRV-FS")) file_servers.push_back(c);
  }
  // Event kinds and their shares of the volume.
  enum Kind { Process, Logon, Privileges, Kerberos, Failure, kKinds };
  const std::array<double, kKinds> shares = {0.30, 0.46, 0.10, 0.11, 0.03};
  std::array<double, kKinds> kinds{};
  double acc = 0;
  for (size_t k = 0; k < kKinds; ++k) kinds[k] = acc += shares[k];

  while (out.row_count() < rows) {
    int64_t day = cal.first_day + static_cast<int64_t>(random.pick(day_weights)) * kTicksPerDay;
    bool weekend = is_weekend(day);
    // Workstations are quiet at weekends; servers are not.
    bool on_server = random.chance(weekend ? 0.6 : 0.3);
    size_t c = on_server ? servers[random.below(servers.size())] : workstations[random.below(workstations.size())];
    const Computer& computer = population.computers[c];
    int64_t t = time_on(day, on_server ? nullptr : &hours, cal, random);
    switch (static_cast<Kind>(random.pick(kinds))) {
      case Process: {
        const Software& s = computer.software[random.below(computer.software.size())];
        size_t account = s.as_user && !computer.users.empty() ? computer.users[0] : computer.machine_account;
        out.process_created(t, c, account, s);
        break;
      }
      case Logon: {
        // Workstations: their user signs in, unlocks, signs out. Servers: people and machines
        // reach file shares over the network; admins use remote desktop now and then.
        if (!computer.server) {
          size_t user = computer.users[0];
          int type = random.chance(0.6) ? 7 : random.chance(0.8) ? 2 : 11;
          out.logon(t, c, user, type, computer.ip, computer.code);
          out.logoff(std::min(cal.now, t + static_cast<int64_t>(random.below(8 * 60)) * kTicksPerMinute), c, user, type);
        } else {
          size_t from = workstations[random.below(workstations.size())];
          const Computer& client = population.computers[from];
          bool admin = random.chance(0.02);
          size_t user = admin ? population.admins[1 + random.below(population.admins.size() - 1)]
                      : random.chance(0.3) ? client.machine_account
                                           : population.people[random.below(population.people.size())];
          int type = admin ? 10 : 3;
          size_t target = file_servers.empty() || admin ? c : file_servers[random.below(file_servers.size())];
          out.logon(t, target, user, type, client.ip, client.code);
          out.logoff(std::min(cal.now, t + static_cast<int64_t>(random.below(30)) * kTicksPerMinute), target, user, type);
        }
        break;
      }
      case Privileges: {
        bool admin = computer.server && random.chance(0.1);
        size_t account = admin ? population.admins[1 + random.below(population.admins.size() - 1)] : computer.machine_account;
        out.special_privileges(t, c, account);
        break;
      }
      case Kerberos: {
        size_t dc = dcs.empty() ? c : dcs[random.below(dcs.size())];
        size_t from = workstations[random.below(workstations.size())];
        size_t user = population.computers[from].users[0];
        out.kerberos_ticket(t, dc, user, population.computers[from].ip);
        break;
      }
      case Failure: {
        size_t from = workstations[random.below(workstations.size())];
        size_t user = population.people[random.below(population.people.size())];
        size_t target = file_servers.empty() ? c : file_servers[random.below(file_servers.size())];
        out.logon_failed(t, target, user, population.computers[from].ip, population.computers[from].code);
        break;
      }
      case kKinds: break;
    }
  }
}

}  // namespace huntdb::demo
