"""Runs checks concurrently and turns every outcome, including failure, into a result."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from footprint.check import Check, CheckContext, Inconclusive, Skip
from footprint.contract import LoadedCheck, adapt
from footprint.dns import DnsFailure
from footprint.errors import (
    HostClosed,
    HostileSite,
    PrivateDataBlocked,
    RedirectRefused,
    ResponseTooLarge,
)
from footprint.failure import cause_of
from footprint.http.failures import deadline_reason
from footprint.http.failures import describe as describe_network_failure
from footprint.http.guard import current_check
from footprint.http.incident import incident_finding
from footprint.http.quarantine import Incident, collecting
from footprint.i18n import marker_sentence
from footprint.models import (
    PROFILE_SUBJECT,
    CheckResult,
    Finding,
    FindingKind,
    L10n,
    Status,
    Subject,
    sorted_results,
)
from footprint.openfiles import DEFAULT_CONCURRENCY, fit_concurrency
from footprint.profile.markers import MARKER_LABELS
from footprint.strings import redact_secrets

log = logging.getLogger(__name__)


class Progress(Protocol):
    def started(self, total: int) -> None: ...
    def advanced(self, result: CheckResult) -> None: ...
    def finished(self) -> None: ...


class NullProgress:
    def started(self, total: int) -> None:
        pass

    def advanced(self, result: CheckResult) -> None:
        pass

    def finished(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Job:
    check: LoadedCheck | Check
    subject: Subject


@dataclass
class Engine:
    """``checks`` may be plugin objects (wrapped here) or the registry's adapters; the
    engine reads only the adapter."""

    checks: Sequence[LoadedCheck | Check]
    context: CheckContext  # secrets in it are all known ones; each check sees only its own
    concurrency: int = DEFAULT_CONCURRENCY
    check_timeout: float = 30.0
    progress: Progress = field(default_factory=NullProgress)
    results: list[CheckResult] = field(default_factory=list)  # filled as checks finish
    loaded: list[LoadedCheck] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.loaded = [adapt(c) for c in self.checks]
        keep_secret = getattr(self.context.http, "keep_secret", None)
        if callable(keep_secret):  # requests carrying them never follow a redirect away
            keep_secret(self.context.secrets.values())

    def plan(self) -> tuple[list[Job], list[CheckResult]]:
        """Jobs to run, and the results known without running: skipped for lack of a
        secret or an input, or an error where the check's own declaration or subjects()
        failed."""
        jobs: list[Job] = []
        skipped: list[CheckResult] = []
        profile = self.context.profile
        for check in self.loaded:
            if check.problem is not None:
                skipped.append(CheckResult(check.id, PROFILE_SUBJECT, Status.ERROR,
                                           reason=check.problem))
                continue
            missing = [s for s in check.secrets if s not in self.context.secrets]
            if missing:
                skipped.append(CheckResult(check.id, PROFILE_SUBJECT, Status.SKIPPED,
                                           reason=_missing_secret(check, missing)))
                continue
            try:
                subjects = check.subjects(profile)
            except Exception as exc:  # the plugin's subjects() is its code too
                _, _, reason = _failure(check.id, exc)
                skipped.append(CheckResult(check.id, PROFILE_SUBJECT, Status.ERROR,
                                           reason=reason))
                continue
            if not subjects:
                kinds = ", ".join(sorted(k.value for k in check.inputs))
                skipped.append(CheckResult(check.id, PROFILE_SUBJECT, Status.SKIPPED, reason=L10n(
                    en=f"nothing to check: your profile has no {kinds}",
                    nl=f"niets te controleren: je profiel bevat geen {kinds}")))
                continue
            jobs.extend(Job(check, s) for s in subjects)
        return jobs, skipped

    async def run(self) -> tuple[CheckResult, ...]:
        jobs, skipped = self.plan()
        self.results.extend(skipped)
        self.progress.started(len(jobs) + len(skipped))
        for result in skipped:
            self.progress.advanced(result)
        gate = asyncio.Semaphore(fit_concurrency(self.concurrency))
        begun = asyncio.get_running_loop().time()
        try:
            async with asyncio.TaskGroup() as group:
                for job in jobs:
                    group.create_task(self._guarded(job, gate, begun))
        finally:
            self.progress.finished()
        return sorted_results(self.results)

    async def _guarded(self, job: Job, gate: asyncio.Semaphore, begun: float) -> None:
        """A job that did not have to queue for a slot counts its budget from the start of
        the scan, not from when the event loop first got round to it: with hundreds of
        jobs, that can be a second later, and a stalled site would end that much late."""
        queued = gate.locked()
        async with gate:
            since = asyncio.get_running_loop().time() if queued else begun
            result = await self.run_one(job, since)
        self.results.append(result)
        self.progress.advanced(result)

    def _context_for(self, check: LoadedCheck) -> CheckContext:
        wanted = (*check.secrets, *check.optional_secrets)
        secrets = {k: v for k, v in self.context.secrets.items() if k in wanted}
        family = check.id.split(".", 1)[0]
        settings: Mapping[str, Any] = self.context.settings.get(family, {})
        return CheckContext(http=self.context.http, dns=self.context.dns,
                            profile=self.context.profile, markers=self.context.markers,
                            secrets=secrets, endpoints=self.context.endpoints, settings=settings,
                            pages=self.context.pages)

    async def run_one(self, job: Job, since: float | None = None) -> CheckResult:
        """One check for one subject; its budget runs from ``since`` (loop time; now when
        not given)."""
        check, subject = adapt(job.check), job.subject  # a Job built by hand may hold a plugin
        token = current_check.set(check.id)
        budget = check.timeout_s or self.check_timeout
        started = time.monotonic()
        loop_now = asyncio.get_running_loop().time()
        deadline = (since if since is not None else loop_now) + budget
        incidents: list[Incident] = []
        cause: str | None = None  # a connection-level failure, for the verdict
        try:
            with collecting() as incidents:
                async with asyncio.timeout_at(deadline):
                    findings = await check.run(subject, self._context_for(check))
            status, reason = _status_of(findings), None
        except Skip as exc:
            status, findings, reason = Status.SKIPPED, (), exc.reason
        except Inconclusive as exc:
            status, findings, reason = Status.INCONCLUSIVE, (), exc.reason
        except TimeoutError:
            status, findings, reason = Status.TIMEOUT, (), L10n(
                en=f"no answer within the check's {budget:g} s",
                nl=f"geen antwoord binnen de {budget:g} s van de controle")
        except httpx.TimeoutException as exc:
            status, findings, reason = Status.TIMEOUT, (), _http_timeout(exc)
            cause = cause_of(exc)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the scan itself is being stopped
            status, findings, reason = Status.ERROR, (), L10n(
                en="the check cancelled itself", nl="de controle brak zichzelf af")
        except Exception as exc:  # a check's failure must never stop the others
            status, findings, reason = _failure(check.id, exc)
            cause = cause_of(exc)
        except SystemExit:  # a plugin calling sys.exit() ends itself, not the scan
            status, findings, reason = Status.ERROR, (), L10n(
                en="the check tried to end the program", nl="de controle probeerde het "
                                                            "programma te beëindigen")
        finally:
            current_check.reset(token)
        if incidents:  # a site tried to make footprint send private data: say so
            findings = (*(incident_finding(i, check.id, subject) for i in incidents),
                        *findings)
            if status in (Status.CLEAR, Status.MANUAL):
                status = _status_of(findings)
        result = CheckResult(check.id, subject, status, findings, reason,
                             round(time.monotonic() - started, 3), cause)
        # A service may echo a key back in an error message or page; reports never carry it.
        return redact_secrets(result, self.context.secrets.values())


_PHASES = {httpx.ConnectTimeout: "connect", httpx.ReadTimeout: "read",
           httpx.WriteTimeout: "write", httpx.PoolTimeout: "pool"}


def _http_timeout(exc: httpx.TimeoutException) -> L10n:
    """Which phase timed out and after how long, not the check's whole budget."""
    overall = deadline_reason(exc)
    if overall is not None:
        return overall
    phase = _PHASES.get(type(exc), "network")
    try:
        host = exc.request.url.host
        after = exc.request.extensions.get("timeout", {}).get(phase)
    except RuntimeError:  # raised without a request
        host, after = "the service", None
    within = f" within {after:g} s" if isinstance(after, int | float) else ""
    binnen = f" binnen {after:g} s" if isinstance(after, int | float) else ""
    return L10n(en=f"no answer from {host}{within} ({phase} timeout)",
                nl=f"geen antwoord van {host}{binnen} (time-out bij {phase})")


