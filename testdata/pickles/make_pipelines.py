#!/usr/bin/env python3
"""Builds the pipelines of testdata/pipelines/pickles/ around the REAL pickles made by
make_pickles.py (run that first). Uses the proto helpers of testdata/pipelines/make_pipelines.py
(text format, protoc --encode, environments, artifacts) so both fixture sets look alike.

Every payload is one of the committed .b64 files, wrapped the way Beam wraps it: raw base64
in ParDoPayload.do_fn, BytesValue-wrapped for CombineFn and WindowFn. The corrupt pipeline
adds bad base64, a truncated bz2 stream, a bz2 bomb (70 MiB of zeros, over the 64 MiB cap)
and a well-formed bz2 stream that holds no pickle.
"""
import base64
import bz2
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "pipelines"))
import make_pipelines as mp  # noqa: E402

OUT = os.path.join(os.path.dirname(HERE), "pipelines", "pickles")
ENV = "ref_Environment_default_environment_1"


def fixture(python, pickler, name):
    with open(os.path.join(HERE, python, pickler, name + ".b64"), "rb") as f:
        return f.read()


def pardo(encoded):
    return mp.spec("beam:transform:pardo:v1", mp.encode("ParDoPayload", {
        "do_fn": mp.spec("beam:dofn:pickled_python_info:v1", encoded)}))


def combine(encoded):
    return mp.spec("beam:transform:combine_per_key:v1", mp.encode("CombinePayload", {
        "combine_fn": mp.spec("beam:combinefn:pickled_python:v1", mp.bytes_value(encoded)),
        "accumulator_coder_id": "ref_Coder_FastPrimitivesCoder_3"}))


def window_into(encoded):
    return mp.spec("beam:transform:window_into:v1", mp.encode("WindowIntoPayload", {
        "window_fn": mp.spec("beam:window_fn:pickled_python:v1", mp.bytes_value(encoded))}))


def pipeline(python_dir, transforms, main_session=False, beam="2.56.0"):
    """transforms: [(unique_name, spec)] in pipeline order."""
    minor = python_dir[2] + "." + python_dir[3:]
    artifacts = [mp.url_artifact("requirements.txt", mp.sha(1))]
    if main_session:
        artifacts.append(mp.url_artifact("pickled_main_session", mp.sha(3)))
    t = {}
    for i, (name, spec_) in enumerate(transforms, start=1):
        tid = "ref_AppliedPTransform_%s_%d" % (name.replace("/", "-").replace(" ", "-"), i)
        t[tid] = {"spec": spec_, "unique_name": name, "environment_id": ENV}
    return {"components": {"transforms": t, "environments": {ENV: mp.python_env(
        "apache/beam_python%s_sdk:%s" % (minor, beam), minor, beam, artifacts)}}}


def shop(python_dir, pickler):
    f = lambda name: fixture(python_dir, pickler, name)  # noqa: E731
    return [
        ("ParseOrders", pardo(f("module_dofn"))),
        ("ExtractId", pardo(f("main_lambda_json"))),
        ("ParseLine", pardo(f("main_function_json"))),
        ("AddTax", pardo(f("main_class_json"))),
        ("CountChars", pardo(f("main_builtins_only"))),
        ("LoadConfig", pardo(f("main_third_party"))),
        ("FormatOrder", pardo(f("main_nested_closure"))),
        ("MeanPrice", combine(f("combinefn"))),
        ("ShopHours", window_into(f("windowfn"))),
    ]


def corrupt(python_dir):
    good = fixture(python_dir, "dill", "module_dofn")
    truncated = base64.b64encode(base64.b64decode(good)[:60])
    bomb = base64.b64encode(bz2.compress(b"\0" * (70 << 20), 9))
    not_pickle = base64.b64encode(bz2.compress(b"just some text, not a pickle", 9))
    return [
        ("Good", pardo(good)),
        ("BadBase64", pardo(good[:20] + b"!" + good[21:])),
        ("Truncated", pardo(truncated)),
        ("Bomb", combine(bomb)),
        ("NotPickle", window_into(not_pickle)),
    ]


def write(name, pipe):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".textproto"), "w") as f:
        f.write(mp.HEADER.replace("testdata/pipelines/make_pipelines.py",
                                  "testdata/pickles/make_pipelines.py"))
        f.write("\n".join(mp.to_text(pipe)) + "\n")


def main():
    write("dill_py311", pipeline("py311", shop("py311", "dill")))
    write("dill_py311_main_session", pipeline("py311", shop("py311", "dill"), main_session=True))
    for python_dir in ("py38", "py39", "py310", "py312", "py313"):
        write("dill_" + python_dir, pipeline(python_dir, shop(python_dir, "dill")))
    write("cloudpickle_py312", pipeline("py312", shop("py312", "cloudpickle")))
    write("vendored_cloudpickle_py311", pipeline("py311", shop("py311", "vendored_cloudpickle"),
                                                 beam="2.66.0"))
    numpy2 = [("ParseOrders", pardo(fixture("py311", "cloudpickle", "numpy2_side_input")))]
    write("numpy2_py311", pipeline("py311", numpy2))
    mixed = shop("py310", "dill")[:2] + shop("py310", "cloudpickle")[5:7]
    write("mixed_py310", pipeline("py310", mixed))
    write("corrupt_py311", pipeline("py311", corrupt("py311")))


if __name__ == "__main__":
    main()
