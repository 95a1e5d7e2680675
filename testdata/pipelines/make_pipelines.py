#!/usr/bin/env python3
"""Writes the pipeline fixtures in testdata/pipelines/ (run from anywhere; needs protoc).

Each pipeline is described once below as nested dicts and written as a text-format proto
(encoded to binary at build time) and, for some, as JSON too. Nested payloads are real
serialized messages made with `protoc --encode`; pickled payloads are base64(bz2(pickle)) of
small tuples that name stdlib functions, like the SDK's pickled DoFn 5-tuples (never user code).
Corrupt binaries (truncated, random bytes) are written next to them for the error tests.
"""
import base64
import bz2
import json
import os
import pickle
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROTO = os.path.join(ROOT, "proto", "beam_runner_api.proto")
PKG = "org.apache.beam.model.pipeline.v1."
MAP_FIELDS = {"transforms", "windowing_strategies", "coders", "environments", "inputs",
              "outputs", "side_inputs", "state_specs", "resource_hints", "env", "params"}


def text_escape(data):
    out = []
    for b in data:
        c = chr(b)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def to_text(msg, indent=0):
    pad = "  " * indent
    lines = []
    for key, value in msg.items():
        if key in MAP_FIELDS and isinstance(value, dict):
            for k, v in value.items():
                lines.append(f"{pad}{key} {{")
                lines.append(f"{pad}  key: {text_escape(k.encode())}")
                if isinstance(v, dict):
                    lines.append(f"{pad}  value {{")
                    lines.extend(to_text(v, indent + 2))
                    lines.append(f"{pad}  }}")
                else:
                    lines.append(f"{pad}  value: {scalar_text(v)}")
                lines.append(f"{pad}}}")
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                lines.append(f"{pad}{key} {{")
                lines.extend(to_text(item, indent + 1))
                lines.append(f"{pad}}}")
            else:
                lines.append(f"{pad}{key}: {scalar_text(item)}")
    return lines


def scalar_text(v):
    if isinstance(v, bytes):
        return text_escape(v)
    if isinstance(v, str):
        return text_escape(v.encode())
    return str(v)


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def to_json(msg):
    out = {}
    for key, value in msg.items():
        if key in MAP_FIELDS and isinstance(value, dict):
            out[camel(key)] = {k: to_json(v) if isinstance(v, dict) else json_scalar(v)
                               for k, v in value.items()}
        elif isinstance(value, list):
            out[camel(key)] = [to_json(v) if isinstance(v, dict) else json_scalar(v)
                               for v in value]
        else:
            out[camel(key)] = to_json(value) if isinstance(value, dict) else json_scalar(value)
    return out


def json_scalar(v):
    return base64.b64encode(v).decode() if isinstance(v, bytes) else v


def encode(message_type, msg):
    """Serializes `msg` (a dict) as `message_type` with protoc --encode."""
    text = "\n".join(to_text(msg)) + "\n"
    return subprocess.run(
        ["protoc", "--encode=" + PKG + message_type, "-I", os.path.dirname(PROTO), PROTO],
        input=text.encode(), capture_output=True, check=True).stdout


def pickled(fn_name, extra=""):
    """base64(bz2(pickle)) of a DoFn-info-like 5-tuple naming a stdlib function."""
    module, name = fn_name.rsplit(".", 1)
    fn = getattr(__import__(module, fromlist=[name]), name)
    data = pickle.dumps((fn, (extra,) if extra else (), {}, None, None), protocol=4)
    return base64.b64encode(bz2.compress(data, 9))


def bytes_value(payload):
    return encode("BytesValue", {"value": payload})


def spec(urn, payload=None):
    out = {"urn": urn}
    if payload is not None:
        out["payload"] = payload
    return out


def pardo(fn_name, extra="", urn="beam:transform:pardo:v1"):
    return spec(urn, encode("ParDoPayload", {"do_fn": spec(
        "beam:dofn:pickled_python_info:v1", pickled(fn_name, extra))}))


def combine(fn_name, urn):
    return spec(urn, encode("CombinePayload", {
        "combine_fn": spec("beam:combinefn:pickled_python:v1", bytes_value(pickled(fn_name))),
        "accumulator_coder_id": "ref_Coder_VarIntCoder_3"}))


def window_into(fn_name):
    return spec("beam:transform:window_into:v1", encode("WindowIntoPayload", {
        "window_fn": spec("beam:window_fn:pickled_python:v1", bytes_value(pickled(fn_name)))}))


