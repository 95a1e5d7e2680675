#!/usr/bin/env python3
"""Writes a large, realistic Dataflow worker log for the diagnose benchmark.

Mostly INFO/WARNING noise with timestamps, as workers produce, plus every so often a
traceback (unpickling ModuleNotFoundError, the sdk_base RuntimeError, a ValueError in user
code), pip errors, a Cloud-style escaped traceback on one line, a few non-UTF-8 bytes and
an occasional very long line. Deterministic for a given size.

usage: gen_worker_log.py OUT_FILE [SIZE_MB]
"""
import random
import sys

NOISE = [
    "INFO    Creating state cache with size 104857600",
    "INFO    Finished processing bundle process_bundle-{n}-{m}.",
    "INFO    Python sdk harness starting.",
    "DEBUG   Received request process_bundle-{n}-{m} for instruction {n}",
    "WARNING /usr/local/lib/python3.10/site-packages/apache_beam/io/gcp/bigquery.py:2603: "
    "BeamDeprecationWarning: options is deprecated since First stable release.",
    "INFO    Status HTTP server running at localhost:{m}",
    "INFO    Reading gs://bucket/input/part-{n:05d}-of-01024.json (size {m} bytes)",
    "INFO    Wrote {m} rows to project:dataset.table_{n}",
]

UNPICKLE = """ERROR   Error processing instruction process_bundle-{n}-{m}. Original traceback is
Traceback (most recent call last):
  File "/usr/local/lib/python3.10/site-packages/apache_beam/runners/worker/sdk_worker.py", line 300, in _execute
    response = task()
  File "/usr/local/lib/python3.10/site-packages/apache_beam/internal/dill_pickler.py", line 418, in loads
    return dill.loads(s)
  File "/usr/local/lib/python3.10/site-packages/dill/_dill.py", line 462, in find_class
    return StockUnpickler.find_class(self, module, name)
ModuleNotFoundError: No module named 'yaml'
"""

SDK_BASE = """ERROR   Error processing instruction process_bundle-{n}-{m}. Original traceback is
Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/apache_beam/runners/worker/bundle_processor.py", line 951, in _verify_descriptor_created_in_a_compatible_env
    raise RuntimeError(
RuntimeError: Pipeline construction environment and pipeline runtime environment are not compatible. If you use a custom container image, check that the Python interpreter minor version and the Apache Beam version in your image match the versions used at pipeline construction time. Submission environment: beam:version:sdk_base:apache/beam_python3.10_sdk:2.48.0. Runtime environment: beam:version:sdk_base:apache/beam_python3.11_sdk:2.48.0. Worker ID: w-{m}
"""

USER_ERROR = """ERROR   Error processing instruction process_bundle-{n}-{m}. Original traceback is
Traceback (most recent call last):
  File "/home/me/etl/transforms.py", line 88, in process
    yield int(row["n"])
ValueError: invalid literal for int() with base 10: 'x{m}' [while running 'Convert-ptransform-12']
"""

ESCAPED = ("ERROR   Error message from worker: generic::unknown: Traceback (most recent call last):\\n"
           "  File \\\"/home/me/etl/pipeline.py\\\", line 42, in parse_line\\n"
           "NameError: name 're' is not defined [while running 'ParseLines']\n")

PIP = "ERROR: No matching distribution found for tensorflow==2.99.0\n"


def stamp(i):
    return "2024-05-01 12:%02d:%02d.%03d " % ((i // 60000) % 60, (i // 1000) % 60, i % 1000)


def main():
    out_path = sys.argv[1]
    size = int(float(sys.argv[2]) * 1024 * 1024) if len(sys.argv) > 2 else 200 * 1024 * 1024
    rng = random.Random(20240501)
    written = 0
    i = 0
    with open(out_path, "wb") as out:
        while written < size:
            i += 1
            roll = rng.random()
            n, m = rng.randrange(1, 10**6), rng.randrange(1, 10**9)
            if roll < 0.002:
                text = stamp(i) + rng.choice([UNPICKLE, SDK_BASE, USER_ERROR]).format(n=n, m=m)
            elif roll < 0.0025:
                text = stamp(i) + ESCAPED
            elif roll < 0.003:
                text = PIP
            elif roll < 0.0031:
                text = stamp(i) + "INFO    payload " + "x" * rng.randrange(10_000, 200_000) + "\n"
            else:
                text = stamp(i) + rng.choice(NOISE).format(n=n, m=m) + "\n"
            data = text.encode()
            if roll > 0.9995:
                data = data[:-1] + b" \xff\xfe caf\xe9\n"
            out.write(data)
            written += len(data)


if __name__ == "__main__":
    main()
