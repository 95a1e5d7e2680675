#include "lint/install_command.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace beamcompat {
namespace {

// pip install options that take a value (pip 24, plus uv's), as separate word or `--opt=v`.
constexpr std::array<std::string_view, 30> kPipValueOptions = {
    "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
    "--prefix", "--root", "--trusted-host", "--platform", "--python-version",
    "--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar",
    "--cache-dir", "--src", "--upgrade-strategy", "--config-settings", "-C", "--python",
    "-p", "--index-strategy", "--log", "--proxy", "--retries", "--timeout", "--report"};

constexpr std::array<std::string_view, 5> kApt = {"apt-get", "apt", "aptitude",
                                                  "/usr/bin/apt-get", "/usr/bin/apt"};

std::string_view Basename(std::string_view word) {
  size_t slash = word.rfind('/');
  return slash == std::string_view::npos ? word : word.substr(slash + 1);
}

bool IsAssignment(std::string_view word) {
  size_t eq = word.find('=');
  return eq != std::string_view::npos && eq > 0 && word[0] != '-';
}

// Index of the first word after `VAR=v`, `sudo`, `env`, `exec` and their flags.
size_t SkipPrefixes(const std::vector<std::string>& words) {
  size_t i = 0;
  while (i < words.size()) {
    std::string_view w = words[i];
    if (IsAssignment(w) || w == "sudo" || w == "env" || w == "exec" || w == "time") {
      ++i;
    } else if (i > 0 && (words[i - 1] == "sudo" || words[i - 1] == "env") && w[0] == '-') {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

bool IsPipProgram(std::string_view word) {
  std::string_view base = Basename(word);
  if (base == "pip" || base == "pip3") return true;
  return base.substr(0, 4) == "pip3" && base.size() > 5 && base[4] == '.';
}

bool IsPythonProgram(std::string_view word) {
  std::string_view base = Basename(word);
  return base == "python" || base.substr(0, 7) == "python3";
}

// Returns the index of the word after the installer (which must be `install`), or 0.
size_t MatchPipInstaller(const std::vector<std::string>& words, size_t i, std::string* name) {
  size_t n = words.size();
  if (i < n && IsPipProgram(words[i])) {
    *name = words[i];
    ++i;
  } else if (i + 2 < n && IsPythonProgram(words[i]) && words[i + 1] == "-m" &&
             (words[i + 2] == "pip" || words[i + 2] == "uv")) {
    *name = words[i] + " -m " + words[i + 2];
    i += 3;
    if (words[i - 1] == "uv") {
      if (i >= n || words[i] != "pip") return 0;
      *name += " pip";
      ++i;
    }
  } else if (i + 1 < n && Basename(words[i]) == "uv" && words[i + 1] == "pip") {
    *name = words[i] + " pip";
    i += 2;
  } else {
    return 0;
  }
  while (i < n && words[i].size() > 1 && words[i][0] == '-') ++i;  // pip -q install
  return i < n && words[i] == "install" ? i + 1 : 0;
}

// A URL that is the whole argument, not the target of `name @ URL`.
bool LooksLikeUrl(std::string_view text) {
  size_t scheme = text.find("://");
  size_t at = text.find('@');
  return text.substr(0, 4) == "git+" ||
         (scheme != std::string_view::npos && (at == std::string_view::npos || scheme < at));
}

bool LooksLikePath(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] == '.' || text[0] == '/' || text[0] == '~' || text[0] == '$') return true;
  if (text.find('/') != std::string_view::npos && text.find("@") == std::string_view::npos) {
    return true;
  }
  for (std::string_view suffix : {".whl", ".tar.gz", ".zip", ".tgz"}) {
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      return true;
    }
  }
  return false;
}

PipArgumentKind PositionalKind(std::string_view text) {
  if (LooksLikeUrl(text)) return PipArgumentKind::kUrl;
  if (text.find('@') != std::string_view::npos) return PipArgumentKind::kRequirement;
  return LooksLikePath(text) ? PipArgumentKind::kLocalPath : PipArgumentKind::kRequirement;
}

struct FileOption {
  std::string_view short_name;
  std::string_view long_name;
  PipArgumentKind kind;
};
constexpr std::array<FileOption, 3> kFileOptions = {{
    {"-r", "--requirement", PipArgumentKind::kRequirementsFile},
    {"-c", "--constraint", PipArgumentKind::kConstraintsFile},
    {"-e", "--editable", PipArgumentKind::kEditable},
}};

// Handles an option word at `*i`; advances past its value.
void PipOption(const std::vector<std::string>& words, size_t* i, PipInstall* install) {
  std::string_view w = words[*i];
  std::string_view key = w.substr(0, w.find('='));
  bool inline_value = key.size() < w.size();
  for (const FileOption& option : kFileOptions) {
    bool glued = w.size() > 2 && w.substr(0, 2) == option.short_name && w[1] != '-';
    if (key == option.short_name || key == option.long_name || glued) {
      if (glued && key != option.short_name) {
        install->arguments.push_back({option.kind, std::string(w.substr(2)), *i});
      } else if (inline_value) {
        install->arguments.push_back({option.kind, std::string(w.substr(key.size() + 1)), *i});
      } else if (*i + 1 < words.size()) {
        ++*i;
        install->arguments.push_back({option.kind, words[*i], *i});
      }
      return;
    }
  }
  if (key == "--no-deps") install->no_deps = true;
  if (key == "-U" || key == "--upgrade") install->upgrade = true;
  if (key == "--user") install->user = true;
  bool takes_value = std::find(kPipValueOptions.begin(), kPipValueOptions.end(), key) !=
                     kPipValueOptions.end();
  if (takes_value && !inline_value && *i + 1 < words.size()) ++*i;
}

}  // namespace

