#pragma once
// Runs a shell command for a test and captures what it printed.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace izdeu::testing {

struct CommandResult {
  int exit_code = -1;  ///< -1 when the command could not run or was killed
  std::string output;  ///< stdout and stderr together
};

/// Runs `command` with /bin/sh, stderr merged into stdout.
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) result.output += buffer.data();
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace izdeu::testing
