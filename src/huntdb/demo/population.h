// Who and what the demo network holds: computers (workstations, servers, domain controllers),
// accounts (users, admins, service accounts, machine accounts), and the ordinary software each
// machine runs every day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "huntdb/demo/random.h"
#include "huntdb/demo/string_pool.h"

namespace huntdb::demo {

inline constexpr const char* kDomain = "CONTOSO";

struct Account {
  std::string user;     // jdoe, adm-mwilson, svc-sql, WS-0042$
  uint32_t account;     // CONTOSO\jdoe (pool code)
  uint32_t user_code;   // jdoe
  uint32_t sid;         // S-1-5-21-...
  bool machine = false;
};

struct Software {
  uint32_t path;         // full image path (pool code)
  uint32_t file;         // the file name (Process)
  uint32_t parent;       // parent image path
  uint32_t command_line;
  bool as_user = true;   // runs as the machine's user, else as the machine account
};

struct Computer {
  std::string name;  // WS-0042.contoso.com
  uint32_t code;
  uint32_t ip;       // 10.x.y.z (pool code)
  bool server = false;
  size_t machine_account = 0;            // index into accounts
  std::vector<size_t> users;             // who logs on interactively (workstations: one)
  std::vector<Software> software;        // runs every day
};

struct Population {
  std::vector<Computer> computers;
  std::vector<Account> accounts;
  std::vector<size_t> people;   // indices of user accounts (logons to file servers, failures)
  std::vector<size_t> admins;   // indices of admin accounts
  size_t attacked_server = 0;   // index into computers
  size_t attacker_admin = 0;    // index into accounts
  std::vector<size_t> powershell_victims;  // workstations that run malicious encoded PowerShell
};

// A network sized for about `rows` events a month: a few hundred computers and a few thousand
// accounts at a million rows, fewer for small demos.
Population make_population(size_t rows, Random& random, StringPool& pool);

// The file name of a path (what SecurityEvent's Process column holds).
std::string file_name_of(const std::string& path);

}  // namespace huntdb::demo
