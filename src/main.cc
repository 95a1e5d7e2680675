// beamcompat: the executable is the core library plus this function.
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "cli/run.h"

extern char** environ;

int main(int argc, char** argv) {
  // A run is short and allocates in one direction: grow the heap in large steps, never give
  // it back, and keep multi-megabyte buffers (libbz2's block tables, decoded payloads) on the
  // heap instead of an mmap/munmap pair each.
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  std::ios::sync_with_stdio(false);
  beamcompat::RealFileSystem fs;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) exe = std::filesystem::absolute(argv[0], ec);
  beamcompat::CommandContext ctx{fs, std::cin, std::cout, std::cerr};
  ctx.out_is_tty = isatty(STDOUT_FILENO) != 0;
  ctx.executable_dir = exe.parent_path().string();
  ctx.working_dir = std::filesystem::current_path(ec).string();
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq != std::string::npos) ctx.env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  int code = beamcompat::Run(std::vector<std::string>(argv + 1, argv + argc), ctx);
  std::cout.flush();
  return code;
}
