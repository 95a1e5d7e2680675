#include "base/file_system.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace beamcompat {
namespace {

std::string Lowercase(const char* text) {
  std::string out(text);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool RealFileSystem::ReadFile(const std::string& path, std::string* contents,
                              std::string* err) const {
  if (Kind(path) == FileKind::kDirectory) {
    *err = "'" + path + "' is a directory, expected a file";
    return false;
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    *err = "cannot read '" + path + "': " + Lowercase(std::strerror(errno));
    return false;
  }
  contents->clear();
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0) contents->reserve(size);
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) contents->append(buffer, n);
  if (std::ferror(file.get())) {
    *err = "cannot read '" + path + "': " + Lowercase(std::strerror(errno));
    return false;
  }
  return true;
}

std::unique_ptr<std::istream> FileSystem::OpenForReading(const std::string& path,
                                                         std::string* err) const {
  std::string contents;
  if (!ReadFile(path, &contents, err)) return nullptr;
  return std::make_unique<std::istringstream>(std::move(contents));
}

std::unique_ptr<std::istream> RealFileSystem::OpenForReading(const std::string& path,
                                                             std::string* err) const {
  if (Kind(path) == FileKind::kDirectory) {
    *err = "'" + path + "' is a directory, expected a file";
    return nullptr;
  }
  auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!stream->is_open()) {
    *err = "cannot read '" + path + "': " + Lowercase(std::strerror(errno));
    return nullptr;
  }
  return stream;
}

bool FileSystem::MapFile(const std::string& path, FileView* view, std::string* err) const {
  auto contents = std::make_shared<std::string>();
  if (!ReadFile(path, contents.get(), err)) return false;
  view->data = *contents;
  view->owner = std::move(contents);
  return true;
}

bool RealFileSystem::MapFile(const std::string& path, FileView* view, std::string* err) const {
  if (Kind(path) != FileKind::kFile) return FileSystem::MapFile(path, view, err);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileSystem::MapFile(path, view, err);
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && st.st_size > 0;
  void* data = ok ? ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                           MAP_PRIVATE | MAP_POPULATE, fd, 0)
                  : MAP_FAILED;
  ::close(fd);
  if (data == MAP_FAILED) return FileSystem::MapFile(path, view, err);  // empty, pipe, ...
  size_t size = static_cast<size_t>(st.st_size);
  view->owner = std::shared_ptr<const void>(data, [size](const void* p) {
    ::munmap(const_cast<void*>(p), size);
  });
  view->data = std::string_view(static_cast<const char*>(data), size);
  return true;
}

FileKind RealFileSystem::Kind(const std::string& path) const {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return FileKind::kMissing;
  if (std::filesystem::is_directory(status)) return FileKind::kDirectory;
  if (std::filesystem::is_regular_file(status)) return FileKind::kFile;
  return FileKind::kOther;
}

std::vector<std::string> RealFileSystem::ListDirectory(const std::string& path) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

void InMemoryFileSystem::AddFile(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

void InMemoryFileSystem::AddDirectory(const std::string& path) { directories_[path] = true; }

bool InMemoryFileSystem::ReadFile(const std::string& path, std::string* contents,
                                  std::string* err) const {
  auto it = files_.find(path);
  if (it != files_.end()) {
    *contents = it->second;
    return true;
  }
  if (Kind(path) == FileKind::kDirectory) {
    *err = "'" + path + "' is a directory, expected a file";
  } else {
    *err = "cannot read '" + path + "': no such file or directory";
  }
  return false;
}

FileKind InMemoryFileSystem::Kind(const std::string& path) const {
  if (files_.count(path)) return FileKind::kFile;
  if (directories_.count(path)) return FileKind::kDirectory;
  std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    return FileKind::kDirectory;
  }
  return FileKind::kMissing;
}

std::vector<std::string> InMemoryFileSystem::ListDirectory(const std::string& path) const {
  std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  std::vector<std::string> names;
  auto add_child = [&](const std::string& full) {
    if (full.compare(0, prefix.size(), prefix) != 0 || full.size() == prefix.size()) return;
    std::string rest = full.substr(prefix.size());
    std::string child = rest.substr(0, rest.find('/'));
    if (names.empty() || names.back() != child) names.push_back(child);
  };
  for (const auto& [name, unused] : files_) add_child(name);
  for (const auto& [name, unused] : directories_) add_child(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || (!name.empty() && name[0] == '/')) return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

}  // namespace beamcompat
