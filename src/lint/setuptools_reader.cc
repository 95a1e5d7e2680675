// setup.py (a literal install_requires list, scanned, never run), setup.cfg [options] and
// .python-version.
#include <cctype>

#include "base/message.h"
#include "base/text.h"
#include "input/requirements_lines.h"
#include "lint/project_file_readers.h"

namespace beamcompat {
namespace {

SourceLocation At(const std::string& file, std::string_view text, size_t offset) {
  LineColumn at = LineColumnAt(text, offset);
  return AtLine(file, at.line, at.column);
}

// Reads a Python string literal starting at text[*pos] (a quote); false on anything else.
bool StringLiteral(std::string_view text, size_t* pos, std::string* value) {
  char quote = text[*pos];
  if (quote != '"' && quote != '\'') return false;
  bool triple = text.substr(*pos, 3) == std::string(3, quote);
  size_t i = *pos + (triple ? 3 : 1);
  value->clear();
  while (i < text.size()) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      *value += text[i + 1];
      i += 2;
    } else if (triple ? text.substr(i, 3) == std::string(3, quote) : text[i] == quote) {
      *pos = i + (triple ? 3 : 1);
      return true;
    } else if (!triple && text[i] == '\n') {
      return false;
    } else {
      *value += text[i++];
    }
  }
  return false;
}

void SkipBlanksAndComments(std::string_view text, size_t* pos) {
  while (*pos < text.size()) {
    char c = text[*pos];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      ++*pos;
    } else if (c == '#') {
      while (*pos < text.size() && text[*pos] != '\n') ++*pos;
    } else {
      return;
    }
  }
}

// Offset just after `keyword` `=` (as a keyword argument or assignment), or npos.
size_t AfterKeyword(std::string_view text, std::string_view keyword) {
  for (size_t at = text.find(keyword); at != std::string_view::npos;
       at = text.find(keyword, at + 1)) {
    bool word_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                                   text[at - 1] == '_');
    size_t pos = at + keyword.size();
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    if (word_start && pos < text.size() && text[pos] == '=' && text.substr(pos, 2) != "==") {
      ++pos;
      while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
      return pos;
    }
  }
  return std::string_view::npos;
}

void InstallRequiresList(const std::string& file, std::string_view text, size_t pos,
                         Declarations* out, Messages* messages) {
  size_t list_start = pos;
  if (pos >= text.size() || (text[pos] != '[' && text[pos] != '(')) {
    messages->Warning(At(file, text, list_start),
                      "install_requires is not a literal list; its requirements were not read");
    return;
  }
  char close = text[pos] == '[' ? ']' : ')';
  ++pos;
  while (true) {
    SkipBlanksAndComments(text, &pos);
    if (pos >= text.size()) break;
    if (text[pos] == close) return;
    size_t item = pos;
    std::string value;
    if (!StringLiteral(text, &pos, &value)) break;
    if (auto req = MakeRepoRequirement(value, "setup.py", At(file, text, item), messages)) {
      out->requirements.push_back(std::move(*req));
    }
  }
  messages->Warning(At(file, text, list_start),
                    "install_requires is not a list of string literals; the rest of it was not "
                    "read");
}

}  // namespace

void ReadSetupPy(const std::string& file, std::string_view text, Declarations* out,
                 Messages* messages) {
  size_t pos = AfterKeyword(text, "install_requires");
  if (pos != std::string_view::npos) InstallRequiresList(file, text, pos, out, messages);
  pos = AfterKeyword(text, "python_requires");
  std::string value;
  if (pos != std::string_view::npos && pos < text.size() && StringLiteral(text, &pos, &value)) {
    size_t start = text.rfind(value.empty() ? "\"" : value, pos);
    out->pythons.push_back({value, PythonSpecifier(value), "python_requires",
                            At(file, text, start == std::string_view::npos ? pos : start)});
  }
}

void ReadSetupCfg(const std::string& file, std::string_view text, Declarations* out,
                  Messages* messages) {
  std::string section;
  bool in_install_requires = false;
  int number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++number;
    std::string_view trimmed = Trim(line);
    bool continuation = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == ';') continue;
    if (!continuation) in_install_requires = false;
    if (!continuation && trimmed[0] == '[') {
      section = std::string(Trim(trimmed.substr(1, trimmed.find(']') - 1)));
      continue;
    }
    int column = static_cast<int>(line.find(trimmed[0])) + 1;
    if (in_install_requires) {
      if (auto req = MakeRepoRequirement(trimmed, "setup.cfg", AtLine(file, number, column),
                                         messages)) {
        out->requirements.push_back(std::move(*req));
      }
      continue;
    }
    size_t eq = trimmed.find('=');
    if (section != "options" || eq == std::string_view::npos) continue;
    std::string key(Trim(trimmed.substr(0, eq)));
    std::string_view value = Trim(trimmed.substr(eq + 1));
    int value_column =
        column + static_cast<int>(value.empty() ? eq + 1 : value.data() - trimmed.data());
    if (key == "install_requires") {
      in_install_requires = true;
      for (std::string_view part : Split(value, ';')) {
        if (Trim(part).empty()) continue;
        if (auto req = MakeRepoRequirement(part, "setup.cfg", AtLine(file, number, value_column),
                                           messages)) {
          out->requirements.push_back(std::move(*req));
        }
      }
    } else if (key == "python_requires") {
      out->pythons.push_back({std::string(value), PythonSpecifier(value), "python_requires",
                              AtLine(file, number, value_column)});
    }
  }
}

void ReadPythonVersionFile(const std::string& file, std::string_view text, Declarations* out,
                           Messages* messages) {
  int number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++number;
    std::string_view value = Trim(line);
    if (value.empty() || value[0] == '#') continue;
    std::string specifier = PythonSpecifier(value);
    if (specifier.empty() || specifier.substr(0, 2) != "==") {
      messages->Warning(AtLine(file, number, 1), "Python version " + Quote(value) +
                                                     " is not a CPython version like '3.10'; "
                                                     "skipped");
    } else {
      out->pythons.push_back({std::string(value), specifier, ".python-version",
                              AtLine(file, number, 1)});
    }
    return;  // pyenv uses the first version listed
  }
}

void ReadRequirementsFile(const std::string& file, std::string_view text, bool constraints,
                          Declarations* out, Messages* messages) {
  const std::string source = constraints ? "constraints-file" : "requirements-file";
  for (const RequirementsLine& line : ReadRequirementsLines(text)) {
    LineColumn at = LineColumnAt(text, line.offset);
    SourceLocation where = AtLine(file, line.line, at.column);
    if (line.kind == RequirementsLineKind::kRequirement) {
      out->requirements.push_back(MakeRepoRequirement(line, source, where));
    } else if (line.kind == RequirementsLineKind::kInclude) {
      out->includes.push_back({line.option == "--constraint", line.value, where});
    } else if (line.kind == RequirementsLineKind::kInvalid) {
      messages->Warning(where, Quote(line.text) + " is not a requirement: " + line.error +
                                   "; skipped");
    }
  }
}

}  // namespace beamcompat
