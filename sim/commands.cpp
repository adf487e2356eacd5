// The list of vaxel's subcommands, in the order `vaxel --help` shows them.
#include "sim/cli_common.hpp"
#include "sim/cmd_erlang.hpp"
#include "sim/cmd_run.hpp"
#include "sim/cmd_validate.hpp"
#include "sim/cmd_validate_engine.hpp"

namespace vaxel::cli {

void add_all_commands(CLI::App& app) {
  add_run_command(app);
  add_validate_command(app);
  add_erlang_command(app);
  add_validate_engine_command(app);
}

}  // namespace vaxel::cli
