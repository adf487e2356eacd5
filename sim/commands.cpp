// The list of vaxel's subcommands, in the order `vaxel --help` shows them.
#include "sim/cli_common.hpp"
#include "sim/cmd_bench.hpp"
#include "sim/cmd_calibrate.hpp"
#include "sim/cmd_check.hpp"
#include "sim/cmd_compare.hpp"
#include "sim/cmd_erlang.hpp"
#include "sim/cmd_history.hpp"
#include "sim/cmd_route.hpp"
#include "sim/cmd_run.hpp"
#include "sim/cmd_staff.hpp"
#include "sim/cmd_sweep.hpp"
#include "sim/cmd_validate.hpp"
#include "sim/cmd_validate_engine.hpp"

namespace vaxel::cli {

void add_all_commands(CLI::App& app) {
  add_run_command(app);
  add_validate_command(app);
  add_compare_command(app);
  add_sweep_command(app);
  add_staff_command(app);
  add_check_command(app);
  add_history_command(app);
  add_route_command(app);
  add_calibrate_command(app);
  add_erlang_command(app);
  add_validate_engine_command(app);
  add_bench_command(app);
}

}  // namespace vaxel::cli
