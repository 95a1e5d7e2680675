#include "pickle/payload_analyzer.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "pickle/module_map.h"
#include "pickle/payload_prefetch.h"

namespace beamcompat {
namespace {

// One distinct (encoded text, Python minor) pair to decode and read into contents, which
// every occurrence of that text shares.
struct Job {
  std::string_view encoded;
  std::string python;
  std::shared_ptr<PayloadContents> contents;
  uint64_t pickle_bytes = 0;
};

bool IsPicklerModule(std::string_view module) {
  std::string_view top = module.substr(0, module.find('.'));
  return top == "dill" || top == "cloudpickle" ||
         module.starts_with("apache_beam.internal.cloudpickle");
}

void Fill(const DecodedPayload& decoded, PickleReadResult* read, const ModuleMap& map,
          const std::string& python, PayloadContents* contents);

void RunJob(const PayloadAnalyzerOptions& options, const ModuleMap& map,
            const PayloadPrefetch* prefetch, DecompressionBudget* budget, Job* job) {
  job->contents = std::make_shared<PayloadContents>();
  const DecodedPayload* prefetched = prefetch ? prefetch->Decoded(job->encoded) : nullptr;
  DecodedPayload own;
  if (prefetched == nullptr) own = DecodePayload(job->encoded, options.limits, budget);
  const DecodedPayload& decoded = prefetched ? *prefetched : own;
  if (!decoded.ok) {
    Fill(decoded, nullptr, map, job->python, job->contents.get());
    return;
  }
  PickleReadOptions read_options;
  read_options.limits = options.pickle_limits;
  read_options.bytecode = BytecodeFormatForPython(job->python);
  PickleReadResult read = ReadPickle(decoded.pickle, read_options);
  job->pickle_bytes = decoded.pickle.size();
  Fill(decoded, &read, map, job->python, job->contents.get());
}

// Runs jobs as the enumeration of the pipeline publishes them, so decoding starts while the
// rest of the payloads are still being found and compared. `jobs` is reserved for every
// payload up front: appending never moves a job a worker may be reading.
class JobRunner {
 public:
  JobRunner(const PayloadAnalyzerOptions& options, const ModuleMap& map,
            const PayloadPrefetch* prefetch, DecompressionBudget* budget, std::vector<Job>* jobs)
      : options_(options), map_(map), prefetch_(prefetch), budget_(budget), jobs_(jobs) {}
  ~JobRunner() { Finish(); }

  // Starts the helper threads when there are at least two payloads to share.
  void Start(size_t payloads) {
    size_t helpers = std::min<size_t>(std::max(options_.threads, 1) - 1, payloads / 2);
    for (size_t i = 0; i < helpers; ++i) threads_.emplace_back([this] { Work(); });
  }
  // jobs[0, count) are complete and may run.
  void Publish(size_t count) { published_.store(count, std::memory_order_release); }
  // No more jobs: the calling thread helps with the rest, then waits for the helpers.
  void Finish() {
    if (closed_.exchange(true)) return;
    Work();
    for (auto& thread : threads_) thread.join();
  }

 private:
  // Jobs are taken a run at a time: jobs come in file order, so a thread then reads one
  // stretch of the file instead of every other payload text.
  void Work() {
    constexpr size_t kRun = 16;
    for (;;) {
      size_t begin = next_.fetch_add(kRun);
      for (size_t i = begin; i < begin + kRun; ++i) {
        if (!WaitFor(i)) return;
        RunJob(options_, map_, prefetch_, budget_, &(*jobs_)[i]);
      }
    }
  }
  // False when job i will never exist.
  bool WaitFor(size_t i) {
    while (i >= published_.load(std::memory_order_acquire)) {
      if (closed_.load(std::memory_order_acquire) &&
          i >= published_.load(std::memory_order_acquire)) {
        return false;
      }
      std::this_thread::yield();  // the enumeration is still finding payloads
    }
    return true;
  }

