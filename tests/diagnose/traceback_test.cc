#include "diagnose/traceback.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("Traceback parses frames, code lines and the exception") {
  auto failures = ParseTracebacks(R"(INFO starting
Traceback (most recent call last):
  File "/usr/local/lib/python3.10/site-packages/apache_beam/internal/dill_pickler.py", line 418, in loads
    return dill.loads(s)
  File "/usr/local/lib/python3.10/site-packages/dill/_dill.py", line 275, in loads
    return load(file, ignore, **kwds)
ModuleNotFoundError: No module named 'yaml'
INFO:root:done
)");
  REQUIRE(failures.size() == 1);
  REQUIRE(failures[0].chain.size() == 1);
  const RaisedException& e = failures[0].chain[0];
  CHECK(e.type == "ModuleNotFoundError");
  CHECK(e.message == "No module named 'yaml'");
  CHECK(e.log_line == 7);
  CHECK(e.traceback_line == 2);
  REQUIRE(e.frames.size() == 2);
  CHECK(e.frames[1].file == "/usr/local/lib/python3.10/site-packages/dill/_dill.py");
  CHECK(e.frames[1].line_number == 275);
  CHECK(e.frames[1].function == "loads");
  CHECK(e.frames[1].code == "return load(file, ignore, **kwds)");
  CHECK_FALSE(e.truncated);
}

TEST_CASE("Traceback reads each part of a Python 3.11 ExceptionGroup as its own failure") {
  // As CPython 3.11.7 prints it: a group of two failures and a nested group of one.
  auto failures = ParseTracebacks(R"(  + Exception Group Traceback (most recent call last):
  |   File "/tmp/probe/eg.py", line 21, in <module>
  |     run()
  |   File "/tmp/probe/eg.py", line 20, in run
  |     raise ExceptionGroup("errors while processing bundle", errors)
  | ExceptionGroup: errors while processing bundle (3 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/tmp/probe/eg.py", line 11, in run
    |     f()
    |   File "/tmp/probe/eg.py", line 4, in load
    |     importlib.import_module("sklearn_missing_mod")
    |   File "/root/.pyenv/versions/3.11.7/lib/python3.11/importlib/__init__.py", line 126, in import_module
    |     return _bootstrap._gcd_import(name[level:], package, level)
    |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    |   File "<frozen importlib._bootstrap>", line 1204, in _gcd_import
    |   File "<frozen importlib._bootstrap>", line 1176, in _find_and_load
    |   File "<frozen importlib._bootstrap>", line 1140, in _find_and_load_unlocked
    | ModuleNotFoundError: No module named 'sklearn_missing_mod'
    +---------------- 2 ----------------
    | Traceback (most recent call last):
    |   File "/tmp/probe/eg.py", line 11, in run
    |     f()
    |   File "/tmp/probe/eg.py", line 9, in <lambda>
    |     for f in (load, lambda: parse("1")):
    |                             ^^^^^^^^^^
    |   File "/tmp/probe/eg.py", line 6, in parse
    |     return undefined_json.loads(x)
    |            ^^^^^^^^^^^^^^
    | NameError: name 'undefined_json' is not defined
    +---------------- 3 ----------------
    | ExceptionGroup: nested (1 sub-exception)
    +-+---------------- 1 ----------------
      | Traceback (most recent call last):
      |   File "/tmp/probe/eg.py", line 16, in run
      |     raise KeyError("k")
      | KeyError: 'k'
      +------------------------------------
)");
  REQUIRE(failures.size() == 3);  // the groups themselves only wrap them
  const RaisedException& missing = failures[0].chain.back();
  CHECK(missing.Subject() == "ModuleNotFoundError: No module named 'sklearn_missing_mod'");
  CHECK(missing.traceback_line == 8);
  CHECK(missing.log_line == 19);
  REQUIRE(missing.frames.size() == 6);
  CHECK(missing.frames[1].function == "load");
  CHECK(missing.frames[1].code == "importlib.import_module(\"sklearn_missing_mod\")");
  CHECK(missing.frames[5].file == "<frozen importlib._bootstrap>");
  const RaisedException& name = failures[1].chain.back();
  CHECK(name.Subject() == "NameError: name 'undefined_json' is not defined");
  CHECK(name.frames.back().function == "parse");
  CHECK_FALSE(name.truncated);
  CHECK(failures[2].chain.back().Subject() == "KeyError: 'k'");
}

TEST_CASE("Traceback keeps chained exceptions in order, causes first") {
  auto failures = ParseTracebacks(R"(Traceback (most recent call last):
  File "main.py", line 3, in <module>
    import yaml
ModuleNotFoundError: No module named 'yaml'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "sdk_worker_main.py", line 9, in main
    _load_main_session(session)
RuntimeError: Could not load main session
)");
  REQUIRE(failures.size() == 1);
  REQUIRE(failures[0].chain.size() == 2);
  CHECK(failures[0].chain[0].Subject() == "ModuleNotFoundError: No module named 'yaml'");
  CHECK(failures[0].chain[1].Subject() == "RuntimeError: Could not load main session");
  CHECK(failures[0].chain[1].frames[0].function == "main");
}

TEST_CASE("Traceback reads Python 2 tracebacks and bare exception lines") {
  auto failures = ParseTracebacks(R"(Traceback (most recent call last):
  File "/usr/lib/python2.7/pickle.py", line 1130, in find_class
    __import__(module)
ImportError: No module named foo
some other output
2024-05-01 12:00:00,000 ERROR RuntimeError: Pipeline construction environment and pipeline runtime environment are not compatible.
)");
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].chain[0].type == "ImportError");
  CHECK(failures[0].chain[0].message == "No module named foo\nsome other output");
  CHECK(failures[1].chain[0].type == "RuntimeError");
  CHECK(failures[1].chain[0].frames.empty());
  CHECK(failures[1].chain[0].log_line == 6);
}

