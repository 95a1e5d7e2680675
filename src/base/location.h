// Where something came from: a file and a 1-based line/column for text inputs, or a logical
// path for binary protos (`components.environments['env']`). Every fact, error and diagnostic
// carries one, and it is printed in one fixed form.
#ifndef BEAMCOMPAT_BASE_LOCATION_H_
#define BEAMCOMPAT_BASE_LOCATION_H_

#include <string>

namespace beamcompat {

struct SourceLocation {
  std::string file;  // as the user named it; empty when the fact has no file (a CLI flag)
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string path;  // logical path inside a structured input, e.g. a proto field path

  // "file:line:col", "file:line", "file: path" or "file".
  std::string ToString() const;
  bool empty() const { return file.empty() && path.empty(); }
};

SourceLocation AtLine(std::string file, int line, int column = 0);
SourceLocation AtPath(std::string file, std::string path);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_BASE_LOCATION_H_
