"""Schemathesis hooks of ./pdx test contract (SCHEMATHESIS_HOOKS): one workaround, no change to what is tested.

CPython 3.11 before 3.11.9 can raise "SystemError: AST constructor recursion depth mismatch" from ast.parse when it
runs deep in the stack (python/cpython#106905). Hypothesis parses a source file that way only to *describe* a lambda
in a strategy's repr, which Schemathesis asks for while it builds examples; the error then aborts the operation as a
"Runtime Error" now and then. A description that cannot be made is "<unknown>", as Hypothesis says for any source it
cannot read. Remove this file once the venv's Python is 3.11.9 or later.
"""
from hypothesis.internal import lambda_sources

_describe = lambda_sources._lambda_description


def _described(f, *args, **kwargs):
    try:
        return _describe(f, *args, **kwargs)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _described
