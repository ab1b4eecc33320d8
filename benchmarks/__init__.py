"""`make bench`: each benchmark measures our code and a reference in the same run.

Results are printed and written to docs/benchmarks.md.
"""
