"""What to tell the person about search results, in Dutch and English."""

from __future__ import annotations

from footprint.models import Effort, L10n, Link, Remediation

GOOGLE_PII = Link("https://support.google.com/websearch/answer/9673730",
                  L10n(en="Google: remove personal contact information from Search",
                       nl="Google: persoonlijke contactgegevens uit zoekresultaten laten halen"))
GOOGLE_EU = Link("https://support.google.com/legal/answer/10769224",
                 L10n(en="Google: EU privacy removal request",
                      nl="Google: EU-verzoek tot verwijdering (privacy)"))
BING_EU = Link("http://onlinehelp.microsoft.com/en-gb/bing/dn768284.aspx",
               L10n(en="Bing: European privacy request form",
                    nl="Bing: Europees formulier voor privacyverzoeken"))
SIDN = Link("https://www.sidn.nl/en/nl-domain-name/sidn-and-privacy",
            L10n(en="SIDN: who holds a .nl domain", nl="SIDN: wie houdt een .nl-domein"))

_KVK_STEP = L10n(
    en="This site copies the business register (KvK). Shield your address at KvK first "
       "(convenant for decentralised political officeholders), otherwise the copy comes back.",
    nl="Deze site kopieert het Handelsregister (KvK). Scherm eerst je adres af bij KvK "
       "(convenant decentrale politieke ambtsdragers), anders komt de kopie terug.")


def hit_remediation(copy_site: bool) -> Remediation:
    steps = [
        L10n(en="Open the page and check that it is about you.",
             nl="Open de pagina en controleer of het over jou gaat."),
        L10n(en="Ask the site to remove your private details (GDPR art. 17, erasure). For a "
                ".nl site, SIDN can tell you who holds the domain.",
             nl="Vraag de site je privégegevens te verwijderen (AVG art. 17, recht op "
                "vergetelheid). Voor een .nl-site kan SIDN vertellen wie het domein houdt."),
        L10n(en="Then ask Google and Bing to remove the result, also when the site does not "
                "answer: a home address is not part of your public role.",
             nl="Vraag daarna Google en Bing het resultaat te verwijderen, ook als de site niet "
                "reageert: je huisadres hoort niet bij je publieke rol."),
    ]
    if copy_site:
        steps.insert(0, _KVK_STEP)
    return Remediation(
        summary=L10n(en="Have the page removed, then have search engines delist it",
                     nl="Laat de pagina verwijderen en daarna uit zoekmachines halen"),
        steps=tuple(steps),
        links=(GOOGLE_PII, GOOGLE_EU, BING_EU, SIDN),
        effort=Effort.HOURS,
    )


def manual_search_remediation() -> Remediation:
    return Remediation(
        summary=L10n(en="Search for yourself with these prepared searches",
                     nl="Zoek jezelf op met deze klaargezette zoekopdrachten"),
        steps=(
            L10n(en="Open each link (they search only for your public details).",
                 nl="Open elke link (ze zoeken alleen op je openbare gegevens)."),
            L10n(en="Look through the first pages for your home address, postcode, private "
                    "phone number or your family members' names.",
                 nl="Kijk de eerste pagina's door op je huisadres, postcode, privénummer of "
                    "de namen van je gezinsleden."),
            L10n(en="For each hit: ask the site to remove it, then ask the search engine to "
                    "delist it (links below).",
                 nl="Per treffer: vraag de site het te verwijderen en vraag daarna de "
                    "zoekmachine het resultaat weg te halen (links hieronder)."),
            L10n(en="footprint can run these searches itself through a SearXNG instance or "
                    "a Brave Search API key: the opt-in check search.engine.",
                 nl="footprint kan deze zoekopdrachten zelf uitvoeren via een SearXNG-instantie "
                    "of een Brave Search API-sleutel: de opt-in-controle search.engine."),
        ),
        links=(GOOGLE_PII, GOOGLE_EU, BING_EU),
        effort=Effort.MINUTES,
    )


def unanswered_remediation() -> Remediation:
    return Remediation(
        summary=L10n(en="Run these searches yourself: the provider could not answer them",
                     nl="Voer deze zoekopdrachten zelf uit: de zoekdienst kon ze niet "
                        "beantwoorden"),
        steps=(
            L10n(en="Open the links and look for your home address, private phone number or "
                    "family members' names.",
                 nl="Open de links en zoek naar je huisadres, privénummer of de namen van je "
                    "gezinsleden."),
            L10n(en="Run the scan again later; engines that were blocked or timed out often "
                    "answer again after a while.",
                 nl="Scan later opnieuw; zoekmachines die geblokkeerd waren of niet op tijd "
                    "antwoordden, doen het vaak na een tijdje weer."),
        ),
        effort=Effort.MINUTES,
    )
