"""Hypothesis strategies for profiles with realistic Dutch private details."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from footprint.errors import ProfileError
from footprint.profile import validate
from footprint.profile.load import parse_profile
from footprint.profile.model import Profile

PUBLIC = """
[person]
name = "Jan Testpersoon"
role = "wethouder"
municipality = "Dijkhoven"

[public]
usernames = ["jtestpersoon"]
emails = ["jan@testpersoon.nl"]
phones = ["+31201234567"]
domains = ["testpersoon.nl"]
urls = ["https://www.testpersoon.nl/over-mij"]
kvk_numbers = ["87654321"]
trade_names = ["Testpersoon Advies"]
"""

_STREET_STEMS = ["Kerk", "Dorps", "Molen", "Linden", "Juliana", "Prinsen", "Stations",
                 "Beuken", "Haven", "Zuiderzee", "Oranje", "Eiken", "Vlinder", "Merel",
                 "Spaarne", "Citroën", "Hoogeveen"]
_STREET_SUFFIXES = ["straat", "laan", "weg", "plein", "gracht", "singel", "hof", "kade"]
_FIRST = ["Marieke", "Sanne", "Pieter", "Daan", "Lotte", "Bram", "Renée", "Fleur", "Sevda",
          "Mohammed", "Anouk", "Thijs", "Noëlle", "Youssef"]
_LAST = ["Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "van Dijk", "Ünal",
         "Yılmaz", "El Amrani", "Jünger", "ter Horst"]
_CITIES = ["Utrecht", "Zwolle", "Haarlem"]

streets = st.builds(lambda a, b: a + b, st.sampled_from(_STREET_STEMS),
                    st.sampled_from(_STREET_SUFFIXES))
postcodes = st.builds(lambda n, a, b, sep: f"{n}{sep}{a}{b}", st.integers(1000, 9999),
                      st.sampled_from("ABCEGHJKLMNPRTVWXZ"), st.sampled_from("ABEGHJKLNPRTZ"),
                      st.sampled_from(["", " "]))
mobiles = st.builds(lambda d, fmt: fmt.format(d=str(d)), st.integers(10_000_000, 59_999_999),
                    st.sampled_from(["06{d}", "06-{d}", "+316{d}", "06 {d}"]))
landlines = st.builds(lambda d: f"030 {d}", st.integers(2_000_000, 2_999_999))
family_names = st.builds(lambda f, last: f"{f} {last}".strip(), st.sampled_from(_FIRST),
                         st.sampled_from(["", *_LAST]))
plates = st.from_regex(r"\A[A-Z]{2}-[0-9]{3}-[A-Z]\Z")
others = st.one_of(plates, st.sampled_from(["Basisschool De Regenboog", "VV Dijkhoven JO11",
                                            "Huisarts Vermeulen", "NL91ABNA0417164300"]))


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    address = {
        "street": draw(streets),
        "house_number": str(draw(st.integers(1, 999))),
        "addition": draw(st.sampled_from(["", "a", "B", "bis"])),
        "postcode": draw(postcodes),
        "city": draw(st.sampled_from(_CITIES)),
    }
    private = {
        "phones": draw(st.lists(st.one_of(mobiles, landlines), min_size=1, max_size=2)),
        "family": draw(st.lists(family_names, min_size=1, max_size=3, unique=True)),
        "other": draw(st.lists(others, max_size=2, unique=True)),
    }
    for phone in private["phones"]:
        try:
            validate.phone(phone)
        except ValueError:
            from hypothesis import reject

            reject()
    lines = [PUBLIC, "[private]"]
    lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in private.items()]
    lines.append("[private.address]")
    lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in address.items()]
    try:
        return parse_profile("\n".join(lines) + "\n", "generated-profile.toml")
    except ProfileError:  # a private detail inside a public identifier: refused at load
        from hypothesis import reject

        reject()


def sample_profile() -> Profile:
    return parse_profile(PUBLIC + """
[private]
phones = ["06 23456789"]
family = ["Marieke Bakker"]
other = ["XK-123-B"]
[private.address]
street = "Lindenlaan"
house_number = "7"
addition = "a"
postcode = "3572 KL"
city = "Utrecht"
""", "sample-profile.toml")
