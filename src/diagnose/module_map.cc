#include "diagnose/module_map.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace beamcompat {
namespace {

// Modules whose distribution has another name. Longest prefixes first where they nest.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kModuleDistributions = {{
    {"google.protobuf", "protobuf"},
    {"google.api_core", "google-api-core"},
    {"google.auth", "google-auth"},
    {"google.oauth2", "google-auth"},
    {"google.cloud.storage", "google-cloud-storage"},
    {"google.cloud.bigquery", "google-cloud-bigquery"},
    {"google.cloud.pubsub", "google-cloud-pubsub"},
    {"google.cloud.pubsub_v1", "google-cloud-pubsub"},
    {"google.cloud.datastore", "google-cloud-datastore"},
    {"google.cloud.spanner", "google-cloud-spanner"},
    {"google.cloud.bigtable", "google-cloud-bigtable"},
    {"google.cloud.aiplatform", "google-cloud-aiplatform"},
    {"googleapiclient", "google-api-python-client"},
    {"grpc", "grpcio"},
    {"yaml", "PyYAML"},
    {"cv2", "opencv-python"},
    {"sklearn", "scikit-learn"},
    {"skimage", "scikit-image"},
    {"PIL", "Pillow"},
    {"bs4", "beautifulsoup4"},
    {"dateutil", "python-dateutil"},
    {"dotenv", "python-dotenv"},
    {"attr", "attrs"},
    {"Crypto", "pycryptodome"},
    {"OpenSSL", "pyOpenSSL"},
    {"jwt", "PyJWT"},
    {"magic", "python-magic"},
    {"docx", "python-docx"},
    {"fitz", "PyMuPDF"},
    {"pkg_resources", "setuptools"},
    {"serial", "pyserial"},
    {"zmq", "pyzmq"},
    {"MySQLdb", "mysqlclient"},
    {"snappy", "python-snappy"},
    {"jose", "python-jose"},
    {"slugify", "python-slugify"},
    {"faiss", "faiss-cpu"},
    {"tensorflow_io", "tensorflow-io"},
    {"_cffi_backend", "cffi"},
    {"Levenshtein", "levenshtein"},
}};

bool HasModulePrefix(std::string_view module, std::string_view prefix) {
  return module.substr(0, prefix.size()) == prefix &&
         (module.size() == prefix.size() || module[prefix.size()] == '.');
}

}  // namespace

std::string DistributionForModule(std::string_view module) {
  for (const auto& [prefix, distribution] : kModuleDistributions) {
    if (HasModulePrefix(module, prefix)) return std::string(distribution);
  }
  std::string_view top = module.substr(0, module.find('.'));
  if (top == "google" && module.size() > 7) {  // google.cloud.X -> google-cloud-X
    std::string_view rest = module.substr(7);
    if (rest.substr(0, 6) == "cloud.") {
      std::string name(rest.substr(6, rest.find('.', 6) - 6));
      size_t version = name.rfind("_v");  // pubsub_v1, bigquery_storage_v1beta2
      if (version != std::string::npos && version + 2 < name.size() &&
          std::isdigit(static_cast<unsigned char>(name[version + 2]))) {
        name.resize(version);
      }
      std::replace(name.begin(), name.end(), '_', '-');
      return "google-cloud-" + name;
    }
  }
  return std::string(top);
}

}  // namespace beamcompat
