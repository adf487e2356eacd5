// Shared command-line plumbing: parse-error mapping and the program's exit status.
#include "sim/cli_common.hpp"

namespace vaxel::cli {

namespace {
int g_exit_status = kExitOk;
}

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  const int cli_status = app.exit(e);  // prints help, version, or "error: ..." with the hint to run --help
  if (cli_status == static_cast<int>(CLI::ExitCodes::Success)) return kExitOk;
  return kExitBadInput;
}

void set_exit_status(int status) {
  g_exit_status = status;
}
int exit_status() {
  return g_exit_status;
}

}  // namespace vaxel::cli
