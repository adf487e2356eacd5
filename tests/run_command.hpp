// Running a shell command from a test and capturing what it prints on stdout, with its exit status: the tests
// that drive the built `vaxel` binary the way a user's shell does.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace vaxel::test {

struct Ran {
  int status = -1;  ///< the exit status, or -1 when the command did not exit normally
  std::string out;  ///< stdout, or stdout and stderr when the command redirects them
};

/// Runs `command` through the shell (popen) and captures its stdout.
inline Ran run(const std::string& command) {
  Ran r;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace vaxel::test
