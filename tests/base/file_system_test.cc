#include "base/file_system.h"

#include <istream>
#include <string>

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("InMemoryFileSystem reads files and reports directories and misses") {
  InMemoryFileSystem fs;
  fs.AddFile("stage/pipeline.pb", "bytes");
  std::string contents, err;
  CHECK(fs.ReadFile("stage/pipeline.pb", &contents, &err));
  CHECK(contents == "bytes");
  CHECK(fs.Kind("stage") == FileKind::kDirectory);
  CHECK_FALSE(fs.ReadFile("stage", &contents, &err));
  CHECK(err == "'stage' is a directory, expected a file");
  CHECK_FALSE(fs.ReadFile("nope.txt", &contents, &err));
  CHECK(err == "cannot read 'nope.txt': no such file or directory");
  CHECK(fs.ListDirectory("stage") == std::vector<std::string>{"pipeline.pb"});
}

TEST_CASE("RealFileSystem names the path in its errors") {
  RealFileSystem fs;
  std::string contents, err;
  CHECK_FALSE(fs.ReadFile("/nonexistent/beamcompat", &contents, &err));
  CHECK(err == "cannot read '/nonexistent/beamcompat': no such file or directory");
  CHECK_FALSE(fs.ReadFile("/", &contents, &err));
  CHECK(err == "'/' is a directory, expected a file");
}

TEST_CASE("FileSystem OpenForReading streams files and names the path on failure") {
  InMemoryFileSystem memory;
  memory.AddFile("worker.log", "line one\nline two\n");
  std::string err;
  auto in = memory.OpenForReading("worker.log", &err);
  REQUIRE(in != nullptr);
  std::string first;
  std::getline(*in, first);
  CHECK(first == "line one");
  CHECK(memory.OpenForReading("missing.log", &err) == nullptr);
  CHECK(err == "cannot read 'missing.log': no such file or directory");
  RealFileSystem real;
  CHECK(real.OpenForReading("/nonexistent/worker.log", &err) == nullptr);
  CHECK(err == "cannot read '/nonexistent/worker.log': no such file or directory");
  CHECK(real.OpenForReading("/", &err) == nullptr);
  CHECK(err == "'/' is a directory, expected a file");
}

TEST_CASE("MapFile views a whole file, in memory or mapped, and fails like ReadFile") {
  InMemoryFileSystem memory;
  memory.AddFile("stage/pipeline.pb", "bytes");
  FileView view;
  std::string err;
  CHECK(memory.MapFile("stage/pipeline.pb", &view, &err));
  CHECK(view.data == "bytes");
  CHECK_FALSE(memory.MapFile("stage", &view, &err));
  CHECK(err == "'stage' is a directory, expected a file");

  RealFileSystem real;
  std::string source = std::string(BEAMCOMPAT_SOURCE_DIR) + "/CMakeLists.txt";
  std::string contents;
  REQUIRE(real.ReadFile(source, &contents, &err));
  REQUIRE(real.MapFile(source, &view, &err));
  CHECK(view.data == contents);
  CHECK_FALSE(real.MapFile("/nonexistent/beamcompat", &view, &err));
  CHECK(err == "cannot read '/nonexistent/beamcompat': no such file or directory");
}

TEST_CASE("JoinPath") {
  CHECK(JoinPath("a", "b") == "a/b");
  CHECK(JoinPath("a/", "b") == "a/b");
  CHECK(JoinPath("a", "/abs") == "/abs");
  CHECK(JoinPath("", "b") == "b");
}

}  // namespace beamcompat
