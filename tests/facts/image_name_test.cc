#include "facts/image_name.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace beamcompat {
namespace {

// A compact dump of every parsed part, so one table row states the whole result.
std::string Dump(const ImageName& n) {
  std::string out = "reg=" + n.registry + " repo=" + n.repository + " tag=" + n.tag;
  if (!n.digest.empty()) out += " digest=" + n.digest;
  if (n.is_beam_sdk) out += " beam_sdk py=" + n.python + " beam=" + n.beam_version;
  if (n.is_dev_tag) out += " dev";
  if (n.is_floating_tag) out += " floating";
  return out;
}

struct Row {
  const char* image;
  const char* dump;
};

}  // namespace

TEST_CASE("image names: Beam, Dataflow mirrors, custom registries, tags and digests") {
  const std::vector<Row> rows = {
      {"apache/beam_python3.10_sdk:2.48.0",
       "reg= repo=apache/beam_python3.10_sdk tag=2.48.0 beam_sdk py=3.10 beam=2.48.0"},
      {"docker.io/apache/beam_python3.11_sdk:2.56.0",
       "reg=docker.io repo=apache/beam_python3.11_sdk tag=2.56.0 beam_sdk py=3.11 beam=2.56.0"},
      {"gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.48.0",
       "reg=gcr.io repo=cloud-dataflow/v1beta3/beam_python3.10_sdk tag=2.48.0 beam_sdk py=3.10 "
       "beam=2.48.0"},
      {"dataflow.gcr.io/v1beta3/beam_python3.8_sdk:2.30.0",
       "reg=dataflow.gcr.io repo=v1beta3/beam_python3.8_sdk tag=2.30.0 beam_sdk py=3.8 "
       "beam=2.30.0"},
      {"gcr.io/cloud-dataflow/v1beta3/beam_python3.12_sdk:beam-master-20240918",
       "reg=gcr.io repo=cloud-dataflow/v1beta3/beam_python3.12_sdk tag=beam-master-20240918 "
       "beam_sdk py=3.12 beam= dev"},
      {"apache/beam_python3.11_sdk:2.50.0rc1",
       "reg= repo=apache/beam_python3.11_sdk tag=2.50.0rc1 beam_sdk py=3.11 beam=2.50.0rc1"},
      {"apache/beam_python3.12_sdk:2.61.0.dev0",
       "reg= repo=apache/beam_python3.12_sdk tag=2.61.0.dev0 beam_sdk py=3.12 beam=2.61.0.dev0 "
       "dev"},
      {"apache/beam_python3.10_sdk",
       "reg= repo=apache/beam_python3.10_sdk tag= beam_sdk py=3.10 beam= floating"},
      {"apache/beam_python3.10_sdk:latest",
       "reg= repo=apache/beam_python3.10_sdk tag=latest beam_sdk py=3.10 beam= floating"},
      {"apache/beam_python3.10_sdk@sha256:0123abcd",
       "reg= repo=apache/beam_python3.10_sdk tag= digest=sha256:0123abcd beam_sdk py=3.10 beam="},
      {"apache/beam_python3.10_sdk:2.48.0@sha256:0123abcd",
       "reg= repo=apache/beam_python3.10_sdk tag=2.48.0 digest=sha256:0123abcd beam_sdk py=3.10 "
       "beam=2.48.0"},
      {"us-docker.pkg.dev/my-proj/images/wordcount:v3",
       "reg=us-docker.pkg.dev repo=my-proj/images/wordcount tag=v3"},
      {"localhost:5000/beam/custom:1.2", "reg=localhost:5000 repo=beam/custom tag=1.2"},
      {"registry.example.com:8443/apache/beam_python3.10_sdk:2.48.0",
       "reg=registry.example.com:8443 repo=apache/beam_python3.10_sdk tag=2.48.0"},
      {"myorg/beam_python3.10_sdk:2.48.0", "reg= repo=myorg/beam_python3.10_sdk tag=2.48.0"},
      {"apache/beam_java11_sdk:2.56.0", "reg= repo=apache/beam_java11_sdk tag=2.56.0"},
      {"python:3.10-slim", "reg= repo=python tag=3.10-slim"},
      {"ubuntu", "reg= repo=ubuntu tag= floating"},
      {"apache/beam_pythonX.Y_sdk:2.48.0", "reg= repo=apache/beam_pythonX.Y_sdk tag=2.48.0"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.image);
    ImageName name = ParseImageName(row.image);
    CHECK(Dump(name) == row.dump);
    CHECK(name.raw == row.image);
  }
}

TEST_CASE("image names: odd input never fails") {
  for (const char* text : {"", ":", "@", "/", "a//b:", "::::", "apache/beam_python3._sdk:1"}) {
    CAPTURE(text);
    ImageName name = ParseImageName(text);
    CHECK(name.raw == text);
    CHECK_FALSE(name.is_beam_sdk);
  }
}

}  // namespace beamcompat
