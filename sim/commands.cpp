// The list of vaxel's subcommands, in the order `vaxel --help` shows them.
#include "sim/cli_common.hpp"

namespace vaxel::cli {

void add_all_commands(CLI::App& app) {
  (void)app;
}

}  // namespace vaxel::cli
