"""A ready-to-send erasure request (AVG/GDPR art. 17, with an art. 21 objection) to a copy
site or directory, in Dutch, plus English when the operator may sit abroad.

The letter carries the person's public name, role and the URLs found; never the home
address or other private markers (the site already has them; the URLs identify the record).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from footprint.errors import ReportFileError
from footprint.profile.model import Profile
from footprint.textsafe import clean
from footprint_checks.registers.sources import Source

_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")


def _evidence_urls(node: Any) -> Iterator[str]:
    """Every URL under an evidence/url-like key, whatever the report's exact layout."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "url" and isinstance(value, str):
                yield value
            else:
                yield from _evidence_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _evidence_urls(item)


def urls_from_report(path: Path, source: Source) -> list[str]:
    """The URLs on the source's domains that a JSON report recorded as evidence."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ReportFileError(f"{path}: report not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReportFileError(f"{path}: not a readable JSON report ({exc})") from None
    findings = data.get("findings", data) if isinstance(data, dict) else data
    urls = [u for u in _evidence_urls(findings) if source.owns(u)]
    return [u for u in dict.fromkeys(urls) if "google.com/search" not in u]


def _office(profile: Profile, lang: str) -> str:
    if not profile.role:
        return ""
    if not profile.municipality:
        return profile.role
    joiner = "van" if lang == "nl" else "of"
    return f"{profile.role} {joiner} {profile.municipality}"


def _business(profile: Profile, source: Source) -> list[str]:
    if source.kind != "kvk-copy":
        return []
    pub = profile.public
    return [*pub.trade_names, *(f"KvK {n}" for n in pub.kvk_numbers)]


def dutch(profile: Profile, source: Source, urls: Sequence[str], today: date) -> str:
    office = _office(profile, "nl")
    business = _business(profile, source)
    lines = [
        "Onderwerp: verzoek om verwijdering van persoonsgegevens (artikel 17 AVG)",
        "",
        f"Aan: de verwerkingsverantwoordelijke van {source.name} ({source.domains[0]})",
        f"Datum: {today.day} {_MONTHS_NL[today.month - 1]} {today.year}",
        "",
        "Geachte heer, mevrouw,",
        "",
        f"Op uw website staan persoonsgegevens van mij, {profile.name}."
        + (" Het gaat in ieder geval om deze pagina's:" if urls else
           " Het gaat om de pagina's die mijn naam koppelen aan een adres of "
           "telefoonnummer."),
    ]
    lines += [f"- {u}" for u in urls]
    if business:
        lines += ["", "Het betreft ook de gegevens over mijn onderneming: "
                  + ", ".join(business) + "."]
    lines += [
        "",
        "Op grond van artikel 17 van de Algemene verordening gegevensbescherming (AVG) verzoek "
        "ik u al mijn persoonsgegevens te wissen, in het bijzonder mijn (woon- of bezoek)adres, "
        "mijn telefoonnummers en elke koppeling van mijn naam aan een adres.",
        "",
        "Voor zover u zich op een gerechtvaardigd belang beroept, maak ik bezwaar op grond van "
        "artikel 21 AVG. "
        + (f"Ik ben {office}. " if office else "Ik ben politiek ambtsdrager. ")
        + "Publicatie van mijn adres brengt mijn veiligheid en die van mijn gezin in gevaar; "
        "het verzamelen of verspreiden van persoonsgegevens om iemand te intimideren is "
        "strafbaar (artikel 285d Wetboek van Strafrecht).",
        "",
        "Verder verzoek ik u:",
        "- de gegevens niet opnieuw op te nemen, ook niet bij een volgende update uit het "
        "Handelsregister of een andere bron;",
        "- ontvangers aan wie u mijn gegevens heeft verstrekt van de wissing op de hoogte te "
        "stellen (artikel 19 AVG);",
        "- mij zonder onnodige vertraging, en uiterlijk binnen een maand na ontvangst, te "
        "bevestigen dat de gegevens zijn gewist (artikel 12, lid 3, AVG).",
        "",
        "Ik stuur geen kopie van een identiteitsbewijs mee. Heeft u redelijke twijfel over "
        "mijn identiteit, laat mij dan weten welke aanvullende informatie u nodig heeft "
        "(artikel 12, lid 6, AVG).",
        "",
        "Krijg ik binnen die termijn geen reactie, dan dien ik een klacht in bij de "
        "Autoriteit Persoonsgegevens.",
        "",
        "Met vriendelijke groet,",
        "",
        profile.name,
    ]
    if office:
        lines.append(office)
    if profile.public.emails:
        lines.append(f"Antwoord graag aan: {profile.public.emails[0]}")
    return "\n".join(lines) + "\n"


def english(profile: Profile, source: Source, urls: Sequence[str], today: date) -> str:
    office = _office(profile, "en")
    business = _business(profile, source)
    lines = [
        "Subject: request for erasure of personal data (Article 17 GDPR)",
        "",
        f"To: the data controller of {source.name} ({source.domains[0]})",
        f"Date: {today.isoformat()}",
        "",
        "Dear Sir or Madam,",
        "",
        f"Your website shows personal data about me, {profile.name}."
        + (" It concerns at least these pages:" if urls else
           " It concerns the pages that link my name to an address or phone number."),
    ]
    lines += [f"- {u}" for u in urls]
    if business:
        lines += ["", "It also concerns the data about my business: " + ", ".join(business)
                  + "."]
    lines += [
        "",
        "Under Article 17 of the General Data Protection Regulation (GDPR) I ask you to erase "
        "all my personal data, in particular my home or visiting address, my phone numbers and "
        "any link between my name and an address.",
        "",
        "Insofar as you rely on legitimate interests, I object under Article 21 GDPR. "
        + (f"I am {office}, a political office-holder in the Netherlands. " if office
           else "I am a political office-holder in the Netherlands. ")
        + "Publishing my address endangers my safety and that of my family; obtaining or "
        "spreading personal data to intimidate someone is a criminal offence in the "
        "Netherlands (Article 285d of the Dutch Criminal Code).",
        "",
        "I also ask you:",
        "- not to include the data again, including after a later update from the Dutch "
        "Business Register or any other source;",
        "- to inform any recipients of my data of the erasure (Article 19 GDPR);",
        "- to confirm the erasure without undue delay and in any event within one month of "
        "receipt (Article 12(3) GDPR).",
        "",
        "I am not enclosing a copy of an identity document. If you have reasonable doubts "
        "about my identity, please tell me what additional information you need "
        "(Article 12(6) GDPR).",
        "",
        "If I receive no answer within that period, I will lodge a complaint with the Dutch "
        "Data Protection Authority (Autoriteit Persoonsgegevens).",
        "",
        "Yours faithfully,",
        "",
        profile.name,
    ]
    if office:
        lines.append(office)
    if profile.public.emails:
        lines.append(f"Please reply to: {profile.public.emails[0]}")
    return "\n".join(lines) + "\n"


def compose(profile: Profile, source: Source, urls: Sequence[str], today: date) -> str:
    """The letter as plain text; URLs from reports are untrusted, so control characters go."""
    urls = [clean(u) for u in urls]
    letter = dutch(profile, source, urls, today)
    if source.abroad:
        letter += "\n" + "-" * 24 + " English version " + "-" * 24 + "\n\n"
        letter += english(profile, source, urls, today)
    return clean(letter, keep_newlines=True)
