#!/usr/bin/env python3
"""Generates the REAL pickle fixtures beamcompat's payload reader is tested on.

Run it once per interpreter (see --all). Each run pickles the same set of objects with the
dill and the cloudpickle found on PYTHONPATH, encodes them the way Beam does
(base64(bz2(pickle)); the DoFn as the 5-tuple (fn, args, kwargs, None, None)) and writes
  py3XX/<pickler>/<name>.b64    the base64 text, exactly as it sits in the pipeline payload
  py3XX/manifest.json           versions used and, per fixture, what Python's own `dis`
                                says the __main__ functions read (the test oracle)
Nothing here is loaded by beamcompat at run time; the files are test inputs only.

Beam itself is not installed here: a tiny stand-in package `apache_beam` with just the base
class names (DoFn, CallableWrapperDoFn, CombineFn, WindowFn) is written to a temporary
directory, together with a copy of cloudpickle under apache_beam.internal.cloudpickle, so
that global references and the vendored-cloudpickle module names look like Beam's.

Usage:
  make_pickles.py --all          regenerate for every interpreter listed in PYTHONS
  make_pickles.py --out DIR      (internal) one interpreter, writing into DIR
"""
import argparse
import base64
import bz2
import dis
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile

import yaml  # a third-party module, read by load_config() below

HERE = os.path.dirname(os.path.abspath(__file__))
DIST_PACKAGES = "/usr/lib/python3/dist-packages"
PYTHONS = [
    "/usr/bin/python3",
    "/root/.pyenv/versions/3.8.18/bin/python",
    "/root/.pyenv/versions/3.9.18/bin/python",
    "/root/.pyenv/versions/3.10.13/bin/python",
    "/root/.pyenv/versions/3.12.1/bin/python",
    "/root/.pyenv/versions/3.13.0/bin/python",
]

STUB_CORE = '''
class DoFn(object):
    pass


class CallableWrapperDoFn(DoFn):
    def __init__(self, fn, fullargspec=None):
        self._fn = fn
        self._fullargspec = fullargspec


class CombineFn(object):
    pass
'''
STUB_WINDOW = '''
class WindowFn(object):
    pass
'''
# numpy 2 is not installable here; this stand-in has the two names a numpy 2 array pickle
# refers to (numpy._core.multiarray._reconstruct and ndarray), so the fixture's global
# references are those of a real numpy 2 pickle.
STUB_NUMPY_MULTIARRAY = '''
class ndarray(object):
    pass


def _reconstruct(subtype, shape, dtype):
    return subtype()
'''
VENDORED_INIT = '''
from .cloudpickle import *  # noqa
from .cloudpickle_fast import CloudPickler, dumps, dump  # noqa
'''

# --- what the pipeline's author wrote in __main__ -------------------------------------------

TAX_RATE = 0.2


def parse_line(line):
    return json.loads(line)


def count_chars(text):
    return len(str(text).strip())


def load_config(text):
    return yaml.safe_load(text)["settings"]


def format_order(order):
    def with_tax(price):
        return round(price * (1 + TAX_RATE), 2)

    return json.dumps({"id": order["id"], "price": with_tax(order["price"])})


extract_id = lambda line: json.loads(line)["id"]  # noqa: E731


class Numpy2Array:
    """Pickles like a numpy 2 array: by reference to numpy._core.multiarray."""

    def __reduce__(self):
        from numpy._core import multiarray
        return (multiarray._reconstruct, (multiarray.ndarray, (0,), b"b"))


class AddTaxFn:
    """Stands in for a DoFn subclass defined in the pipeline's main module."""

    def process(self, element):
        yield json.dumps({"value": element, "tax": element * TAX_RATE})


# --- encoding the way Beam's picklers do --------------------------------------------------

def beam_encode(pickled):
    return base64.b64encode(bz2.compress(pickled, 9))


def main_globals_read(fn):
    """The global names a function's code reads, per Python's own disassembler."""
    names = set()
    pending = [fn.__code__]
    while pending:
        code = pending.pop()
        for ins in dis.get_instructions(code):
            if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
                names.add(ins.argval)
        pending.extend(c for c in code.co_consts if hasattr(c, "co_code"))
    builtin_names = set(dir(__builtins__))
    return sorted(n for n in names if n not in builtin_names)