TEST_CASE("Traceback: an unprefixed exception line after a message is another exception") {
  // A worker log copied without record prefixes: the traceback's exception, then the line a
  // second failure printed. Lines of a message that only look like exceptions are indented.
  auto failures = ParseTracebacks(R"(Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/apache_beam/internal/dill_pickler.py", line 418, in loads
    return dill.loads(s)
ValueError: unsupported pickle protocol: 5
  KeyError: raised while reading the frame
SystemError: unknown opcode
)");
  REQUIRE(failures.size() == 2);
  REQUIRE(failures[0].chain.size() == 1);
  CHECK(failures[0].chain[0].type == "ValueError");
  CHECK(failures[0].chain[0].message ==
        "unsupported pickle protocol: 5\nKeyError: raised while reading the frame");
  REQUIRE(failures[1].chain.size() == 1);
  CHECK(failures[1].chain[0].Subject() == "SystemError: unknown opcode");
  CHECK(failures[1].chain[0].frames.empty());
  CHECK(failures[1].chain[0].log_line == 6);
}

TEST_CASE("Traceback: a message ending in a colon and the traceback after it are one failure") {
  // As a notebook shows a failed Dataflow job: the runner's exception, whose message ends
  // with "Error:", then the worker's traceback it carries.
  auto failures = ParseTracebacks(R"(DataflowRuntimeException: Dataflow pipeline failed. State: FAILED, Error:
Traceback (most recent call last):
  File "/usr/local/lib/python3.7/site-packages/dill/_dill.py", line 462, in find_class
    return StockUnpickler.find_class(self, module, name)
AttributeError: Can't get attribute '_create_code' on <module 'dill._dill'>
INFO: done
ValueError: bad input:
Traceback (most recent call last):
  File "/app/main.py", line 3, in <module>
KeyError: 'id'
)");
  REQUIRE(failures.size() == 2);
  REQUIRE(failures[0].chain.size() == 2);
  CHECK(failures[0].chain[0].type == "AttributeError");
  CHECK(failures[0].chain[0].frames.size() == 1);
  CHECK(failures[0].chain[1].Subject() ==
        "DataflowRuntimeException: Dataflow pipeline failed. State: FAILED, Error:");
  REQUIRE(failures[1].chain.size() == 2);
  CHECK(failures[1].chain[0].type == "KeyError");
  CHECK(failures[1].chain[1].type == "ValueError");
}

