"""Dutch or English for a line of text, for chat turns that come without a language.

Counts very common function words of each language; enough to pick the reply
language of a chat message, and free. Ties and empty text fall back to the default.
"""

from __future__ import annotations

import re

MARKERS = {
    "nl": frozenset(
        "de het een en ik je u mijn niet is dat van op te met voor naar maar wat waar hoe "
        "wanneer waarom ben heb kan wil graag bedankt hallo goedemorgen pakket nog al ook er".split()
    ),
    "en": frozenset(
        "the a an and i you my not is that of on to with for but what where how when why am "
        "have can want please thanks hello morning parcel still already also there it".split()
    ),
}
_WORD = re.compile(r"[a-zà-ÿ']+")


def guess_language(text: str, default: str = "en") -> str:
    """Whichever of "nl" and "en" has more marker words in `text`; `default` on a tie."""
    words = _WORD.findall(text.lower())
    counts = {lang: sum(w in markers for w in words) for lang, markers in MARKERS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return default
    return best
