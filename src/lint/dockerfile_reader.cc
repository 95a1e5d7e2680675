#include "lint/dockerfile_reader.h"

#include <array>
#include <cctype>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/message.h"
#include "base/text.h"
#include "lint/dockerfile_lines.h"
#include "lint/install_command.h"
#include "lint/shell_words.h"
#include "lint/variable_expansion.h"

namespace beamcompat {
namespace {

struct Word {
  std::string text;  // quotes removed
  size_t offset = 0;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Splits instruction arguments at blanks; quotes group and are removed; the escape character
// protects the next byte outside single quotes.
std::vector<Word> SplitArgs(std::string_view text, size_t base, char escape) {
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    if (pos >= text.size()) break;
    Word word{"", base + pos};
    char quote = 0;
    for (; pos < text.size() && (quote || !IsBlank(text[pos])); ++pos) {
      char c = text[pos];
      if (quote && c == quote) {
        quote = 0;
      } else if (!quote && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == escape && quote != '\'' && pos + 1 < text.size()) {
        word.text += text[++pos];
      } else {
        word.text += c;
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

// Leading `--name=value` / `--name` flags; *rest is set to the offset after them.
std::vector<std::pair<Word, Word>> SplitFlags(const std::vector<Word>& words, size_t* first) {
  std::vector<std::pair<Word, Word>> flags;
  size_t i = 0;
  for (; i < words.size() && words[i].text.substr(0, 2) == "--"; ++i) {
    const Word& w = words[i];
    size_t eq = w.text.find('=');
    Word name{w.text.substr(2, eq == std::string::npos ? std::string::npos : eq - 2), w.offset};
    Word value{eq == std::string::npos ? "" : w.text.substr(eq + 1), w.offset + eq + 1};
    flags.emplace_back(std::move(name), std::move(value));
  }
  *first = i;
  return flags;
}

// Offset just after the leading flags of an instruction's argument text.
size_t SkipFlagText(std::string_view text, size_t pos) {
  while (true) {
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    if (text.substr(pos, 2) != "--") return pos;
    while (pos < text.size() && !IsBlank(text[pos])) ++pos;
  }
}

bool IsShellProgram(std::string_view word) {
  size_t slash = word.rfind('/');
  std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
  return base == "sh" || base == "bash" || base == "dash" || base == "ash" || base == "zsh";
}

std::optional<std::vector<std::string>> ParseJsonArray(std::string_view text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return std::nullopt;
  std::vector<std::string> argv;
  for (const nlohmann::json& item : parsed) {
    if (!item.is_string()) return std::nullopt;
    argv.push_back(item.get<std::string>());
  }
  return argv;
}

class Reader {
 public:
  Reader(std::string file, Messages* messages) : messages_(messages) {
    df_.file = std::move(file);
  }

  Dockerfile Run(std::string_view contents) {
    DockerfileLines lines = SplitDockerfileLines(contents);
    df_.escape = lines.escape;
    df_.syntax = lines.syntax;
    if (lines.bad_escape_line > 0) {
      Warn(AtLine(df_.file, lines.bad_escape_line, 1),
           "escape directive " + Quote(lines.bad_escape) + " is not '\\' or '`'; using '\\'");
    }
    for (const DockerfileLine& line : lines.lines) {
      Instruction(line);
      for (const Heredoc& doc : line.heredocs) {
        if (doc.terminated) continue;
        Warn(At(line.text, 0), "heredoc " + Quote(doc.delimiter) +
                                   " is not closed before the end of the file");
      }
    }
    if (lines.dangling_escape_line > 0) {
      Warn(AtLine(df_.file, lines.dangling_escape_line, 1),
           "the file ends with a line continuation; the last instruction was read as it is");
    }
    return std::move(df_);
  }

 private:
  using Handler = void (Reader::*)(const DockerfileLine&, const std::string&, size_t);

  void Warn(SourceLocation where, std::string text) { messages_->Warning(where, text); }

  SourceLocation At(const LocatedText& text, size_t offset) const {
    LineColumn at = text.At(offset);
    return AtLine(df_.file, at.line, at.column);
  }

  void Instruction(const DockerfileLine& line) {
    const std::string& text = line.text.text;
    size_t end = text.find_first_of(" \t");
    std::string keyword = ToLower(text.substr(0, end));
    size_t args = end == std::string::npos ? text.size() : text.find_first_not_of(" \t", end);
    if (args == std::string::npos) args = text.size();
    static constexpr std::array<std::pair<std::string_view, Handler>, 8> kHandlers = {{
        {"from", &Reader::From},
        {"arg", &Reader::Arg},
        {"env", &Reader::Env},
        {"run", &Reader::RunInstruction},
        {"copy", &Reader::Copy},
        {"add", &Reader::Copy},
        {"entrypoint", &Reader::Exec},
        {"cmd", &Reader::Exec},
    }};
    for (const auto& [name, handler] : kHandlers) {
      if (keyword != name) continue;
      if (keyword != "from" && keyword != "arg" && df_.stages.empty()) {
        Warn(At(line.text, 0), Quote(text.substr(0, end)) +
                                   " before the first FROM is not part of any stage; skipped");
        return;
      }
      (this->*handler)(line, keyword, args);
      return;
    }
  }

  // BuildKit defines these in the global scope, for FROM lines ("FROM --platform=$BUILDPLATFORM").
  static bool IsBuildKitPlatformArg(std::string_view name) {
    for (std::string_view side : {"BUILD", "TARGET"}) {
      if (!name.starts_with(side)) continue;
      std::string_view part = name.substr(side.size());
      if (part == "PLATFORM" || part == "OS" || part == "ARCH" || part == "VARIANT") return true;
    }
    return false;
  }

  // Undefined variables are reported only where the image name depends on them (FROM,
  // COPY --from); ENV and ARG values may use variables of the base image (PATH, HOME).
  std::string Expand(const std::string& text, const Variables& vars, SourceLocation where,
                     const std::string& context) {
    Expansion expansion = ExpandVariables(text, vars, df_.escape);
    if (context != "FROM" && context != "COPY --from") return expansion.text;
    for (const std::string& name : expansion.undefined) {
      if (context == "FROM" && IsBuildKitPlatformArg(name)) continue;  // set by the builder
      Warn(where, "variable " + Quote(name) + " in " + context + " has no value here" +
                      (context == "FROM" ? " (declare it with ARG before the first FROM)"
                                         : " (a global ARG must be redeclared inside the stage)"));
    }
    return expansion.text;
  }

  void From(const DockerfileLine& line, const std::string&, size_t args) {
    const LocatedText& text = line.text;
    std::vector<Word> words = SplitArgs(std::string_view(text.text).substr(args), args, df_.escape);
    size_t first = 0;
    auto flags = SplitFlags(words, &first);
    DockerStage stage;
    stage.index = static_cast<int>(df_.stages.size());
    stage.where = At(text, 0);
    if (first >= words.size()) {
      Warn(stage.where, "FROM needs an image; this stage has no base image");
    } else {
      stage.image_raw = words[first].text;
      stage.image_where = At(text, words[first].offset);
      stage.image = Expand(stage.image_raw, globals_, stage.image_where, "FROM");
    }
    for (const auto& [name, value] : flags) {
      if (name.text == "platform") {
        stage.platform = Expand(value.text, globals_, At(text, value.offset), "FROM");
      }
    }
    if (first + 2 < words.size() && ToLower(words[first + 1].text) == "as") {
      stage.name = ToLower(words[first + 2].text);
    }
    scope_.clear();
    for (const DockerStage& earlier : df_.stages) {
      if (!earlier.name.empty() && earlier.name == ToLower(stage.image)) {
        stage.base_stage = earlier.index;
        for (const DockerEnv& env : earlier.env) scope_[env.name] = env.value;
      }
    }
    df_.stages.push_back(std::move(stage));
  }

  void Arg(const DockerfileLine& line, const std::string&, size_t args) {
    const LocatedText& text = line.text;
    bool global = df_.stages.empty();
    Variables& vars = global ? globals_ : scope_;
    for (const Word& word : SplitArgs(std::string_view(text.text).substr(args), args, df_.escape)) {
      DockerArg arg;
      arg.where = At(text, word.offset);
      size_t eq = word.text.find('=');
      arg.name = word.text.substr(0, eq);
      if (eq != std::string::npos) {
        arg.default_value = Expand(word.text.substr(eq + 1), vars, arg.where, "ARG");
      } else if (!global && globals_.count(arg.name)) {
        arg.default_value = globals_.at(arg.name);
      }
      if (arg.default_value) vars[arg.name] = *arg.default_value;
      (global ? df_.global_args : df_.stages.back().args).push_back(std::move(arg));
    }
  }

  void Env(const DockerfileLine& line, const std::string&, size_t args) {
    const LocatedText& text = line.text;
    std::string_view rest = std::string_view(text.text).substr(args);
    std::vector<Word> words = SplitArgs(rest, args, df_.escape);
    if (words.empty()) return;
    DockerStage& stage = df_.stages.back();
    if (words[0].text.find('=') == std::string::npos) {  // legacy `ENV NAME value words`
      size_t value_at = rest.find_first_of(" \t");
      std::string value(value_at == std::string_view::npos ? "" : Trim(rest.substr(value_at)));
      AddEnv(&stage, words[0].text, value, At(text, words[0].offset));
      return;
    }
    for (const Word& word : words) {
      size_t eq = word.text.find('=');
      if (eq == std::string::npos) {
        Warn(At(text, word.offset), "ENV entry " + Quote(word.text) + " has no '='; skipped");
        continue;
      }
      AddEnv(&stage, word.text.substr(0, eq), word.text.substr(eq + 1), At(text, word.offset));
    }
  }

  void AddEnv(DockerStage* stage, std::string name, const std::string& value, SourceLocation where) {
    DockerEnv env{std::move(name), Expand(value, scope_, where, "ENV"), where};
    scope_[env.name] = env.value;
    stage->env.push_back(std::move(env));
  }

  void RunInstruction(const DockerfileLine& line, const std::string&, size_t args) {
    const LocatedText& text = line.text;
    size_t command_at = SkipFlagText(text.text, args);
    std::string_view command = std::string_view(text.text).substr(command_at);
    if (!command.empty() && command[0] == '[') {
      if (auto argv = ParseJsonArray(command)) {
        ShellCommand words;
        for (std::string& arg : *argv) words.push_back({std::move(arg), 0, false});
        Command(words, text, command_at);
        return;
      }
    }
    std::vector<ShellCommand> commands = SplitShellCommands(command);
    for (const ShellCommand& words : commands) Command(words, text, command_at);
    bool script = commands.empty() || (commands.size() == 1 && IsShellProgram(commands[0][0].text));
    if (!script) return;
    for (const Heredoc& doc : line.heredocs) {
      for (const ShellCommand& words : SplitShellCommands(doc.body.text)) {
        Command(words, doc.body, 0);
      }
    }
  }

  // One simple shell command of a RUN: pip and apt installs, python symlinks.
  void Command(const ShellCommand& shell_words, const LocatedText& text, size_t base) {
    std::vector<std::string> words;
    for (const ShellWord& word : shell_words) {
      words.push_back(word.single_quoted ? word.text
                                         : ExpandVariables(word.text, scope_, '\0').text);
    }
    auto where = [&](size_t i) { return At(text, base + shell_words[i].offset); };
    DockerStage& stage = df_.stages.back();
    if (auto pip = ParsePipInstall(words)) {
      DockerPipInstall install{pip->installer, {}, pip->no_deps, where(pip->first_word)};
      for (const PipArgument& arg : pip->arguments) {
        install.arguments.push_back({arg.kind, arg.text, where(arg.word)});
      }
      stage.pip_installs.push_back(std::move(install));
    } else if (auto apt = ParseAptInstall(words)) {
      DockerAptInstall install{apt->packages, {}, where(apt->first_word)};
      for (size_t word : apt->package_words) install.package_where.push_back(where(word));
      stage.apt_installs.push_back(std::move(install));
    } else if (!words.empty() && words[0] == "ln" && words.size() >= 3) {
      stage.symlinks.push_back(words.back());
    } else if (words.size() >= 3 && words[0] == "update-alternatives" &&
               words[1] == "--install") {
      stage.symlinks.push_back(words[2]);
    }
  }

  void Copy(const DockerfileLine& line, const std::string& keyword, size_t args) {
    const LocatedText& text = line.text;
    std::vector<Word> words = SplitArgs(std::string_view(text.text).substr(args), args, df_.escape);
    size_t first = 0;
    auto flags = SplitFlags(words, &first);
    DockerCopy copy;
    copy.instruction = keyword == "add" ? "ADD" : "COPY";
    copy.where = At(text, 0);
    for (const auto& [name, value] : flags) {
      if (name.text != "from") continue;
      copy.from_raw = value.text;
      copy.from_where = At(text, value.offset);
      copy.from = Expand(value.text, scope_, copy.from_where, "COPY --from");
      copy.from_stage = FindStage(copy.from);
    }
    std::vector<std::string> paths = CopyPaths(text.text, words, first);
    if (paths.size() < 2) {
      Warn(copy.where, copy.instruction + " needs a source and a destination; skipped");
      return;
    }
    copy.destination = paths.back();
    paths.pop_back();
    copy.sources = std::move(paths);
    df_.stages.back().copies.push_back(std::move(copy));
  }

  std::vector<std::string> CopyPaths(const std::string& text, const std::vector<Word>& words,
                                     size_t first) {
    std::vector<std::string> paths;
    if (first < words.size() && text[words[first].offset] == '[') {
      if (auto argv = ParseJsonArray(std::string_view(text).substr(words[first].offset))) {
        return *argv;
      }
    }
    for (size_t i = first; i < words.size(); ++i) paths.push_back(words[i].text);
    return paths;
  }

  int FindStage(const std::string& from) const {
    std::string name = ToLower(from);
    for (const DockerStage& stage : df_.stages) {
      if (!stage.name.empty() && stage.name == name) return stage.index;
      if (name == std::to_string(stage.index)) return stage.index;
    }
    return -1;
  }

  void Exec(const DockerfileLine& line, const std::string& keyword, size_t args) {
    const LocatedText& text = line.text;
    DockerExec exec;
    exec.text = text.text.substr(args);
    exec.where = At(text, 0);
    std::string_view rest = Trim(exec.text);
    if (auto argv = ParseJsonArray(rest)) {
      exec.json_form = true;
      exec.argv = std::move(*argv);
    } else {
      if (!rest.empty() && rest[0] == '[') {
        Warn(At(text, args), Quote(ToUpperKeyword(keyword)) +
                                 " looks like a JSON array but is not valid JSON (use double "
                                 "quotes); Docker runs it as a shell command");
      }
      for (Word& word : SplitArgs(rest, 0, df_.escape)) exec.argv.push_back(std::move(word.text));
    }
    DockerStage& stage = df_.stages.back();
    (keyword == "cmd" ? stage.cmd : stage.entrypoint) = std::move(exec);
  }

  static std::string ToUpperKeyword(const std::string& keyword) {
    std::string out = keyword;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  }

  Messages* messages_;
  Dockerfile df_;
  Variables globals_;
  Variables scope_;
};

}  // namespace

Dockerfile ReadDockerfile(const std::string& file, std::string_view contents, Messages* messages) {
  return Reader(file, messages).Run(contents);
}

}  // namespace beamcompat