const char* PipArgumentKindName(PipArgumentKind kind) {
  switch (kind) {
    case PipArgumentKind::kRequirement:
      return "requirement";
    case PipArgumentKind::kRequirementsFile:
      return "requirements-file";
    case PipArgumentKind::kConstraintsFile:
      return "constraints-file";
    case PipArgumentKind::kEditable:
      return "editable";
    case PipArgumentKind::kLocalPath:
      return "local-path";
    case PipArgumentKind::kUrl:
      return "url";
  }
  return "requirement";
}

std::optional<PipInstall> ParsePipInstall(const std::vector<std::string>& words) {
  PipInstall install;
  install.first_word = SkipPrefixes(words);
  size_t i = MatchPipInstaller(words, install.first_word, &install.installer);
  if (i == 0) return std::nullopt;
  for (; i < words.size(); ++i) {
    if (words[i].empty()) continue;
    if (words[i][0] == '-' && words[i].size() > 1) {
      PipOption(words, &i, &install);
    } else {
      install.arguments.push_back({PositionalKind(words[i]), words[i], i});
    }
  }
  return install;
}

std::optional<AptInstall> ParseAptInstall(const std::vector<std::string>& words) {
  AptInstall install;
  size_t i = SkipPrefixes(words);
  if (i >= words.size() ||
      std::find(kApt.begin(), kApt.end(), words[i]) == kApt.end()) {
    return std::nullopt;
  }
  install.installer = std::string(Basename(words[i]));
  install.first_word = i;
  ++i;
  while (i < words.size() && words[i][0] == '-') ++i;
  if (i >= words.size() || words[i] != "install") return std::nullopt;
  for (++i; i < words.size(); ++i) {
    if (words[i].empty() || words[i][0] == '-') {
      if (words[i] == "-o" || words[i] == "-t") ++i;  // option with a value
      continue;
    }
    install.packages.push_back(words[i]);
    install.package_words.push_back(i);
  }
  return install;
}

}  // namespace beamcompat