def url_artifact(staged_name, sha):
    return {"type_urn": "beam:artifact:type:url:v1",
            "type_payload": encode("ArtifactUrlPayload", {
                "url": "gs://my-bucket/staging/beamapp-dev-0518-ab12/" + staged_name,
                "sha256": sha}),
            "role_urn": "beam:artifact:role:staging_to:v1",
            "role_payload": encode("ArtifactStagingToRolePayload", {"staged_name": staged_name})}


def file_artifact(staged_name, path):
    return {"type_urn": "beam:artifact:type:file:v1",
            "type_payload": encode("ArtifactFilePayload", {"path": path}),
            "role_urn": "beam:artifact:role:staging_to:v1",
            "role_payload": encode("ArtifactStagingToRolePayload", {"staged_name": staged_name})}


def sha(seed):
    rng = random.Random(seed)
    return "".join(rng.choice("0123456789abcdef") for _ in range(64))


PY_CAPABILITIES = [
    "beam:coder:bytes:v1", "beam:coder:bool:v1", "beam:coder:varint:v1",
    "beam:coder:string_utf8:v1", "beam:coder:iterable:v1", "beam:coder:kv:v1",
    "beam:coder:windowed_value:v1", "beam:coder:global_window:v1",
    "beam:coder:length_prefix:v1", "beam:protocol:progress_reporting:v0",
    "beam:protocol:harness_monitoring_infos:v1", "beam:protocol:worker_status:v1",
    "beam:combinefn:packed_python:v1"]


def python_env(image, sdk_python, sdk_version, artifacts, docker=True):
    caps = PY_CAPABILITIES + [
        f"beam:version:sdk_base:apache/beam_python{sdk_python}_sdk:{sdk_version}",
        "beam:transform:sdf_truncate_sized_restrictions:v1", "beam:transform:to_string:v1",
        "beam:protocol:data_sampling:v1"]
    if docker:
        caps.append("beam:protocol:sibling_workers:v1")
    env = {"urn": "beam:env:docker:v1",
           "payload": encode("DockerPayload", {"container_image": image}),
           "capabilities": caps, "dependencies": artifacts}
    return env


def wordcount_transforms(env_id):
    t = {}

    def add(tid, name, spec_, env=True, **extra):
        t[tid] = dict({"spec": spec_, "unique_name": name}, **extra)
        if env:
            t[tid]["environment_id"] = env_id

    add("ref_AppliedPTransform_Read-Impulse_4", "Read/Impulse", spec("beam:transform:impulse:v1"),
        env=False, outputs={"None": "ref_PCollection_PCollection_1"})
    add("ref_AppliedPTransform_Read-Map-lambda-at-iobase-py-908-_5",
        "Read/Map(<lambda at iobase.py:908>)", pardo("operator.itemgetter", "split"),
        inputs={"None": "ref_PCollection_PCollection_1"},
        outputs={"None": "ref_PCollection_PCollection_2"})
    add("ref_AppliedPTransform_Split_8", "Split", pardo("re.findall", r"[\w\']+"),
        inputs={"None": "ref_PCollection_PCollection_2"},
        outputs={"None": "ref_PCollection_PCollection_3"})
    add("ref_AppliedPTransform_PairWithOne_9", "PairWithOne", pardo("operator.itemgetter"),
        inputs={"None": "ref_PCollection_PCollection_3"},
        outputs={"None": "ref_PCollection_PCollection_4"})
    add("ref_AppliedPTransform_Window_10", "Window", window_into("calendar.isleap"),
        inputs={"None": "ref_PCollection_PCollection_4"},
        outputs={"None": "ref_PCollection_PCollection_5"})
    add("ref_AppliedPTransform_GroupAndSum_11", "GroupAndSum",
        combine("builtins.sum", "beam:transform:combine_per_key:v1"),
        subtransforms=["ref_AppliedPTransform_GroupAndSum-Precombine_12"],
        inputs={"None": "ref_PCollection_PCollection_5"},
        outputs={"None": "ref_PCollection_PCollection_6"})
    add("ref_AppliedPTransform_GroupAndSum-Precombine_12", "GroupAndSum/Precombine",
        combine("builtins.sum", "beam:transform:combine_per_key_precombine:v1"),
        inputs={"None": "ref_PCollection_PCollection_5"},
        outputs={"None": "ref_PCollection_PCollection_6"})
    add("ref_AppliedPTransform_Format_13", "Format", pardo("string.capwords"),
        inputs={"None": "ref_PCollection_PCollection_6"},
        outputs={"None": "ref_PCollection_PCollection_7"})
    add("ref_AppliedPTransform_Write-WriteImpl-WriteBundles_16", "Write/WriteImpl/WriteBundles",
        pardo("os.path.join"), inputs={"None": "ref_PCollection_PCollection_7"},
        outputs={"None": "ref_PCollection_PCollection_8"})
    return t


