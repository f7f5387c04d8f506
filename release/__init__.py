"""Release tooling: the wheel's content check, the offline smoke runs, the standalone build."""
