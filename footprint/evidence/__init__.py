"""Evidence capture: pages kept as WARC 1.1 with hashes, times, the server's identity and a
statement for a police report (art. 285d Sr) or a removal request. See docs/evidence.md."""
