"""Transforms of an imaginary shop pipeline, pickled by reference (module + name)."""
import json

from apache_beam.transforms.core import CombineFn, DoFn
from apache_beam.transforms.window import WindowFn


class ParseOrderFn(DoFn):
    def __init__(self, field):
        self.field = field

    def process(self, element):
        yield json.loads(element)[self.field]


class MeanPriceFn(CombineFn):
    def create_accumulator(self):
        return (0.0, 0)

    def add_input(self, acc, price):
        return (acc[0] + price, acc[1] + 1)

    def merge_accumulators(self, accs):
        return (sum(a[0] for a in accs), sum(a[1] for a in accs))

    def extract_output(self, acc):
        return acc[0] / acc[1] if acc[1] else float("nan")


class ShopHoursWindowFn(WindowFn):
    def __init__(self, open_hour, close_hour):
        self.open_hour = open_hour
        self.close_hour = close_hour

    def assign(self, context):
        return []