def _status_of(findings: Sequence[Finding]) -> Status:
    kinds = {f.kind for f in findings}
    if FindingKind.EXPOSURE in kinds:
        return Status.EXPOSED
    if FindingKind.MANUAL in kinds:
        return Status.MANUAL
    return Status.CLEAR


def _missing_secret(check: LoadedCheck, missing: list[str]) -> L10n:
    names = ", ".join(missing)
    hint = check.missing_secret_hint
    base = L10n(en=f"needs {names} (set it in the environment)",
                nl=f"heeft {names} nodig (zet deze in de omgeving)")
    if hint is None:
        return base
    return L10n(en=f"{base.en}; {hint.en}", nl=f"{base.nl}; {hint.nl}")


def _failure(check_id: str, exc: Exception) -> tuple[Status, tuple[Finding, ...], L10n]:
    if isinstance(exc, PrivateDataBlocked):
        kinds = [k.value for k, label in MARKER_LABELS.items() if label.en == exc.label]
        return Status.ERROR, (), marker_sentence("blocked", kinds or ["other"], host=exc.host)
    if isinstance(exc, HostileSite | HostClosed):
        return Status.INCONCLUSIVE, (), L10n(
            en=str(exc),
            nl=f"{exc.host} probeerde footprint je privégegevens te laten versturen; "
               "footprint haalde er verder niets op")
    if isinstance(exc, RedirectRefused):
        return Status.INCONCLUSIVE, (), L10n(
            en=f"{exc.source} answered with a redirect to {exc.target}, which footprint does "
               f"not follow ({exc.why}); the answer could not be read",
            nl=f"{exc.source} antwoordde met een doorverwijzing naar {exc.target}, die "
               "footprint niet volgt (sleutels en gegevens blijven bij hun eigen dienst; "
               "nooit van https naar http); het antwoord kon niet gelezen worden")
    if isinstance(exc, httpx.DecodingError):
        return Status.INCONCLUSIVE, (), L10n(
            en=f"the answer could not be fully decoded ({exc}); not read as nothing found",
            nl=f"het antwoord kon niet volledig gedecodeerd worden ({exc}); niet gelezen "
               "als niets gevonden")
    if isinstance(exc, ResponseTooLarge):
        return Status.INCONCLUSIVE, (), L10n(en=str(exc), nl=f"antwoord te groot: {exc}")
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        if code == 429:
            return Status.INCONCLUSIVE, (), L10n(
                en="rate limited by the service (HTTP 429); try again later",
                nl="de dienst remt af (HTTP 429); probeer het later opnieuw")
        return Status.ERROR, (), L10n(en=f"unexpected HTTP {code} from {exc.request.url.host}",
                                      nl=f"onverwacht HTTP {code} van {exc.request.url.host}")
    if isinstance(exc, httpx.TooManyRedirects):
        return Status.INCONCLUSIVE, (), L10n(en="too many redirects (a redirect loop?)",
                                             nl="te veel doorverwijzingen (een lus?)")
    described = describe_network_failure(exc)  # a proxy, an untrusted certificate
    if described is not None:
        return described[0], (), described[1]
    if isinstance(exc, httpx.HTTPError):
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return Status.ERROR, (), L10n(en=f"network error ({detail})",
                                      nl=f"netwerkfout ({detail})")
    if isinstance(exc, httpx.InvalidURL):  # e.g. a redirect to javascript: or file:
        return Status.ERROR, (), L10n(en=f"the service sent an unusable address ({exc})",
                                      nl=f"de dienst stuurde een onbruikbaar adres ({exc})")
    if isinstance(exc, DnsFailure):
        return Status.ERROR, (), L10n(en=str(exc), nl=f"DNS-fout: {exc}")
    log.debug("check %s failed", check_id, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"
    return Status.ERROR, (), L10n(en=f"the check failed ({detail})",
                                  nl=f"de controle mislukte ({detail})")
