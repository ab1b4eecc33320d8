"""Checks across the <info> blocks of an imported CAP document.

One alert covers one area: the blocks of every language must draw the same places.
The <areaDesc> differs by language (Bruxelles, Brussel) and is not compared; the
geocodes, polygons and circles are.
"""

from alerts.cap_vocab import CAP_NAMESPACE

NS = {"cap": CAP_NAMESPACE}


class AreaDisagreement(ValueError):
    """str() names the languages and what each one covers."""


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _places(infos) -> frozenset:
    """What a language's blocks cover: its geocodes, polygons and circles, normalised."""
    places = set()
    for info in infos:
        for area in info.findall("cap:area", NS):
            for geocode in area.findall("cap:geocode", NS):
                name = _text(geocode, "cap:valueName").upper()
                places.add(f"{name} {_text(geocode, 'cap:value')}")
            for kind in ("polygon", "circle"):
                for element in area.findall(f"cap:{kind}", NS):
                    places.add(f"{kind} {' '.join((element.text or '').split())}")
    return frozenset(places)


def _summary(places: frozenset) -> str:
    shown = sorted(places)
    text = ", ".join(item if len(item) <= 40 else item[:37] + "…" for item in shown[:4])
    return text + (f" and {len(shown) - 4} more" if len(shown) > 4 else "")


def check_areas_agree(infos) -> None:
    """Raise AreaDisagreement when two languages' blocks cover different places;
    languages without any <area> say nothing about it and are not compared."""
    by_language = {}
    for info in infos:
        by_language.setdefault(_text(info, "cap:language") or "en-US", []).append(info)
    covered = {}
    for language, blocks in by_language.items():
        places = _places(blocks)
        if places:
            covered.setdefault(places, language)
    if len(covered) > 1:
        raise AreaDisagreement(
            "The <info> blocks disagree on <area>: "
            + "; ".join(f"{language} covers {_summary(p)}" for p, language in covered.items())
            + "; an alert has one area."
        )
