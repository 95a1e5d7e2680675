// Times payload reading on the inputs of bench/make_pickle_pipelines.py and compares the
// worst case with libbz2's own decompression time of the same payloads:
//   payload_bench <input dir> <rules data dir> [runs]
// Prints the median of `runs` for: reading each pipeline and analysing its payloads
// (2 threads; BENCH_THREADS=N to change), and the single-threaded bz2-only baseline divided
// by the threads used, and the worst case's single-thread time per stage of a job.
// BENCH_ONLY=pickles_realistic, pickles_distinct, stages, reader or bz2 times only that part.
#include <bzlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"
#include "base/message.h"
#include "input/pipeline_reader.h"
#include "pickle/module_map.h"
#include "pickle/payload_analyzer.h"
#include "pickle/payload_decoder.h"

namespace {

using Clock = std::chrono::steady_clock;

double MedianMs(int runs, const std::function<void()>& body) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    body();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::vector<std::string> CompressedPayloads(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line, bytes, error;
  while (std::getline(in, line)) {
    if (beamcompat::DecodeBase64(line, &bytes, &error)) out.push_back(bytes);
  }
  return out;
}

// libbz2 alone: decompress every payload into a buffer, nothing else.
size_t DecompressAll(const std::vector<std::string>& payloads, std::string* buffer) {
  size_t total = 0;
  for (const std::string& payload : payloads) {
    auto size = static_cast<unsigned>(buffer->size());
    BZ2_bzBuffToBuffDecompress(buffer->data(), &size, const_cast<char*>(payload.data()),
                               static_cast<unsigned>(payload.size()), 0, 0);
    total += size;
  }
  return total;
}

// The worst case's payloads through each stage of one job in turn, on one thread: where the
// time beyond libbz2's goes.
void PrintStages(const std::string& b64_path, int runs) {
  std::vector<std::string> texts;
  {
    std::ifstream in(b64_path);
    std::string line;
    while (std::getline(in, line)) texts.push_back(line);
  }
  beamcompat::DecodeLimits limits;
  std::vector<std::string> compressed(texts.size());
  std::string error;
  double base64 = MedianMs(runs, [&] {
    for (size_t i = 0; i < texts.size(); ++i) {
      beamcompat::DecodeBase64(texts[i], &compressed[i], &error);
    }
  });
  double decompress = MedianMs(runs, [&] {
    beamcompat::DecompressionBudget budget(limits.max_run_bytes);
    for (size_t i = 0; i < texts.size(); ++i) {
      beamcompat::Decompress(compressed[i], limits, &budget);
    }
  });
  // Each pickle is read right after its decompression, while it is in cache, as a job does;
  // only the reading is timed.
  beamcompat::PickleReadOptions read_options;
  read_options.bytecode = beamcompat::BytecodeFormatForPython("3.11");
  size_t globals = 0;
  std::vector<double> reads;
  for (int run = 0; run < runs; ++run) {
    beamcompat::DecompressionBudget budget(limits.max_run_bytes);
    globals = 0;
    Clock::duration spent{};
    for (size_t i = 0; i < texts.size(); ++i) {
      auto decoded = beamcompat::Decompress(compressed[i], limits, &budget);
      auto start = Clock::now();
      globals += beamcompat::ReadPickle(decoded.pickle, read_options).contents.globals.size();
      spent += Clock::now() - start;
    }
    reads.push_back(std::chrono::duration<double, std::milli>(spent).count());
  }
  std::sort(reads.begin(), reads.end());
  double read = reads[reads.size() / 2];
  std::printf(
      "stages, 1 thread   base64 %.1f ms, decompress %.1f ms, read pickle %.1f ms "
      "(%zu globals)\n",
      base64, decompress, read, globals);
}

// The pickle reader alone, on the worst case's pickles decompressed once and kept in memory:
// the steadiest figure for work on the reader (the stages figure pays a decompression
// between reads). Prints the fastest of `runs` passes.
void PrintReader(const std::string& b64_path, int runs) {
  beamcompat::DecodeLimits limits;
  std::vector<std::string> pickles;
  for (const std::string& text : CompressedPayloads(b64_path)) {
    pickles.push_back(beamcompat::Decompress(text, limits, nullptr).pickle);
  }
  beamcompat::PickleReadOptions read_options;
  read_options.bytecode = beamcompat::BytecodeFormatForPython("3.11");
  double best = 0;
  size_t globals = 0;
  for (int run = 0; run < runs; ++run) {
    globals = 0;
    auto start = Clock::now();
    for (const std::string& pickle : pickles) {
      globals += beamcompat::ReadPickle(pickle, read_options).contents.globals.size();
    }
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    best = run == 0 ? ms : std::min(best, ms);
  }
  std::printf("reader, 1 thread   %zu pickles in memory: fastest pass %.1f ms (%zu globals)\n",
              pickles.size(), best, globals);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: payload_bench <input dir> <rules data dir> [runs]\n");
    return 2;
  }
  std::string dir = argv[1];
  int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  beamcompat::RealFileSystem fs;
  beamcompat::Messages messages;
  auto map = beamcompat::ModuleMap::Load(fs, argv[2], &messages);
  if (!map) {
    std::fprintf(stderr, "%s\n", messages.all()[0].ToString().c_str());
    return 2;
  }
  beamcompat::PayloadAnalyzerOptions options;
  options.threads = std::getenv("BENCH_THREADS") ? std::atoi(std::getenv("BENCH_THREADS")) : 2;
  // BENCH_ONLY: one of pickles_realistic, pickles_distinct, stages, reader, bz2; unset: all.
  const char* only_env = std::getenv("BENCH_ONLY");
  auto wanted = [&](std::string_view part) { return only_env == nullptr || part == only_env; };
  for (const char* name : {"pickles_realistic", "pickles_distinct"}) {
    if (!wanted(name)) continue;
    std::string path = dir + "/" + name + ".pb";
    size_t payloads = 0, distinct = 0;
    double analyse_only = 0;
    double whole = MedianMs(runs, [&] {
      beamcompat::Messages local;
      auto pipeline = beamcompat::LoadPipeline(fs, path, &local);
      auto start = Clock::now();
      auto facts = beamcompat::AnalyzePayloads(*pipeline, *map, options);
      analyse_only = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      payloads = facts.payloads.size();
      distinct = facts.distinct;
    });
    std::printf(
        "%-18s %zu payloads, %zu distinct: read+analyse median %.1f ms "
        "(analyse alone, last run %.1f ms)\n",
        name, payloads, distinct, whole, analyse_only);
  }
  if (wanted("stages")) PrintStages(dir + "/pickles_distinct.b64", runs);
  if (wanted("reader")) PrintReader(dir + "/pickles_distinct.b64", runs * 2);
  if (!wanted("bz2")) return 0;
  std::vector<std::string> compressed = CompressedPayloads(dir + "/pickles_distinct.b64");
  std::string buffer(1 << 20, '\0');
  size_t total = 0;
  double bz2 = MedianMs(runs, [&] { total = DecompressAll(compressed, &buffer); });
  std::printf(
      "bz2 baseline       %zu payloads, %zu bytes out: %.1f ms on 1 thread, "
      "%.1f ms per %d threads\n",
      compressed.size(), total, bz2, bz2 / options.threads, options.threads);
  return 0;
}
