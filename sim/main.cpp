// vaxel: the command-line tool. Each subcommand lives in its own sim/cmd_<name>.cpp and registers itself here;
// results go to stdout, diagnostics and progress to stderr.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "sim/cli_common.hpp"
#include "vaxel/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"vaxel: simulator and digital twin of a municipal telephone switchboard (växel)", "vaxel"};
  app.set_version_flag("--version", std::string("vaxel ") + vaxel::kVersion);
  app.require_subcommand(1);
  app.footer("Run `vaxel <command> --help` for a command's options and an example.");

  vaxel::cli::add_all_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return vaxel::cli::exit_for_parse_error(app, e);
  } catch (const vaxel::cli::ExitRequest& e) {
    return e.status;
  } catch (const std::exception& e) {
    std::cerr << "vaxel: error: " << e.what() << "\n";
    return 1;
  }
  return vaxel::cli::exit_status();
}
