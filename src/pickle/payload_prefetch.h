// Decodes pickled payloads (base64, then bz2 or zlib: the part of a payload's reading that
// does not depend on its environment's Python) on a helper thread while the pipeline reader
// is still finding them. A 50k-transform pipeline takes ~60 ms to read on one core; the
// other core would wait. The payload analyzer then reads the pickles of the payloads decoded
// here and decodes the rest itself. Identical texts are decoded once.
#ifndef BEAMCOMPAT_PICKLE_PAYLOAD_PREFETCH_H_
#define BEAMCOMPAT_PICKLE_PAYLOAD_PREFETCH_H_

#include <condition_variable>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "input/pipeline_reader.h"
#include "pickle/payload_decoder.h"

namespace beamcompat {

class PayloadPrefetch : public PayloadObserver {
 public:
  explicit PayloadPrefetch(const DecodeLimits& limits);
  ~PayloadPrefetch() override;
  PayloadPrefetch(const PayloadPrefetch&) = delete;
  PayloadPrefetch& operator=(const PayloadPrefetch&) = delete;

  // From the reader's thread.
  void Found(std::string_view encoded) override;
  void Finished() override;  // hands over the texts still held back
  void Abandon() override;   // stops and forgets every decoded payload

  // Stops decoding (the payload in hand is finished first). After it, Decoded may be called
  // from any thread.
  void Stop();
  // The decoded payload of this text (one the reader found, at that address), or null when
  // the helper did not reach it.
  const DecodedPayload* Decoded(std::string_view encoded) const;
  // Shared with whoever decodes the other payloads of the run.
  DecompressionBudget* budget() { return &budget_; }

 private:
  void Run();
  void HandOver();

  const DecodeLimits limits_;
  DecompressionBudget budget_;
  // Found texts are handed over in batches: a lock and a wake-up per payload cost the
  // reader more than the helper saves when most payloads repeat.
  std::vector<std::string_view> batch_;  // the reader's, not yet handed over
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::string_view> found_;  // guarded by mutex_
  bool stopping_ = false;                // guarded by mutex_
  bool waiting_ = false;                 // guarded by mutex_: the helper sleeps on wake_
  // Written by the helper only, read after Stop. Looked up by address: hashing a job's text
  // would read it from memory before its decoding does. The addresses come mostly ascending
  // (file order) and are sorted by Stop: a lookup for a text past the last one decoded (most
  // of them) reads nothing else.
  std::unordered_map<std::string_view, DecodedPayload, PayloadTextHash> by_text_;
  using Entry = std::pair<const std::string_view, DecodedPayload>;
  std::vector<std::pair<const char*, const Entry*>> by_address_;
  std::thread thread_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_PAYLOAD_PREFETCH_H_
