#include "input/cloud_logging_entry.h"

#include <istream>
#include <vector>

#include <nlohmann/json.hpp>

namespace beamcompat {
namespace {

using json = nlohmann::json;

// Keeps the strings at the few paths we need; everything else is seen and dropped.
class EntryHandler : public nlohmann::json_sax<json> {
 public:
  explicit EntryHandler(CloudLoggingEntry* entry) : entry_(entry) {}

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool string(string_t& value) override {
    if (std::string* field = FieldAt()) *field = std::move(value);
    return true;
  }
  bool start_object(std::size_t) override {
    path_.push_back(key_);
    key_.clear();
    return true;
  }
  bool key(string_t& value) override {
    key_ = std::move(value);
    return true;
  }
  bool end_object() override {
    path_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    path_.push_back(key_);
    key_.clear();
    return true;
  }
  bool end_array() override {
    path_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    position_ = position;
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  // path_[0] is the entry object itself (key "").
  std::string* FieldAt() {
    if (path_.size() == 1) {
      if (key_ == "textPayload") return &entry_->text_payload;
      if (key_ == "severity") return &entry_->severity;
      return nullptr;
    }
    if (path_.size() == 2 && path_[1] == "jsonPayload") {
      if (key_ == "message") return &entry_->json_message;
      if (key_ == "exception") return &entry_->json_exception;
      if (key_ == "step" && entry_->step.empty()) return &entry_->step;
      return nullptr;
    }
    if ((path_.size() == 3 && path_[1] == "resource" && path_[2] == "labels" &&
         key_ == "step_id") ||
        (path_.size() == 2 && path_[1] == "labels" && key_ == "dataflow.googleapis.com/step_id")) {
      return &entry_->step;
    }
    return nullptr;
  }

  CloudLoggingEntry* entry_;
  std::vector<std::string> path_;
  std::string key_;
  std::string error_;
  std::size_t position_ = 0;
};

}  // namespace

std::string_view CloudLoggingEntry::Message() {
  if (!text_payload.empty()) return text_payload;
  if (json_exception.empty() || json_message.find(json_exception) != std::string::npos) {
    return json_message;
  }
  message_buffer = json_message + "\n" + json_exception;
  return message_buffer;
}

bool ReadCloudLoggingEntry(std::istream& in, CloudLoggingEntry* entry, std::string* error) {
  EntryHandler handler(entry);
  try {
    if (json::sax_parse(in, &handler, json::input_format_t::json, /*strict=*/false)) return true;
    *error = handler.error();
  } catch (const json::exception& ex) {
    *error = ex.what();
  }
  return false;
}

bool ParseCloudLoggingEntry(std::string_view line, CloudLoggingEntry* entry) {
  EntryHandler handler(entry);
  try {
    return json::sax_parse(line, &handler);
  } catch (const json::exception&) {
    return false;
  }
}

}  // namespace beamcompat
