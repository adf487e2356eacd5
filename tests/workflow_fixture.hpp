// Helpers for the workflow tests (compare, sweep, staff, check, the results database): a private temporary
// folder per test, small scenario overlays on the default scenario, and running the real `vaxel` binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace vaxel::test {

/// A fresh folder under the system temp folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "vaxel-test-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  [[nodiscard]] std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline std::string sotenas_path() {
  return std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml";
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream f(path);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

/// A scenario on the default one with a short run (3 replications x 3 days after 1 warm-up day) and `extra` YAML.
inline std::string write_overlay(const TempDir& dir, const std::string& name, const std::string& extra) {
  const std::string path = dir.file(name + ".yaml");
  write_text(path, "extends: \"" + sotenas_path() + "\"\nname: " + name +
                       "\nrun: {replications: 3, days: 3, warmup_days: 1}\n" + extra);
  return path;
}

struct CommandResult {
  int status = -1;
  std::string out;  ///< stdout; stderr is in `err`
  std::string err;
};

/// Runs `vaxel <args>` through the shell, with stdout and stderr captured into files of `dir`.
inline CommandResult run_vaxel(const TempDir& dir, const std::string& args) {
  const std::string out = dir.file("stdout.txt");
  const std::string err = dir.file("stderr.txt");
  const std::string cmd = std::string(VAXEL_BINARY) + " " + args + " > " + out + " 2> " + err;
  const int raw = std::system(cmd.c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

}  // namespace vaxel::test
