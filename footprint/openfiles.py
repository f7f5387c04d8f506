"""How many checks may be in flight before the process runs out of file descriptors.

Each check in flight holds about one connection, the transport keeps a few idle ones, and
DNS, files and the terminal need some more. A soft limit below that is raised toward the
hard limit (macOS starts processes at 256); where it cannot be, fewer checks run at once,
rather than many failing with "Too many open files".
"""

from __future__ import annotations

# The per-host cap keeps a scan polite, so the global limit only bounds open sockets:
# 512 holds a 500-site username sweep in one wave.
DEFAULT_CONCURRENCY = 512
MAX_CONCURRENCY = 1024
RESERVE = 128  # idle kept-alive connections (transport.MAX_IDLE), DNS, files, stdio


def fit_concurrency(wanted: int) -> int:
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_NOFILE; sockets are not bound by it
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = wanted + RESERVE
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - RESERVE))