def windowing():
    return {"ref_Windowing_Windowing_1": {
        "window_fn": spec("beam:window_fn:global_windows:v1"),
        "environment_id": "ref_Environment_default_environment_1"},
        "ref_Windowing_Windowing_2": {
        "window_fn": spec("beam:window_fn:pickled_python:v1",
                          bytes_value(pickled("calendar.isleap"))),
        "environment_id": "ref_Environment_default_environment_1"}}


def dataflow_wordcount():
    env_id = "ref_Environment_default_environment_1"
    artifacts = [url_artifact("requirements.txt", sha(1)),
                 url_artifact("mylib-0.3.1-py3-none-any.whl", sha(2)),
                 url_artifact("pickled_main_session", sha(3)),
                 url_artifact("submission_environment_dependencies.txt", sha(4))]
    return {"components": {
        "transforms": wordcount_transforms(env_id),
        "windowing_strategies": windowing(),
        "environments": {env_id: python_env(
            "gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0",
            artifacts)}},
        "root_transform_ids": ["ref_AppliedPTransform_Read-Impulse_4"],
        "requirements": ["beam:requirement:pardo:splittable_dofn:v1"]}


def custom_image():
    env_id = "ref_Environment_default_environment_1"
    artifacts = [file_artifact("requirements.txt", "/tmp/tmpk3l2x9/requirements.txt"),
                 file_artifact("workflow.tar.gz", "/tmp/tmpk3l2x9/workflow.tar.gz")]
    t = wordcount_transforms(env_id)
    return {"components": {
        "transforms": t, "windowing_strategies": windowing(),
        "environments": {env_id: python_env(
            "us-docker.pkg.dev/my-proj/beam/wordcount:2024-05-01", "3.11", "2.48.0",
            artifacts)}}}


def dataflow_dev():
    env_id = "ref_Environment_default_environment_1"
    return {"components": {
        "transforms": {k: v for k, v in list(wordcount_transforms(env_id).items())[:4]},
        "environments": {env_id: python_env(
            "gcr.io/cloud-dataflow/v1beta3/beam_python3.12_sdk:beam-master-20240918", "3.12",
            "2.61.0.dev0", [url_artifact("submission_environment_dependencies.txt", sha(5))])}}}


def dataflow_rc():
    env_id = "ref_Environment_default_environment_1"
    return {"components": {
        "transforms": {k: v for k, v in list(wordcount_transforms(env_id).items())[:4]},
        "environments": {env_id: python_env(
            "gcr.io/cloud-dataflow/v1beta3/beam_python3.11_sdk:2.50.0", "3.11", "2.50.0rc1",
            [url_artifact("submission_environment_dependencies.txt", sha(6))])}}}


def cross_language():
    py_env = "ref_Environment_default_environment_1"
    java_env = "beam:env:docker:v1_java"
    t = wordcount_transforms(py_env)
    t["ref_AppliedPTransform_ReadFromKafka-KafkaIO-Read_20"] = {
        "spec": spec("beam:transform:org.apache.beam:kafka_read_without_metadata:v1",
                     b"\n\x0bbootstrap\x12\x0elocalhost:9092"),
        "unique_name": "ReadFromKafka/KafkaIO.Read", "environment_id": java_env}
    java = {"urn": "beam:env:docker:v1",
            "payload": encode("DockerPayload", {
                "container_image": "gcr.io/cloud-dataflow/v1beta3/beam_java11_sdk:2.56.0"}),
            "capabilities": ["beam:coder:bytes:v1", "beam:protocol:progress_reporting:v1",
                             "beam:version:sdk_base:apache/beam_java11_sdk:2.56.0"],
            "dependencies": [url_artifact("beam-sdks-java-io-expansion-service-2.56.0-"
                                          "ND4xXx.jar", sha(7))]}
    return {"components": {
        "transforms": t, "windowing_strategies": windowing(),
        "environments": {
            py_env: python_env("gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.56.0",
                               "3.10", "2.56.0",
                               [url_artifact("submission_environment_dependencies.txt",
                                             sha(8))]),
            java_env: java}}}


