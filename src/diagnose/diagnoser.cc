#include "diagnose/diagnoser.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace beamcompat {
namespace {

constexpr size_t kMaxEvidenceChars = 400;

std::string FrameText(const Frame& frame) {
  std::string text = "File \"" + frame.file + "\", line " + std::to_string(frame.line_number);
  if (!frame.function.empty()) text += ", in " + frame.function;
  return text;
}

// One line per frame of the whole chain, "file:line in function", for the frame patterns.
std::string FramesText(const Failure& failure) {
  std::string text;
  for (const RaisedException& e : failure.chain) {
    for (const Frame& frame : e.frames) {
      text += frame.file + ":" + std::to_string(frame.line_number) + " in " + frame.function + "\n";
    }
  }
  return text;
}

// "beam:version:sdk_base:apache/beam_python3.10_sdk:2.48.0" -> {"3.10", "2.48.0"}.
std::pair<std::string, std::string> SplitSdkBase(std::string_view capability) {
  size_t at = capability.find("beam_python");
  size_t sdk = capability.find("_sdk:", at);
  if (at == std::string_view::npos || sdk == std::string_view::npos) return {"", ""};
  std::string_view python = capability.substr(at + 11, sdk - at - 11);
  std::string_view beam = capability.substr(sdk + 5);
  while (!beam.empty() && beam.back() == '.') beam.remove_suffix(1);
  return {std::string(python), std::string(beam)};
}

const std::string* Find(const KeyValues& values, std::string_view key) {
  for (const auto& [k, v] : values) {
    if (k == key) return &v;
  }
  return nullptr;
}

// Runs `re` over `text`, adding its named captures; false when it does not match.
bool MatchInto(const RE2& re, std::string_view text, KeyValues* captures) {
  int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> found(static_cast<size_t>(groups) + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, found.data(), groups + 1)) return false;
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& piece = found[static_cast<size_t>(index)];
    if (piece.data() == nullptr || Find(*captures, name)) continue;
    captures->emplace_back(name, std::string(piece.data(), piece.size()));
    if (name.ends_with("_sdk_base")) {
      std::string prefix = name.substr(0, name.size() - 9);
      auto [python, beam] = SplitSdkBase(captures->back().second);
      captures->emplace_back(prefix + "_python", python);
      captures->emplace_back(prefix + "_beam", beam);
    }
  }
  return true;
}

bool ConditionsHold(const SignatureRule& rule, const KeyValues& captures) {
  for (const CaptureCondition& c : rule.when) {
    const std::string* left = Find(captures, c.left);
    const std::string* right = Find(captures, c.right);
    if (!left || !right || ((*left == *right) != c.equal)) return false;
  }
  return true;
}

// Full match of one rule: pattern on `text`, frame conditions, `when`.
bool MatchRule(const SignatureRule& rule, std::string_view text, std::string_view frames,
               KeyValues* captures) {
  const RE2* pattern = rule.exception ? rule.exception.get() : rule.line.get();
  captures->clear();
  if (!pattern || !MatchInto(*pattern, text, captures)) return false;
  if (rule.frames && !MatchInto(*rule.frames, frames, captures)) return false;
  if (rule.not_frames && RE2::PartialMatch(frames, *rule.not_frames)) return false;
  if (!ConditionsHold(rule, *captures)) return false;
  std::sort(captures->begin(), captures->end());
  return true;
}

// The innermost frame that is real source (not `<frozen importlib._bootstrap>`).
const Frame* InnermostFrame(const RaisedException& e) {
  for (auto it = e.frames.rbegin(); it != e.frames.rend(); ++it) {
    if (!it->file.empty() && it->file[0] != '<') return &*it;
  }
  return e.frames.empty() ? nullptr : &e.frames.back();
}

// The frame an exception was raised in, and the same as words that read well with and
// without a traceback (logs and job summaries often keep only the exception line).
void AddPlace(const Frame* frame, KeyValues* context) {
  if (frame == nullptr) {
    context->insert(context->end(),
                    {{"file", "(no traceback)"}, {"line", "0"}, {"function", "(unknown)"},
                     {"in_function", ""}, {"by_function", ""},
                     {"raised_at", "printed without its traceback here; the worker's log "
                                   "has the frames"}});
    return;
  }
  std::string line = std::to_string(frame->line_number);
  std::string at = frame->function + " (" + frame->file + ":" + line + ")";
  context->insert(context->end(),
                  {{"file", frame->file}, {"line", line}, {"function", frame->function},
                   {"in_function", " in " + at}, {"by_function", " by " + at},
                   {"raised_at", "raised in " + frame->function + " at " + frame->file + ":" +
                                     line}});
}

KeyValues ContextOf(const RaisedException& e, const std::string& step) {
  KeyValues context;
  if (e.truncated && e.type.empty()) {
    context.emplace_back("type", "traceback cut short");
    context.emplace_back("exception_message", "the log does not show the exception line");
  } else {
    context.emplace_back("type", e.type);
    context.emplace_back("exception_message", e.message.substr(0, e.message.find('\n')));
  }
  AddPlace(InnermostFrame(e), &context);
  context.emplace_back("step", step.empty() ? "(unknown step)" : step);
  return context;
}

void AddEvidence(std::vector<EvidenceLine>* evidence, int line, std::string text) {
  if (text.size() > kMaxEvidenceChars) text = text.substr(0, kMaxEvidenceChars) + "...";
  for (const EvidenceLine& e : *evidence) {
    if (e.line == line && e.text == text) return;
  }
  evidence->push_back({line, std::move(text)});
}

