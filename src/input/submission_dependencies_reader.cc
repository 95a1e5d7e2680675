#include "input/submission_dependencies_reader.h"

#include <cctype>
#include <cstdio>
#include <utility>

#include "base/message.h"
#include "base/text.h"
#include "input/freeze_reader.h"

namespace beamcompat {
namespace {

constexpr std::string_view kPythonPathPrefix = "Python Path:";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The byte a one-character escape stands for, or -1.
int SimpleEscape(char c) {
  switch (c) {
    case '\\':
      return '\\';
    case '\'':
      return '\'';
    case '"':
      return '"';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return -1;
  }
}

// "/home/dev/venvs/beam/bin/python3.10" -> "3.10"; "" when the path names no version.
std::string PythonVersionFromPath(std::string_view path) {
  std::string found;
  for (size_t at = path.find("python"); at != std::string_view::npos;
       at = path.find("python", at + 1)) {
    size_t i = at + 6;
    size_t major_start = i;
    while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
    if (i == major_start || i >= path.size() || path[i] != '.') continue;
    size_t minor_start = ++i;
    while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
    if (i > minor_start) found = std::string(path.substr(major_start, i - major_start));
  }
  return found;
}

std::string HexByte(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02x", c);
  return buffer;
}

// Reads the bytes-literal line (line 2); its columns are 1 + `lead` + offset in the literal.
bool ReadBytesLiteral(std::string_view literal, size_t lead, const PackageListOptions& options,
                      PackageList* list, Messages* messages) {
  const std::string& file = list->file;
  std::string err;
  size_t error_offset = 0;
  std::optional<DecodedBytes> decoded = DecodeBytesLiteral(literal, &err, &error_offset);
  if (!decoded) {
    messages->Error(AtLine(file, 2, static_cast<int>(lead + error_offset + 1)), err);
    return false;
  }
  size_t bad = FindInvalidUtf8(decoded->bytes);
  if (bad != std::string::npos) {
    int column = static_cast<int>(lead + decoded->source_offset[bad] + 1);
    messages->Error(AtLine(file, 2, column),
                    "invalid UTF-8 in the package list (byte " +
                        HexByte(static_cast<unsigned char>(decoded->bytes[bad])) + ")");
    return false;
  }
  LineLocator locate = [&](const RequirementsLine& line) {
    return AtLine(file, 2, static_cast<int>(lead + decoded->source_offset[line.offset] + 1));
  };
  ReadFreezeText(decoded->bytes, options, locate, list, messages);
  return true;
}

}  // namespace

bool LooksLikeSubmissionDependencies(std::string_view contents) {
  return contents.substr(0, kPythonPathPrefix.size()) == kPythonPathPrefix;
}

std::optional<DecodedBytes> DecodeBytesLiteral(std::string_view literal, std::string* err,
                                               size_t* error_offset) {
  if (literal.size() < 2 || (literal[0] != 'b' && literal[0] != 'B') ||
      (literal[1] != '\'' && literal[1] != '"')) {
    *err = "expected a bytes literal (b'...')";
    *error_offset = 0;
    return std::nullopt;
  }
  const char quote = literal[1];
  DecodedBytes out;
  out.bytes.reserve(literal.size());
  out.source_offset.reserve(literal.size());
  auto emit = [&out](char c, size_t from) {
    out.bytes += c;
    out.source_offset.push_back(static_cast<uint32_t>(from));
  };
  for (size_t i = 2; i < literal.size(); ++i) {
    char c = literal[i];
    if (c == quote) {
      if (i + 1 == literal.size()) return out;
      *err = "unexpected " + Quote(literal.substr(i + 1)) + " after the bytes literal";
      *error_offset = i + 1;
      return std::nullopt;
    }
    if (c != '\\') {
      emit(c, i);
      continue;
    }
    char next = i + 1 < literal.size() ? literal[i + 1] : '\0';
    if (int simple = SimpleEscape(next); simple >= 0) {
      emit(static_cast<char>(simple), i);
      ++i;
    } else if (next == 'x' && i + 3 < literal.size() && HexValue(literal[i + 2]) >= 0 &&
               HexValue(literal[i + 3]) >= 0) {
      emit(static_cast<char>(HexValue(literal[i + 2]) * 16 + HexValue(literal[i + 3])), i);
      i += 3;
    } else {
      *err = "invalid escape " + Quote(literal.substr(i, next == 'x' ? 4 : 2)) +
             " in the bytes literal (expected \\\\, \\', \\\", \\n, \\r, \\t or \\xNN)";
      *error_offset = i;
      return std::nullopt;
    }
  }
  *err = std::string("unterminated bytes literal: expected a closing ") + quote;
  *error_offset = literal.size();
  return std::nullopt;
}

std::optional<PackageList> ReadSubmissionDependencies(const std::string& file,
                                                      std::string_view contents,
                                                      const PackageListOptions& options,
                                                      Messages* messages) {
  PackageList list;
  list.file = file;
  size_t newline = contents.find('\n');
  std::string_view first = contents.substr(0, newline);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  std::string_view rest =
      newline == std::string_view::npos ? std::string_view() : contents.substr(newline + 1);
  std::string_view interpreter = Trim(first.substr(kPythonPathPrefix.size()));
  if (std::string python = PythonVersionFromPath(interpreter); !python.empty()) {
    list.python_version = Fact<std::string>{
        python, "guessed from the interpreter path " + Quote(interpreter), AtLine(file, 1)};
  }
  size_t lead = 0;
  while (lead < rest.size() && std::isspace(static_cast<unsigned char>(rest[lead]))) ++lead;
  if (rest.substr(lead, 2) == "b'" || rest.substr(lead, 2) == "b\"") {
    std::string_view literal = rest.substr(lead);
    while (!literal.empty() && std::isspace(static_cast<unsigned char>(literal.back()))) {
      literal.remove_suffix(1);
    }
    if (!ReadBytesLiteral(literal, lead, options, &list, messages)) return std::nullopt;
  } else {
    LineLocator locate = [&file](const RequirementsLine& line) {
      return AtLine(file, line.line + 1);
    };
    ReadFreezeText(rest, options, locate, &list, messages);
  }
  list.format = PackageListFormat::kSubmissionDependencies;
  return list;
}

}  // namespace beamcompat
