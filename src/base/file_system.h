// The one door to the disk. Readers take a FileSystem& so that tests run on an in-memory
// tree; only cli/run.cc and main.cc build the real one.
#ifndef BEAMCOMPAT_BASE_FILE_SYSTEM_H_
#define BEAMCOMPAT_BASE_FILE_SYSTEM_H_

#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace beamcompat {

enum class FileKind { kMissing, kFile, kDirectory, kOther };

// The read-only bytes of a whole file; `owner` keeps them alive (a mapping or a string).
struct FileView {
  std::shared_ptr<const void> owner;
  std::string_view data;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads a whole file. On failure returns false and sets *err to a message naming the path,
  // e.g. "cannot read 'x.txt': no such file or directory" or "'dir' is a directory".
  virtual bool ReadFile(const std::string& path, std::string* contents, std::string* err) const = 0;
  // Like ReadFile, for large inputs read in place (pipeline.pb): the default reads the file
  // into memory; RealFileSystem maps it, so its bytes are neither copied nor zero-filled.
  virtual bool MapFile(const std::string& path, FileView* view, std::string* err) const;
  virtual FileKind Kind(const std::string& path) const = 0;
  // Opens a file for streaming reads (logs too large to hold in memory). On failure returns
  // null and sets *err as ReadFile does. The default reads the whole file via ReadFile.
  virtual std::unique_ptr<std::istream> OpenForReading(const std::string& path,
                                                       std::string* err) const;
  // Entries of a directory (names only), sorted. Empty when it is not a directory.
  virtual std::vector<std::string> ListDirectory(const std::string& path) const = 0;
};

class RealFileSystem : public FileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  bool MapFile(const std::string& path, FileView* view, std::string* err) const override;
  FileKind Kind(const std::string& path) const override;
  std::unique_ptr<std::istream> OpenForReading(const std::string& path,
                                               std::string* err) const override;
  std::vector<std::string> ListDirectory(const std::string& path) const override;
};

// A tree held in memory, for tests: files by path; a directory exists when some file lies
// below it or it was added with AddDirectory.
class InMemoryFileSystem : public FileSystem {
 public:
  void AddFile(const std::string& path, std::string contents);
  void AddDirectory(const std::string& path);

  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  FileKind Kind(const std::string& path) const override;
  std::vector<std::string> ListDirectory(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> directories_;
};

// "a/b" + "c" -> "a/b/c"; an absolute or empty `name` is handled as a shell would.
std::string JoinPath(const std::string& dir, const std::string& name);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_BASE_FILE_SYSTEM_H_
