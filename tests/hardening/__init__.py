"""Hardening tests: faults, hostile content, bad input and privacy properties (issue 9)."""
