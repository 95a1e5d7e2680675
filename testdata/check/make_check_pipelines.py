#!/usr/bin/env python3
"""Writes the pipelines of the `check` golden cases (testdata/check/*.textproto).

Reuses the builders of testdata/pipelines/make_pipelines.py (needs protoc); each pipeline
is a small wordcount whose Python environment exercises one rule.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "pipelines"))
import make_pipelines as mp  # noqa: E402

ENV = "ref_Environment_default_environment_1"


def pipeline(image, python, beam, artifacts):
    transforms = dict(list(mp.wordcount_transforms(ENV).items())[:4])
    return {"components": {
        "transforms": transforms,
        "environments": {ENV: mp.python_env(image, python, beam, artifacts)}}}


def write(name, value):
    with open(os.path.join(HERE, name + ".textproto"), "w") as f:
        f.write(mp.HEADER.replace("testdata/pipelines/make_pipelines.py",
                                  "testdata/check/make_check_pipelines.py"))
        f.write("\n".join(mp.to_text(value)) + "\n")


def main():
    deps = [mp.url_artifact("submission_environment_dependencies.txt", mp.sha(11))]
    write("image_python_mismatch",
          pipeline("apache/beam_python3.11_sdk:2.56.0", "3.10", "2.56.0", deps))
    write("image_beam_mismatch",
          pipeline("gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.55.1", "3.10", "2.56.0",
                   deps))
    write("local_sdk_release_image",
          pipeline("apache/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0+mycompany.1", deps))
    wheels = [mp.url_artifact(name, mp.sha(20 + i)) for i, name in enumerate([
        "mylib-0.3.1-py3-none-any.whl",
        "fastparse-1.2.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "fastparse-1.2.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "crypto_ext-3.0-cp38-abi3-manylinux_2_28_x86_64.whl",
        "devtool-0.1-cp311-cp311-macosx_11_0_arm64.whl",
        "private_pkg-2.0.tar.gz"])]
    write("staged_wheels",
          pipeline("apache/beam_python3.11_sdk:2.56.0", "3.11", "2.56.0", wheels + deps))


if __name__ == "__main__":
    main()