def portable_external():
    env_id = "ref_Environment_default_environment_1"
    ext = python_env("", "3.11", "2.56.0", [], docker=False)
    ext["urn"] = "beam:env:external:v1"
    ext["payload"] = encode("ExternalPayload", {"endpoint": {"url": "localhost:50000"}})
    process = python_env("", "3.11", "2.56.0", [], docker=False)
    process["urn"] = "beam:env:process:v1"
    process["payload"] = encode("ProcessPayload", {"command": "/opt/apache/beam/boot"})
    docker = python_env("apache/beam_python3.11_sdk:2.56.0", "3.11", "2.56.0", [])
    anyof = {"urn": "beam:env:anyof:v1",
             "payload": encode("AnyOfEnvironmentPayload", {"environments": [docker, process]})}
    t = {k: v for k, v in list(wordcount_transforms(env_id).items())[:3]}
    t["ref_AppliedPTransform_Stateful_30"] = {
        "spec": spec("beam:transform:pardo:v1", encode("ParDoPayload", {
            "do_fn": spec("beam:dofn:pickled_python_info:v1", pickled("operator.add")),
            "state_specs": {"count": {"combining_spec": {
                "accumulator_coder_id": "ref_Coder_VarIntCoder_3",
                "combine_fn": spec("beam:combinefn:pickled_python:v1",
                                   bytes_value(pickled("builtins.sum")))}}}})),
        "unique_name": "Stateful", "environment_id": "anyof_env"}
    return {"components": {"transforms": t,
                           "environments": {env_id: ext, "anyof_env": anyof}}}


def broken_payloads():
    """A pipeline whose nested payloads do not parse: the reader warns and goes on."""
    env_id = "ref_Environment_default_environment_1"
    env = python_env("apache/beam_python3.10_sdk:2.56.0", "3.10", "2.56.0", [])
    env["dependencies"] = [{"type_urn": "beam:artifact:type:url:v1",
                            "type_payload": b"\x0a\xff\x01gs://cut",
                            "role_urn": "beam:artifact:role:staging_to:v1",
                            "role_payload": encode("ArtifactStagingToRolePayload",
                                                   {"staged_name": "requirements.txt"})}]
    good = pardo("operator.itemgetter")
    truncated = dict(pardo("re.findall"))
    truncated["payload"] = truncated["payload"][:40]
    return {"components": {
        "transforms": {
            "ref_AppliedPTransform_Good_1": {"spec": good, "unique_name": "Good",
                                             "environment_id": env_id},
            "ref_AppliedPTransform_Cut_2": {"spec": truncated, "unique_name": "Cut",
                                            "environment_id": env_id}},
        "environments": {env_id: env}}}


HEADER = ("# Generated by testdata/pipelines/make_pipelines.py; edit that script, not this file.\n"
          "# proto-file: proto/beam_runner_api.proto\n"
          "# proto-message: org.apache.beam.model.pipeline.v1.Pipeline\n")


def write(name, pipeline, json_too=False):
    with open(os.path.join(HERE, name + ".textproto"), "w") as f:
        f.write(HEADER + "\n".join(to_text(pipeline)) + "\n")
    if json_too:
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(to_json(pipeline), f, indent=1)
            f.write("\n")


def write_staging_dir():
    """testdata/staging/dataflow_wordcount: a downloaded staging location in which the wheel
    is missing. pipeline.textproto is encoded to pipeline.pb in the build tree."""
    staging = os.path.join(ROOT, "testdata", "staging", "dataflow_wordcount")
    os.makedirs(staging, exist_ok=True)
    with open(os.path.join(staging, "pipeline.textproto"), "w") as f:
        f.write(HEADER + "\n".join(to_text(dataflow_wordcount())) + "\n")
    with open(os.path.join(staging, "requirements.txt"), "w") as f:
        f.write("mylib==0.3.1\nrequests>=2.31,<3\n")
    with open(os.path.join(staging, "pickled_main_session"), "wb") as f:
        f.write(bz2.compress(pickle.dumps({"WORDS_RE": r"[\w\']+"}, protocol=4), 9))
    with open(os.path.join(ROOT, "testdata", "lists",
                           "submission_environment_dependencies.txt"), "rb") as src:
        data = src.read()
    with open(os.path.join(staging, "submission_environment_dependencies.txt"), "wb") as f:
        f.write(data)


def main():
    write("dataflow_wordcount", dataflow_wordcount(), json_too=True)
    write("custom_image", custom_image())
    write("dataflow_dev", dataflow_dev())
    write("dataflow_rc", dataflow_rc())
    write("cross_language", cross_language())
    write("portable_external", portable_external())
    write("broken_payloads", broken_payloads())
    write_staging_dir()
    corrupt = os.path.join(HERE, "corrupt")
    os.makedirs(corrupt, exist_ok=True)
    whole = encode("Pipeline", dataflow_wordcount())
    with open(os.path.join(corrupt, "truncated.pb"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    with open(os.path.join(corrupt, "random.pb"), "wb") as f:
        rng = random.Random(42)
        f.write(bytes(rng.randrange(256) for _ in range(2048)))
    with open(os.path.join(corrupt, "empty.pb"), "wb") as f:
        pass


if __name__ == "__main__":
    main()