  const PayloadAnalyzerOptions& options_;
  const ModuleMap& map_;
  const PayloadPrefetch* prefetch_;
  DecompressionBudget* budget_;
  std::vector<Job>* jobs_;
  std::atomic<size_t> next_{0};
  std::atomic<size_t> published_{0};
  std::atomic<bool> closed_{false};
  std::vector<std::thread> threads_;
};

// Job numbers by payload text, for the payloads of one Python: open addressing in a table
// sized once for every payload of the pipeline, so that 50k texts cost no allocation each.
class SeenTexts {
 public:
  explicit SeenTexts(size_t payloads)
      : slots_(std::bit_ceil(2 * payloads + 2)), mask_(slots_.size() - 1) {}
  // The job reading `text`, or `new_job` (which the caller then appends to `jobs`).
  // PayloadTextHash reads only the ends of a text, so texts made to share their ends would
  // fill one probe chain that every later lookup walks (20k such payloads took 4 s). A lookup
  // gives up after kMaxProbes slots: the text becomes a job of its own, not recorded, and a
  // later copy of it is read again; results are the same, `distinct` counts it twice.
  uint32_t FindOrAdd(std::string_view text, uint32_t new_job, const std::vector<Job>& jobs) {
    constexpr size_t kMaxProbes = 64;  // real chains stay far shorter: the table is half empty
    size_t hash = PayloadTextHash{}(text);
    uint32_t tag = static_cast<uint32_t>(hash >> 32) | 1;  // never 0, which marks a free slot
    size_t i = hash & mask_;
    for (size_t probes = 0; probes < kMaxProbes; ++probes, i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.tag == 0) {
        slot = Slot{tag, new_job};
        return new_job;
      }
      if (slot.tag == tag && jobs[slot.job].encoded == text) return slot.job;
    }
    return new_job;
  }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t job = 0;
  };
  std::vector<Slot> slots_;
  size_t mask_;
};

// The modules `contents` refers to, sorted and unique.
std::vector<std::string> Modules(const PickleContents& contents) {
  std::vector<std::string_view> modules = contents.imported_modules;
  for (const GlobalRef& ref : contents.globals) modules.push_back(ref.module);
  for (const MainFunction& function : contents.main_functions) {
    modules.insert(modules.end(), function.imports.begin(), function.imports.end());
  }
  std::erase_if(modules, [](std::string_view module) {
    return module == "__main__" || module == "__builtin__" || module == "builtins" ||
           IsPicklerModule(module);
  });
  std::sort(modules.begin(), modules.end());
  modules.erase(std::unique(modules.begin(), modules.end()), modules.end());
  return std::vector<std::string>(modules.begin(), modules.end());
}

// `read` is null when the payload could not be decoded; its contents are moved out. Runs on
// the worker threads: the module map is only read.
void Fill(const DecodedPayload& decoded, PickleReadResult* read, const ModuleMap& map,
          const std::string& python, PayloadContents* facts) {
  facts->compression = CompressionName(decoded.compression);
  if (read == nullptr || !read->ok) {
    facts->error = read == nullptr ? decoded.error : read->error;
    return;
  }
  PickleContents& contents = read->contents;
  facts->readable = true;
  facts->pickler = PicklerLibraryName(contents.library());
  facts->protocol = contents.protocol;
  facts->modules = Modules(contents);
  facts->main_names.assign(contents.main_names.begin(), contents.main_names.end());
  facts->uses_main_namespace = contents.uses_main_namespace;
  for (MainFunction& function : contents.main_functions) {
    MainFunctionFact fact{std::move(function.name), {}};
    for (std::string_view name : function.globals) {
      if (!map.IsBuiltin(name, python)) fact.globals.emplace_back(name);
    }
    std::sort(fact.globals.begin(), fact.globals.end());
    facts->main_functions.push_back(std::move(fact));
    facts->bytecode = BytecodeFormatName(function.format);
  }
}

// "components.windowing_strategies['w'].window_fn.payload" -> "windowing_strategies['w']", a
// view of the path.
std::string_view WindowingStrategyName(std::string_view proto_path) {
  constexpr std::string_view kPrefix = "components.";
  if (proto_path.starts_with(kPrefix)) proto_path.remove_prefix(kPrefix.size());
  size_t end = proto_path.find("']");
  return end == std::string_view::npos ? proto_path : proto_path.substr(0, end + 2);
}

// The Python of a transform's environment; transforms of one environment come in runs, so the
// last answer is kept.
class PythonOfEnvironment {
 public:
  explicit PythonOfEnvironment(const PipelineFacts& pipeline) : pipeline_(pipeline) {}
  const std::string& operator()(std::string_view environment_id) {
    if (!known_ || environment_id != environment_id_) {
      const PipelineEnvironment* env = pipeline_.FindEnvironment(environment_id);
      python_ = env && env->sdk_base ? env->sdk_base->python : std::string();
      environment_id_ = environment_id;
      known_ = true;
    }
    return python_;
  }

