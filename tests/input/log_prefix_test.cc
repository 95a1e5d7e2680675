#include "input/log_prefix.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("LogPrefix strips Python logging, Go log and ISO timestamps with their level") {
  StrippedLine a = StripLogDecorations("2024-05-01 12:00:00,123 ERROR Traceback (most recent call last):");
  CHECK(a.text == "Traceback (most recent call last):");
  CHECK(a.severity == "ERROR");
  CHECK(a.had_prefix);
  StrippedLine b = StripLogDecorations("2024/05/01 12:00:01 failed to install requirements: exit status 1");
  CHECK(b.text == "failed to install requirements: exit status 1");
  CHECK(b.severity.empty());
  StrippedLine c = StripLogDecorations("[2024-05-01T12:00:00.123456Z] [WARNING] retrying");
  CHECK(c.text == "retrying");
  CHECK(c.severity == "WARNING");
  StrippedLine d = StripLogDecorations("2024-05-01T12:00:00+02:00 INFO:apache_beam.runners.worker.sdk_worker:Creating");
  CHECK(d.text == "Creating");
  CHECK(d.severity == "INFO");
}

TEST_CASE("LogPrefix strips glog and LEVEL:logger: prefixes") {
  StrippedLine g = StripLogDecorations("E0501 12:00:00.123456    42 sdk_worker.py:301] Error processing");
  CHECK(g.text == "Error processing");
  CHECK(g.severity == "ERROR");
  StrippedLine p = StripLogDecorations("ERROR:apache_beam.runners.worker.sdk_worker:Error processing");
  CHECK(p.text == "Error processing");
  CHECK(p.severity == "ERROR");
  StrippedLine pip = StripLogDecorations("ERROR: No matching distribution found for foo==1.0");
  CHECK(pip.text == "No matching distribution found for foo==1.0");
}

TEST_CASE("LogPrefix removes Dataflow wrappers and the while-running suffix") {
  StrippedLine s = StripLogDecorations(
      "Error message from worker: generic::unknown: NameError: name 're' is not defined "
      "[while running 'ParseLines/Map(parse)-ptransform-41']");
  CHECK(s.text == "NameError: name 're' is not defined");
  CHECK(s.step == "ParseLines/Map(parse)-ptransform-41");
}

TEST_CASE("LogPrefix leaves undecorated lines and indentation alone") {
  StrippedLine s = StripLogDecorations("  File \"/usr/lib/python3.10/pickle.py\", line 1, in load");
  CHECK(s.text == "  File \"/usr/lib/python3.10/pickle.py\", line 1, in load");
  CHECK_FALSE(s.had_prefix);
  CHECK(StripLogDecorations("").text.empty());
  CHECK(StripLogDecorations("2024-05-01").text == "2024-05-01");
}

}  // namespace beamcompat
