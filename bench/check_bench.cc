// Times the phases of `beamcompat check` in process, in CPU time (stable on a busy machine):
// loading and compiling the shipped rules, reading the inputs into a FactSet, evaluating,
// and printing. Also evaluates a for_each rule over every transform, the shape the pickle
// rules will have, to show evaluation stays linear and cheap at 50k transforms.
// Usage: check_bench RULES_DIR PIPELINE LAUNCH RUNTIME [RUNS]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/message.h"
#include "cli/command.h"
#include "cli/load_inputs.h"
#include "engine/evaluator.h"
#include "engine/fact_schema.h"
#include "report/text_reporter.h"
#include "ruleset/rule_directory.h"

namespace {

using namespace beamcompat;

constexpr const char* kTransformRule = R"(rules:
  - code: XB001
    name: many-payloads
    severity: info
    summary: s
    rationale: r
    fix: f
    for_each: transforms
    condition: item.payload_count > 3 or matches(item.unique_name, '^Nothing/')
    message: "{item.unique_name}"
    location: item.id
)";

double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double MedianMs(int runs, const std::function<void()>& body) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    double start = CpuMs();
    body();
    times.push_back(CpuMs() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: check_bench RULES_DIR PIPELINE LAUNCH RUNTIME [RUNS]\n");
    return 2;
  }
  int runs = argc > 5 ? std::stoi(argv[5]) : 21;
  RealFileSystem fs;
  std::istringstream in;
  std::ostringstream out, err;
  CommandContext ctx(fs, in, out, err);
  CommandOptions options;
  options.pipeline = argv[2];
  options.launch = argv[3];
  options.runtime = argv[4];

  RuleSet rules;
  double load_rules = MedianMs(runs, [&] {
    rules = RuleSet();
    std::vector<RuleFile> files;
    Messages messages;
    ReadRuleDirectory(fs, argv[1], &files, &messages);
    LoadRules(files, FactSchema::Default(), &rules, &messages);
  });
  CommandOptions reading_only = options;
  reading_only.no_payloads = true;
  double read_only = MedianMs(runs, [&] {
    FactSet facts;
    Messages messages;
    LoadInputs(reading_only, ctx, &facts, &messages);
  });
  FactSet facts;
  double load_inputs = MedianMs(runs, [&] {
    facts = FactSet();
    Messages messages;
    LoadInputs(options, ctx, &facts, &messages);
  });
  std::vector<SelectedRule> selected = SelectAll(rules);
  Report report;
  double evaluate = MedianMs(runs, [&] { report = Evaluate(selected, facts); });
  double print = MedianMs(runs, [&] {
    std::ostringstream sink;
    TextReporter({}).Write(report, sink);
  });
  RuleSet transform_rules;
  Messages messages;
  LoadRules({{"bench.yaml", kTransformRule}}, FactSchema::Default(), &transform_rules, &messages);
  double per_transform = MedianMs(runs, [&] { Evaluate(SelectAll(transform_rules), facts); });

  size_t transforms = facts.pipeline ? facts.pipeline->transforms.size() : 0;
  std::printf("transforms %zu, rules %zu, diagnostics %zu; CPU medians of %d runs:\n", transforms,
              rules.rules.size(), report.diagnostics.size(), runs);
  std::printf("  load + compile rules   %8.3f ms\n", load_rules);
  std::printf("  read inputs, no payloads %6.3f ms\n", read_only);
  std::printf("  read inputs + payloads %8.3f ms\n", load_inputs);
  std::printf("  evaluate shipped rules %8.3f ms\n", evaluate);
  std::printf("  print text report      %8.3f ms\n", print);
  std::printf("  one rule per transform %8.3f ms\n", per_transform);
  return 0;
}
