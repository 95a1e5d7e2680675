#include "base/location.h"

#include <utility>

namespace beamcompat {

std::string SourceLocation::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  } else if (!path.empty()) {
    out += out.empty() ? path : ": " + path;
  }
  return out;
}

SourceLocation AtLine(std::string file, int line, int column) {
  SourceLocation where;
  where.file = std::move(file);
  where.line = line;
  where.column = column;
  return where;
}

SourceLocation AtPath(std::string file, std::string path) {
  SourceLocation where;
  where.file = std::move(file);
  where.path = std::move(path);
  return where;
}

}  // namespace beamcompat
