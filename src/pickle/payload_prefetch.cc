#include "pickle/payload_prefetch.h"

#include <algorithm>

namespace beamcompat {

PayloadPrefetch::PayloadPrefetch(const DecodeLimits& limits)
    : limits_(limits), budget_(limits.max_run_bytes), thread_([this] { Run(); }) {}

PayloadPrefetch::~PayloadPrefetch() { Stop(); }

void PayloadPrefetch::Found(std::string_view encoded) {
  constexpr size_t kBatch = 64;
  batch_.push_back(encoded);
  if (batch_.size() >= kBatch) HandOver();
}

void PayloadPrefetch::Finished() { HandOver(); }

void PayloadPrefetch::HandOver() {
  if (batch_.empty()) return;
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_) found_.insert(found_.end(), batch_.begin(), batch_.end());
    wake = waiting_;
  }
  batch_.clear();
  if (wake) wake_.notify_one();
}

void PayloadPrefetch::Abandon() {
  Stop();
  by_address_.clear();
  by_text_.clear();
}

void PayloadPrefetch::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (!thread_.joinable()) return;
  thread_.join();
  std::sort(by_address_.begin(), by_address_.end());
}

const DecodedPayload* PayloadPrefetch::Decoded(std::string_view encoded) const {
  if (by_address_.empty() || encoded.data() > by_address_.back().first) return nullptr;
  auto found = std::lower_bound(by_address_.begin(), by_address_.end(),
                                std::make_pair(encoded.data(), static_cast<const Entry*>(nullptr)));
  if (found == by_address_.end() || found->first != encoded.data() ||
      found->second->first.size() != encoded.size()) {
    return nullptr;
  }
  return &found->second->second;
}

// Takes the texts found so far in one batch, decodes the new ones, and sleeps when the
// reader has found nothing more.
void PayloadPrefetch::Run() {
  std::vector<std::string_view> batch;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      waiting_ = true;
      wake_.wait(lock, [this] { return stopping_ || !found_.empty(); });
      waiting_ = false;
      if (stopping_) return;
      batch.swap(found_);
    }
    for (std::string_view encoded : batch) {
      auto [entry, fresh] = by_text_.try_emplace(encoded);
      if (fresh) entry->second = DecodePayload(encoded, limits_, &budget_);
      by_address_.emplace_back(encoded.data(), &*entry);
      if (!fresh) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
    }
    batch.clear();
  }
}

}  // namespace beamcompat
