"""The metric families: one module (or sub-package) each, text units in, plain data out.

Families never import the CLI, the notebooks or papermill.
"""
