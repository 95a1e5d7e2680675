#include "lint/dockerfile_lines.h"

#include <algorithm>
#include <cctype>

namespace beamcompat {
namespace {

size_t FirstNonBlank(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  return pos;
}

bool IsBlankOrComment(std::string_view line) {
  size_t pos = FirstNonBlank(line);
  return pos == line.size() || line[pos] == '#';
}

// "# key=value" with a known key; returns false on anything else.
bool ParseDirective(std::string_view line, std::string* key, std::string* value) {
  std::string_view rest = Trim(line);
  if (rest.empty() || rest[0] != '#') return false;
  rest = Trim(rest.substr(1));
  size_t eq = rest.find('=');
  if (eq == std::string_view::npos) return false;
  *key = ToLower(Trim(rest.substr(0, eq)));
  *value = std::string(Trim(rest.substr(eq + 1)));
  return *key == "escape" || *key == "syntax" || *key == "check";
}

class LineSplitter {
 public:
  explicit LineSplitter(std::string_view text) : lines_(SplitLines(text)) {}

  DockerfileLines Run() {
    Directives();
    while (next_ < lines_.size()) {
      if (IsBlankOrComment(lines_[next_])) {
        ++next_;
        continue;
      }
      DockerfileLine line;
      Continued(&line.text);
      Heredocs(&line);
      out_.lines.push_back(std::move(line));
    }
    return std::move(out_);
  }

 private:
  void Directives() {
    std::string key, value;
    while (next_ < lines_.size() && ParseDirective(lines_[next_], &key, &value)) {
      int line = static_cast<int>(next_) + 1;
      if (key == "escape" && (value == "\\" || value == "`")) {
        out_.escape = value[0];
      } else if (key == "escape") {
        out_.bad_escape = value;
        out_.bad_escape_line = line;
      } else if (key == "syntax") {
        out_.syntax = value;
        out_.syntax_line = line;
      }
      ++next_;
    }
  }

  // Joins physical lines while they end in the escape character (trailing blanks allowed).
  void Continued(LocatedText* text) {
    size_t start = FirstNonBlank(lines_[next_]);
    while (true) {
      std::string_view line = lines_[next_];
      std::string_view body = line.substr(start);
      size_t end = body.find_last_not_of(" \t");
      bool continues = end != std::string_view::npos && body[end] == out_.escape;
      if (continues) body = body.substr(0, end);
      text->Append(body, static_cast<int>(next_) + 1, static_cast<int>(start) + 1);
      ++next_;
      if (!continues) return;
      while (next_ < lines_.size() && IsBlankOrComment(lines_[next_])) ++next_;
      if (next_ >= lines_.size()) {
        out_.dangling_escape_line = static_cast<int>(next_);
        return;
      }
      start = 0;
    }
  }

  // `<<EOF`, `<<-EOF`, `<<"EOF"` in RUN, COPY and ADD; bodies follow in marker order.
  void Heredocs(DockerfileLine* line) {
    std::string_view text = line->text.text;
    std::string keyword = ToLower(text.substr(0, text.find_first_of(" \t")));
    if (keyword != "run" && keyword != "copy" && keyword != "add") return;
    size_t pos = 0;
    while ((pos = text.find("<<", pos)) != std::string_view::npos) {
      pos += 2;
      if (pos < 3 || (text[pos - 3] != ' ' && text[pos - 3] != '\t')) continue;
      Heredoc doc;
      if (pos < text.size() && text[pos] == '-') {
        doc.strip_tabs = true;
        ++pos;
      }
      char quote = pos < text.size() && (text[pos] == '"' || text[pos] == '\'') ? text[pos] : 0;
      if (quote) ++pos;
      size_t end = pos;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                   text[end] == '_')) {
        ++end;
      }
      if (end == pos) continue;
      doc.delimiter = std::string(text.substr(pos, end - pos));
      pos = end;
      Body(&doc);
      line->heredocs.push_back(std::move(doc));
    }
  }

  void Body(Heredoc* doc) {
    while (next_ < lines_.size()) {
      std::string_view line = lines_[next_];
      size_t tabs = 0;
      if (doc->strip_tabs) {
        while (tabs < line.size() && line[tabs] == '\t') ++tabs;
      }
      ++next_;
      if (line.substr(tabs) == doc->delimiter) return;
      if (!doc->body.text.empty()) doc->body.text += '\n';
      doc->body.Append(line.substr(tabs), static_cast<int>(next_), static_cast<int>(tabs) + 1);
    }
    doc->terminated = false;
  }

  std::vector<std::string_view> lines_;
  size_t next_ = 0;
  DockerfileLines out_;
};

}  // namespace

void LocatedText::Append(std::string_view part, int line, int column) {
  pieces.push_back({text.size(), line, column});
  text += part;
}

LineColumn LocatedText::At(size_t offset) const {
  if (pieces.empty()) return {};
  auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                             [](size_t value, const Piece& piece) { return value < piece.offset; });
  const Piece& piece = it == pieces.begin() ? pieces.front() : *(it - 1);
  LineColumn at;
  at.line = piece.line;
  at.column = piece.column + static_cast<int>(offset - piece.offset);
  return at;
}

DockerfileLines SplitDockerfileLines(std::string_view text) { return LineSplitter(text).Run(); }

}  // namespace beamcompat
