// fork + pipe + poll: the smallest process pool that keeps one SimGrid engine per process.
#include "sim/workers.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>

namespace vaxel::sim {

namespace {

struct Child {
  int index = -1;
  pid_t pid = -1;
  int fd = -1;
  std::string data;
};

void write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    off += static_cast<std::size_t>(n);
  }
}

// Runs in the child: frame the result as 'O' + text, or 'E' + message, then leave without running the
// parent's atexit handlers or flushing its stdio buffers twice.
[[noreturn]] void child_main(int fd, int index, const std::function<std::string(int)>& job) {
  int status = 0;
  try {
    const std::string result = job(index);
    write_all(fd, "O");  // two writes: GCC 12 warns falsely (-Wrestrict) on "O" + result
    write_all(fd, result);
  } catch (const std::exception& e) {
    write_all(fd, "E");
    write_all(fd, e.what());
    status = 1;
  } catch (...) {
    write_all(fd, "Eunknown error");
    status = 1;
  }
  ::close(fd);
  std::fflush(stdout);
  std::fflush(stderr);
  ::_exit(status);
}

Child launch(int index, const std::function<std::string(int)>& job) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(fmt::format("cannot fork a worker: {}", std::strerror(errno)));
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], index, job);
  }
  ::close(fds[1]);
  return Child{index, pid, fds[0], {}};
}

// Reaps a finished child; returns "" when all went well, else what went wrong.
std::string finish(Child& c) {
  ::close(c.fd);
  int status = 0;
  while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) return fmt::format("worker {} died by signal {}", c.index, WTERMSIG(status));
  if (c.data.empty())
    return fmt::format("worker {} ended without a result (exit status {})", c.index,
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  if (c.data[0] == 'E') return fmt::format("worker {}: {}", c.index, c.data.substr(1));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return fmt::format("worker {} failed", c.index);
  return "";
}

}  // namespace

std::vector<std::string> run_in_workers(int count, int jobs, const std::function<std::string(int)>& job,
                                        const std::function<void(int, int)>& on_done) {
  if (jobs < 1) jobs = 1;
  std::vector<std::string> results(static_cast<std::size_t>(count));
  std::vector<Child> running;
  std::string first_error;
  int next = 0;
  int done = 0;
  while (next < count || !running.empty()) {
    while (next < count && static_cast<int>(running.size()) < jobs && first_error.empty())
      running.push_back(launch(next++, job));
    if (running.empty()) break;

    std::vector<pollfd> fds;
    for (const Child& c : running)
      fds.push_back(pollfd{c.fd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(fmt::format("poll failed: {}", std::strerror(errno)));
    }
    for (std::size_t i = running.size(); i-- > 0;) {
      if (fds[i].revents == 0) continue;
      Child& c = running[i];
      char buf[65536];
      const ssize_t n = ::read(c.fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        c.data.append(buf, static_cast<std::size_t>(n));
        continue;
      }
      const std::string error = finish(c);
      if (!error.empty() && first_error.empty()) first_error = error;
      if (error.empty()) results[static_cast<std::size_t>(c.index)] = c.data.substr(1);
      running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
      ++done;
      if (on_done) on_done(done, count);
    }
  }
  if (!first_error.empty()) throw std::runtime_error(first_error);
  return results;
}

int available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

}  // namespace vaxel::sim
