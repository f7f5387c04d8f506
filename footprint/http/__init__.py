"""The scan's HTTP stack: one client, guarded against private data, polite per host."""
