// Reads Beam's staged submission_environment_dependencies.txt: a "Python Path: <interpreter>"
// line, then the launch environment's pip freeze written as a Python bytes repr on one line
// (b'apache-beam==2.56.0\ncloudpickle==2.2.1\n...', no final newline). A plain freeze after
// the first line is read too. The Python version is guessed from the interpreter path.
#ifndef BEAMCOMPAT_INPUT_SUBMISSION_DEPENDENCIES_READER_H_
#define BEAMCOMPAT_INPUT_SUBMISSION_DEPENDENCIES_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/package.h"
#include "input/package_list_reader.h"

namespace beamcompat {

class Messages;

// True when `contents` starts with the "Python Path:" line.
bool LooksLikeSubmissionDependencies(std::string_view contents);

std::optional<PackageList> ReadSubmissionDependencies(const std::string& file,
                                                      std::string_view contents,
                                                      const PackageListOptions& options,
                                                      Messages* messages);

// A decoded bytes literal and, for each decoded byte, the offset of the character in the
// literal it came from (so messages can point into the one long line).
struct DecodedBytes {
  std::string bytes;
  std::vector<uint32_t> source_offset;
};

// Decodes `b'...'` / `b"..."` with CPython's repr escapes (\\, \', \", \n, \r, \t, \xNN).
// On failure returns nullopt and sets *err and *error_offset (into `literal`).
std::optional<DecodedBytes> DecodeBytesLiteral(std::string_view literal, std::string* err,
                                               size_t* error_offset);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_SUBMISSION_DEPENDENCIES_READER_H_