TEST_CASE("Traceback reads a traceback flattened onto one line") {
  // As issues imported from Jira show worker errors: the whole traceback on one line, here
  // with a chained exception.
  auto failures = ParseTracebacks(
      "Traceback (most recent call last): File \"/usr/local/lib/python3.9/site-packages/dill/"
      "_dill.py\", line 462, in find_class return StockUnpickler.find_class(self, module, name) "
      "ModuleNotFoundError: No module named 'download_pipeline.config' During handling of the "
      "above exception, another exception occurred: Traceback (most recent call last): File "
      "\"/usr/local/lib/python3.9/site-packages/apache_beam/runners/worker/sdk_worker.py\", line "
      "267, in _execute response = task() File \"/app/main.py\", line 9, in run *import*(module) "
      "ImportError: No module named gunicorn.app.wsgiapp\n");
  REQUIRE(failures.size() == 1);
  REQUIRE(failures[0].chain.size() == 2);
  const RaisedException& cause = failures[0].chain[0];
  CHECK(cause.Subject() == "ModuleNotFoundError: No module named 'download_pipeline.config'");
  REQUIRE(cause.frames.size() == 1);
  CHECK(cause.frames[0].function == "find_class");
  CHECK(cause.frames[0].code == "return StockUnpickler.find_class(self, module, name)");
  const RaisedException& last = failures[0].chain[1];
  CHECK(last.Subject() == "ImportError: No module named gunicorn.app.wsgiapp");
  REQUIRE(last.frames.size() == 2);
  CHECK(last.frames[0].line_number == 267);
  CHECK(last.frames[1].file == "/app/main.py");
  CHECK(last.frames[1].code == "*import*(module)");
  CHECK(last.log_line == 1);
}

TEST_CASE("Traceback marks tracebacks cut short") {
  auto failures = ParseTracebacks(R"(Traceback (most recent call last):
  File "a.py", line 1, in <module>
    f()
2024-05-01 12:00:00,000 INFO unrelated record
)");
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].chain[0].truncated);
  CHECK(failures[0].chain[0].type.empty());
  CHECK(failures[0].chain[0].frames.size() == 1);
}

TEST_CASE("Traceback ends at a new log record right after a frame line") {
  auto failures = ParseTracebacks(R"(Traceback (most recent call last):
  File "<frozen importlib._bootstrap>", line 1004, in _find_and_load_unlocked
2024-05-01 12:00:00,000 INFO Shutting down
)");
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].chain[0].truncated);
  CHECK(failures[0].chain[0].frames[0].code.empty());
}

TEST_CASE("Traceback accepts prefixed frame lines and Python 3.11 caret lines") {
  auto failures = ParseTracebacks(R"(2024-05-01 12:00:00,000 ERROR Traceback (most recent call last):
2024-05-01 12:00:00,000 ERROR   File "p.py", line 2, in process
2024-05-01 12:00:00,000 ERROR     return re.sub(x)
2024-05-01 12:00:00,000 ERROR            ^^
2024-05-01 12:00:00,000 ERROR NameError: name 're' is not defined
)");
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].chain[0].Subject() == "NameError: name 're' is not defined");
  CHECK(failures[0].chain[0].frames[0].code == "return re.sub(x)");
}

TEST_CASE("Traceback ignores warnings and words that only look like exceptions") {
  CHECK(ParseTracebacks("UserWarning: deprecated\nError: something\nERROR: pip\n").empty());
  std::string type, message;
  CHECK(ParseExceptionLine("apache_beam.runners.worker.sdk_worker_main.CorruptMainSessionException: x",
                           false, &type, &message));
  CHECK(type == "apache_beam.runners.worker.sdk_worker_main.CorruptMainSessionException");
  CHECK_FALSE(ParseExceptionLine("KeyError", false, &type, &message));
  CHECK(ParseExceptionLine("KeyError", true, &type, &message));
  Frame frame;
  CHECK_FALSE(ParseFrameLine("File \"x.py\", line abc", &frame));
}

}  // namespace beamcompat
