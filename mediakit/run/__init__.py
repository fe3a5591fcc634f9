"""Running analyses: the analyzer, corpus tables and engines, report notebooks."""
