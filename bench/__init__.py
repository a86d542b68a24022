"""Benchmarks: scripts that print medians and ratios and write bench/results/*.json."""
