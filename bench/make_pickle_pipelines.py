#!/usr/bin/python3
"""Generates the payload-reading benchmark inputs (not committed; written to OUT_DIR):

  pickles_realistic.pb   50,000 ParDo/Combine transforms whose payloads repeat: 1 in 15 is
                         distinct (the same DoFns applied again and again, as real pipelines do)
  pickles_distinct.pb    50,000 transforms, every payload distinct (worst case)
  pickles_distinct.b64   the distinct payloads one per line, for the bz2-only baseline

Payloads are REAL dill pickles (Debian's dill, this interpreter) of DoFn 5-tuples holding
__main__ functions that differ in a default argument and a constant, encoded as Beam does
(base64(bz2 -9)). The Pipeline is serialised by hand (protobuf wire format) to stay fast.

Usage: /usr/bin/python3 bench/make_pickle_pipelines.py OUT_DIR [--transforms 50000]
"""
import argparse
import base64
import bz2
import json
import os

import dill

TRANSFORMS = 50000
DISTINCT_EVERY = 15


def make_fn(i):
    # A fresh __main__-style function per i: different code constants and defaults.
    src = ("def process_%d(element, factor=%d):\n"
           "    record = json.loads(element)\n"
           "    record['score_%d'] = record.get('value', 0) * factor + %d\n"
           "    return json.dumps(record)\n") % (i, i, i, i)
    namespace = {"__name__": "__main__", "json": json}
    exec(src, namespace)  # builds benchmark input functions; nothing of beamcompat runs here
    return namespace["process_%d" % i]


def payload(i):
    fn = make_fn(i)
    data = dill.dumps((fn, (), {"tag": "t%d" % i}, None, None), byref=False)
    return base64.b64encode(bz2.compress(data, 9))


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, data):
    if isinstance(data, str):
        data = data.encode()
    return varint(number << 3 | 2) + varint(len(data)) + data


def spec(urn, payload_bytes):
    return field(1, urn) + field(3, payload_bytes)


def transform(i, encoded, env_id):
    if i % 5 == 4:  # some CombineFns, BytesValue-wrapped
        fn = spec("beam:combinefn:pickled_python:v1", field(1, encoded))
        body = spec("beam:transform:combine_per_key:v1", field(1, fn) + field(2, "ref_Coder_1"))
    else:
        fn = spec("beam:dofn:pickled_python_info:v1", encoded)
        body = spec("beam:transform:pardo:v1", field(1, fn))
    ptransform = field(1, body) + field(5, "Step%d/ParDo(process)" % i) + field(7, env_id)
    return field(1, field(1, "ref_AppliedPTransform_Step%d_%d" % (i, i)) + field(2, ptransform))


def environment(env_id):
    docker = field(1, "apache/beam_python3.11_sdk:2.56.0")
    env = (field(2, "beam:env:docker:v1") + field(3, docker) +
           field(5, "beam:version:sdk_base:apache/beam_python3.11_sdk:2.56.0"))
    return field(5, field(1, env_id) + field(2, env))


def pipeline(payloads, count):
    env_id = "ref_Environment_default_environment_1"
    components = b"".join(transform(i, payloads[i % len(payloads)], env_id)
                          for i in range(count))
    components += environment(env_id)
    return field(1, components)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--transforms", type=int, default=TRANSFORMS)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    distinct = [payload(i) for i in range(args.transforms)]
    realistic = distinct[: args.transforms // DISTINCT_EVERY]
    with open(os.path.join(args.out_dir, "pickles_realistic.pb"), "wb") as f:
        f.write(pipeline(realistic, args.transforms))
    with open(os.path.join(args.out_dir, "pickles_distinct.pb"), "wb") as f:
        f.write(pipeline(distinct, args.transforms))
    with open(os.path.join(args.out_dir, "pickles_distinct.b64"), "wb") as f:
        f.write(b"\n".join(distinct) + b"\n")


if __name__ == "__main__":
    main()