std::vector<EvidenceLine> EvidenceOf(const Failure& failure, const RaisedException& chosen,
                                     const SignatureRule* rule) {
  std::vector<EvidenceLine> evidence;
  int frames_added = 0;
  for (const Frame& frame : chosen.frames) {
    if (rule && rule->frames && frames_added < 2 &&
        RE2::PartialMatch(frame.file + ":" + std::to_string(frame.line_number) + " in " +
                              frame.function, *rule->frames)) {
      AddEvidence(&evidence, frame.log_line, FrameText(frame));
      ++frames_added;
    }
  }
  if (frames_added == 0) {
    if (const Frame* frame = InnermostFrame(chosen)) {
      AddEvidence(&evidence, frame->log_line, FrameText(*frame));
    }
  }
  for (const RaisedException& e : failure.chain) {
    if (!e.type.empty()) AddEvidence(&evidence, e.log_line, e.Subject());
  }
  std::stable_sort(evidence.begin(), evidence.end(),
                   [](const EvidenceLine& a, const EvidenceLine& b) { return a.line < b.line; });
  if (evidence.size() > Diagnoser::kMaxEvidence) {
    evidence.erase(evidence.begin(), evidence.end() - Diagnoser::kMaxEvidence);
  }
  return evidence;
}

// Digits and hex addresses vary between repeats of one failure (ids, addresses, counters).
std::string NormalizeForKey(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size() && out.size() < 300; ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      while (i + 1 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1]))) ++i;
      out += '#';
    } else {
      out += c;
    }
  }
  return out;
}

std::string KeyOf(const SignatureRule& rule, const KeyValues& captures,
                  const KeyValues& context) {
  std::string key = rule.info.code;
  const KeyValues& parts = rule.fallback ? context : captures;
  for (const auto& [name, value] : parts) {
    if (rule.fallback && name == "step") continue;
    key += '\x1f';
    key += name + "=" + (rule.fallback ? NormalizeForKey(value) : value);
  }
  return key;
}

}  // namespace

Diagnoser::Diagnoser(const SignatureRuleSet& rules)
    : rules_(rules), parser_([this](Failure&& failure) { OnFailure(std::move(failure)); }) {}

void Diagnoser::Feed(const LogLine& line) {
  parser_.Feed(line);
  OnLine(line);
}

void Diagnoser::Finish() { parser_.Finish(); }

void Diagnoser::OnLine(const LogLine& line) {
  std::vector<size_t> candidates = rules_.LineCandidates(line.text);
  KeyValues captures;
  for (size_t index : candidates) {
    const SignatureRule& rule = rules_.rules()[index];
    if (!MatchRule(rule, line.text, "", &captures)) continue;
    Diagnosis d;
    d.rule = &rule;
    d.captures = std::move(captures);
    d.context = {{"type", ""}, {"exception_message", std::string(Trim(line.text))}};
    AddPlace(nullptr, &d.context);
    d.context.emplace_back("step", line.step.empty() ? "(unknown step)" : std::string(line.step));
    d.line = line.line;
    d.entry = line.entry;
    AddEvidence(&d.evidence, line.line, std::string(Trim(line.text)));
    std::string key = KeyOf(rule, d.captures, d.context);
    Record(std::move(d), key);
    return;
  }
}

void Diagnoser::OnFailure(Failure&& failure) {
  std::string frames = FramesText(failure);
  const SignatureRule* best = nullptr;
  size_t best_index = rules_.rules().size();
  const RaisedException* chosen = nullptr;
  KeyValues best_captures, captures;
  for (const RaisedException& e : failure.chain) {
    if (e.type.empty()) continue;
    std::string subject = e.message.empty() ? e.type : e.type + ": " + e.message;
    for (size_t index : rules_.ExceptionCandidates(subject)) {
      if (index >= best_index) break;
      if (!MatchRule(rules_.rules()[index], subject, frames, &captures)) continue;
      best_index = index;
      best = &rules_.rules()[index];
      best_captures = captures;
      chosen = &e;
      break;
    }
  }
  if (!best) {
    best = rules_.fallback();
    if (!best) return;
    chosen = &failure.chain.back();
    for (const RaisedException& e : failure.chain) {
      if (!e.type.empty()) chosen = &e;
    }
    best_captures.clear();
  }
  Diagnosis d;
  d.rule = best;
  d.captures = std::move(best_captures);
  d.context = ContextOf(*chosen, failure.step);
  d.line = chosen->log_line;
  d.entry = failure.entry;
  d.evidence = EvidenceOf(failure, *chosen, best);
  std::string key = KeyOf(*best, d.captures, d.context);
  Record(std::move(d), key);
}

void Diagnoser::Record(Diagnosis&& diagnosis, const std::string& key) {
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {
    ++diagnoses_[it->second].count;
    return;
  }
  if (diagnoses_.size() >= kMaxDistinct) {
    ++overflow_;
    return;
  }
  diagnosis.count = 1;
  by_key_.emplace(key, diagnoses_.size());
  diagnoses_.push_back(std::move(diagnosis));
}

std::string ExpandTemplate(std::string_view text, const std::vector<const KeyValues*>& values) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    std::string_view name = text.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const KeyValues* kv : values) {
      if (!value) value = Find(*kv, name);
    }
    out += value ? *value : std::string(text.substr(open, close - open + 1));
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace beamcompat
