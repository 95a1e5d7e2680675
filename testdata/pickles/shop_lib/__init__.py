"""A plain importable module whose DoFn/CombineFn/WindowFn are pickled by reference."""