def fixtures():
    from apache_beam.transforms.core import CallableWrapperDoFn
    from shop_lib.transforms import MeanPriceFn, ParseOrderFn, ShopHoursWindowFn

    def dofn(fn):
        return (fn, (), {}, None, None)

    def wrapped(fn):
        return dofn(CallableWrapperDoFn(fn))

    return [
        # name, object, __main__ functions inside (for the oracle)
        ("module_dofn", dofn(ParseOrderFn("price")), []),
        ("main_lambda_json", wrapped(extract_id), [extract_id]),
        ("main_function_json", wrapped(parse_line), [parse_line]),
        ("main_class_json", dofn(AddTaxFn()), [AddTaxFn.process]),
        ("main_builtins_only", wrapped(count_chars), [count_chars]),
        ("main_third_party", wrapped(load_config), [load_config]),
        ("main_nested_closure", wrapped(format_order), [format_order]),
        ("combinefn", MeanPriceFn(), []),
        ("windowfn", ShopHoursWindowFn(9, 18), []),
        ("numpy2_side_input", dofn(ParseOrderFn(Numpy2Array())), []),
    ]


def picklers():
    import cloudpickle
    import dill
    import apache_beam.internal.cloudpickle as vendored

    return [
        ("dill", dill.__version__, lambda o: dill.dumps(o, byref=False)),
        ("cloudpickle", cloudpickle.__version__, cloudpickle.dumps),
        ("vendored_cloudpickle", cloudpickle.__version__, vendored.dumps),
        ("pickle", "stdlib", lambda o: pickle.dumps(o, protocol=2)),
    ]


def generate(out_dir):
    manifest = {"python": "%d.%d" % sys.version_info[:2],
                "python_full": sys.version.split()[0], "fixtures": {}}
    for name, obj, main_fns in fixtures():
        manifest["fixtures"][name] = {
            "main_globals_read": {fn.__qualname__: main_globals_read(fn) for fn in main_fns}}
    manifest["picklers"] = {}
    for pickler, version, dumps in picklers():
        made, failed = [], {}
        os.makedirs(os.path.join(out_dir, pickler), exist_ok=True)
        for name, obj, main_fns in fixtures():
            if pickler == "pickle" and main_fns and name != "main_class_json":
                continue  # plain pickle refers to __main__ by name; a class shows that
            try:
                data = dumps(obj)
            except Exception as e:  # record what this pickler cannot do here
                failed[name] = "%s: %s" % (type(e).__name__, e)
                continue
            with open(os.path.join(out_dir, pickler, name + ".b64"), "wb") as f:
                f.write(beam_encode(data))
            made.append(name)
        manifest["picklers"][pickler] = {"version": version, "made": made, "failed": failed}
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


def write_stub_tree(root):
    pkg = os.path.join(root, "apache_beam")
    for sub in ("transforms", "internal"):
        os.makedirs(os.path.join(pkg, sub))
        open(os.path.join(pkg, sub, "__init__.py"), "w").close()
    open(os.path.join(pkg, "__init__.py"), "w").close()
    with open(os.path.join(pkg, "transforms", "core.py"), "w") as f:
        f.write(STUB_CORE)
    with open(os.path.join(pkg, "transforms", "window.py"), "w") as f:
        f.write(STUB_WINDOW)
    vendored = os.path.join(pkg, "internal", "cloudpickle")
    os.makedirs(vendored)
    for module in ("cloudpickle.py", "cloudpickle_fast.py", "compat.py"):
        os.symlink(os.path.join(DIST_PACKAGES, "cloudpickle", module),
                   os.path.join(vendored, module))
    with open(os.path.join(vendored, "__init__.py"), "w") as f:
        f.write(VENDORED_INIT)
    os.makedirs(os.path.join(root, "numpy", "_core"))
    open(os.path.join(root, "numpy", "__init__.py"), "w").close()
    open(os.path.join(root, "numpy", "_core", "__init__.py"), "w").close()
    with open(os.path.join(root, "numpy", "_core", "multiarray.py"), "w") as f:
        f.write(STUB_NUMPY_MULTIARRAY)
    for dist in ("dill", "cloudpickle", "yaml"):
        os.symlink(os.path.join(DIST_PACKAGES, dist), os.path.join(root, dist))


def run_all():
    with tempfile.TemporaryDirectory() as root:
        write_stub_tree(root)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, HERE]),
                   PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        for python in PYTHONS:
            minor = subprocess.run(
                [python, "-c", "import sys; print('py%d%d' % sys.version_info[:2])"],
                env=env, capture_output=True, text=True, check=True).stdout.strip()
            out = os.path.join(HERE, minor)
            shutil.rmtree(out, ignore_errors=True)
            result = subprocess.run([python, os.path.abspath(__file__), "--out", out], env=env)
            print("%s %s: %s" % (python, minor, "ok" if result.returncode == 0 else "FAILED"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.all:
        run_all()
    elif args.out:
        generate(args.out)
    else:
        parser.error("pass --all or --out DIR")