 private:
  const PipelineFacts& pipeline_;
  bool known_ = false;
  std::string_view environment_id_;
  std::string python_;
};

// The transforms' indices in file order, or in id order when the file order is not known.
std::vector<uint32_t> FileOrder(const PipelineFacts& pipeline) {
  if (pipeline.file_order.size() == pipeline.transforms.size()) return pipeline.file_order;
  std::vector<uint32_t> order(pipeline.transforms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  return order;
}

}  // namespace

PickleFacts AnalyzePayloads(const PipelineFacts& pipeline, const ModuleMap& modules,
                            const PayloadAnalyzerOptions& options, PayloadPrefetch* prefetch) {
  DecompressionBudget own_budget(options.limits.max_run_bytes);
  DecompressionBudget* budget = &own_budget;
  if (prefetch != nullptr) {
    prefetch->Stop();  // its helper's core goes to the jobs
    budget = prefetch->budget();
  }
  PickleFacts facts;
  std::vector<Job> jobs;
  std::vector<uint32_t> job_of;  // per payload, its job
  size_t payload_count = pipeline.windowing_payloads.size();
  for (const TransformFacts& transform : pipeline.transforms) {
    payload_count += transform.payloads.size();
  }
  facts.payloads.resize(payload_count);
  job_of.resize(payload_count);
  jobs.reserve(payload_count);  // jobs must not move while the runner's threads read them
  JobRunner runner(options, modules, prefetch, budget, &jobs);
  runner.Start(payload_count);
  // Identical text read as the same Python is one job; the bytecode format depends on Python.
  std::unordered_map<std::string, SeenTexts> by_python;
  SeenTexts* seen = nullptr;  // by_python's entry for seen_python
  std::string seen_python;
  auto add = [&](size_t at, const PickledPayload& payload, const std::string& python) {
    if (seen == nullptr || seen_python != python) {
      seen = &by_python.try_emplace(python, payload_count).first->second;
      seen_python = python;
    }
    auto next = static_cast<uint32_t>(jobs.size());
    uint32_t job = seen->FindOrAdd(payload.encoded, next, jobs);
    if (job == next) {
      jobs.push_back(Job{payload.encoded, python, nullptr, 0});
      runner.Publish(jobs.size());
    }
    job_of[at] = job;
  };
  // Payload facts stay in transform id order; jobs are made in file order.
  std::vector<size_t> first_payload(pipeline.transforms.size());
  size_t at = 0;
  for (size_t i = 0; i < pipeline.transforms.size(); ++i) {
    first_payload[i] = at;
    at += pipeline.transforms[i].payloads.size();
  }
  PythonOfEnvironment python_of(pipeline);
  for (uint32_t index : FileOrder(pipeline)) {
    const TransformFacts& transform = pipeline.transforms[index];
    const std::string& python = python_of(transform.environment_id);
    at = first_payload[index];
    for (const PickledPayload& payload : transform.payloads) {
      facts.payloads[at] = PayloadFacts{transform.id, transform.unique_name,
                                        transform.environment_id, payload.urn,
                                        payload.proto_path, nullptr};
      add(at++, payload, python);
    }
  }
  const std::string no_python;
  at = payload_count - pipeline.windowing_payloads.size();
  for (const PickledPayload& payload : pipeline.windowing_payloads) {
    facts.payloads[at] = PayloadFacts{{}, WindowingStrategyName(payload.proto_path), {},
                                      payload.urn, payload.proto_path, nullptr};
    add(at++, payload, no_python);
  }
  runner.Finish();
  facts.distinct = jobs.size();
  for (const Job& job : jobs) facts.decompressed_bytes += job.pickle_bytes;
  // The last occurrence of each job takes its contents, earlier ones share them from there:
  // distinct payloads then cost no reference counting on memory the workers wrote.
  std::vector<uint32_t> holder(jobs.size(), UINT32_MAX);
  for (size_t i = facts.payloads.size(); i-- > 0;) {
    uint32_t job = job_of[i];
    if (holder[job] == UINT32_MAX) {
      facts.payloads[i].shared = std::move(jobs[job].contents);
      holder[job] = static_cast<uint32_t>(i);
    } else {
      facts.payloads[i].shared = facts.payloads[holder[job]].shared;
    }
  }
  return facts;
}

}  // namespace beamcompat
