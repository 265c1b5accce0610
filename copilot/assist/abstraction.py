"""What one contact's words may teach every later contact: the text with the contact taken out.

House rule: personal data never crosses contacts. A draft an agent sent, or a customer's
quote behind an intent correction, is learned only in abstracted form (the raw text stays
in the learner's log, scoped to its call and erased with it):
- the greeting line keeps its salutation and gets `{name}` ("Beste mevrouw X," -> "Beste {name},");
- the contact's facts (the draft's filled-in values) become their placeholder when a draft
  can fill one in again (`LEARNABLE_FACTS`); tracking codes, order numbers, postcodes,
  numeric dates and amounts found by the fact patterns do too;
- a sentence that still holds a digit or an "@" (ids, customer numbers, phone, e-mail,
  IBAN, house number), another of the contact's values, a part of their name, or any word
  outside the shared vocabulary is left out. The shared vocabulary is what every contact
  may see anyway: the shipped templates, playbook steps, knowledge-base articles and intent
  examples, per language. So a rare phrase ("zanzibar quokka") or a surname never survives;
- when less than half of the agent's words (or fewer than `MIN_KEPT_WORDS`) are left, the
  text is too much about this contact to be a template and nothing is learned.
A quote loses its personal words instead of its sentences: the intent is in the rest.
Sans-I/O: texts in, text (or None: learn nothing) out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial

from copilot.assist.facts import PATTERNS

# Facts a learned draft template may hold as placeholders: the draft writer fills them in.
LEARNABLE_FACTS = ("tracking_code", "order_number", "postcode", "date", "amount", "name", "address")
# Fact patterns whose matches become placeholders even when they are not this contact's
# known value (a second tracking code, a date the agent typed differently).
PATTERN_PLACEHOLDERS = ("tracking_code", "order_number", "postcode", "date", "amount")

# A template needs a sentence or two beyond the greeting; when more than half of what the
# agent wrote is about this contact, what is left reads as a fragment, not a message.
MIN_KEPT_WORDS = 6
MIN_KEPT_SHARE = 0.5
MIN_QUOTE_WORDS = 3  # "parcel never arrived": fewer words hardly say which intent
MIN_VALUE_LENGTH = 3  # shorter values ("5", "AB") are caught by the digit and word rules

PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_IDENTIFIER = re.compile(r"[\d@]")
_GREETING = re.compile(
    r"^\s*(?P<salutation>dear|hi|hello|hey|good (?:morning|afternoon|evening)|beste|geachte"
    r"|hallo|hoi|goedemorgen|goedemiddag|goedenavond)\b(?P<who>[^,!\n]*?)\s*(?P<end>[,!]|$)",
    re.IGNORECASE,
)
GREETING_MAX_WORDS = 5  # "Dear Mr and Mrs van der Berg-Smit," at most; longer is no greeting
# Titles and Dutch name particles ("van", "de") are no part of a name worth guarding: they
# are common words, and the surname next to them is what identifies.
NAME_FILLERS = frozenset(
    "mr mrs ms miss mx dr sir madam heer meneer mevrouw mevr mw dhr juffrouw familie fam"
    " van de der den het ter ten te la le du da di von op in t".split()
)


# Words that name a person: what follows one is a name, whatever else it also means
# ("mevrouw Groot", "Mrs White").
NAME_TITLES = frozenset(
    "mr mrs ms miss mx dr sir madam heer meneer mevrouw mevr mw dhr juffrouw familie fam".split()
)
# Spelled-out digits: two or more in a row read out a code, a number or a phone number.
NUMBER_WORDS = frozenset(
    "zero oh one two three four five six seven eight nine ten eleven twelve"
    " nul een één twee drie vier vijf zes zeven acht negen tien elf twaalf".split()
)


@dataclass(frozen=True)
class SharedVocabulary:
    """Per language, the lower-case words any contact may see (shipped, not learned, text),
    and the words the shipped text itself writes capitalised mid-sentence (product names,
    English weekdays): any other capitalised word there is taken for a name."""

    by_language: Mapping[str, frozenset[str]]
    proper: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def allows(self, word: str, language: str) -> bool:
        """Whether `word` is shipped in `language` (in any language, if we ship none in it)."""
        words = self.by_language.get(language)
        if words is None:  # a language we ship nothing in: any shipped word
            return any(word in known for known in self.by_language.values())
        return word in words

    def shares_all(self, text: str, language: str) -> bool:
        """Whether every word of `text` is shipped, so the text may reach any other contact."""
        return all(self.allows(w, language) for w in words_of(text))

    def names_someone(self, sentence: str, language: str) -> bool:
        """Whether the sentence names a person or reads out a number, in shipped words
        ("mevrouw Groot", "Mrs White", "zeven drie negen"): a shipped word can be a surname."""
        words = _WORD.findall(sentence)
        proper = self.proper.get(language, frozenset())
        for index, word in enumerate(words):
            lower = word.lower()
            if index and lower in NAME_TITLES:
                return True  # "... bij mevrouw X": a title mid-sentence introduces a name
            if index == 0 and lower in NAME_TITLES and len(words) > 1:
                return True
            if index and word[0].isupper() and word != "I" and lower not in proper:
                return True
        return any(
            a.lower() in NUMBER_WORDS and b.lower() in NUMBER_WORDS
            for a, b in zip(words, words[1:], strict=False)
        )


def build_vocabulary(
    documents: Mapping[str, Iterable[str]], examples: Mapping[str, Iterable[str]] | None = None
) -> SharedVocabulary:
    """Every word of the `documents` (templates, steps, articles) per language; of the intent
    `examples` only words written lower case or starting a sentence, as the examples play
    customers and name made-up people and places ("..., this is Jansen")."""
    by_language: dict[str, set[str]] = {}
    proper: dict[str, set[str]] = {}
    for language, texts in documents.items():
        words = by_language.setdefault(language, set())
        for text in texts:
            plain = PLACEHOLDER.sub(" ", text)
            words.update(words_of(plain))
            proper.setdefault(language, set()).update(_capitalised_inside(plain))
    for language, texts in (examples or {}).items():
        words = by_language.setdefault(language, set())
        for text in texts:
            words.update(_common_words(text))
    return SharedVocabulary(
        {k: frozenset(v) for k, v in by_language.items()},
        {k: frozenset(v) for k, v in proper.items()},
    )


def _capitalised_inside(text: str) -> set[str]:
    """Words the text writes capitalised after a sentence's first word (lower-cased)."""
    return {
        word.lower()
        for sentence in _SENTENCE_END.split(text)
        for line in sentence.splitlines()
        for index, word in enumerate(_WORD.findall(line))
        if index and word[0].isupper()
    }


def words_of(text: str) -> list[str]:
    """The lower-case words of `text`, letters only: the unit the vocabulary checks."""
    return _WORD.findall(text.lower())


def _common_words(text: str) -> set[str]:
    out = set()
    for sentence in _SENTENCE_END.split(text):
        for index, word in enumerate(_WORD.findall(sentence)):
            if word.islower() or index == 0 or word == "I":
                out.add(word.lower())
    return out


class _Contact:
    """This contact's values: the ones a placeholder stands for, and the ones that drop a sentence."""

    def __init__(self, facts: Mapping[str, object]) -> None:
        self.placeholders: list[tuple[re.Pattern[str], str]] = []
        self.private: list[re.Pattern[str]] = []
        values = sorted(((k, str(v).strip()) for k, v in facts.items()), key=lambda kv: -len(kv[1]))
        for key, value in values:
            if len(value) < MIN_VALUE_LENGTH:
                continue
            if key in LEARNABLE_FACTS:
                # A name only as written: "Post" is a name, "post" the word (the name-part
                # rule still drops a sentence with either).
                pattern = _loose(value, ignore_case=key != "name")
                self.placeholders.append((pattern, "{" + key + "}"))
            else:
                self.private.append(_loose(value))
        self.name_parts = {
            w for w in words_of(str(facts.get("name", ""))) if w not in NAME_FILLERS and len(w) > 1
        }

    def to_placeholders(self, text: str) -> str:
        for pattern, placeholder in self.placeholders:
            text = pattern.sub(placeholder, text)
        return text

    def mentioned_in(self, text: str) -> bool:
        return bool(self.name_parts & set(words_of(text))) or any(
            p.search(text) for p in self.private
        )


def _loose(value: str, ignore_case: bool = True) -> re.Pattern[str]:
    """The value written with or without spaces ("3512CD" ~ "3512 cd"), any case by default."""
    chars = [re.escape(c) for c in value if not c.isspace()]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)" + r"\s?".join(chars) + r"(?!\w)", flags)


def _pattern_placeholders(text: str) -> str:
    for name in PATTERN_PLACEHOLDERS:
        text = PATTERNS[name].sub(partial(_placeholder_for, name=name), text)
    return text


def _placeholder_for(match: re.Match[str], name: str) -> str:
    whole = match.group(0)
    if not any(c.isdigit() for c in whole):
        return whole  # "Friday" is a date to the fact finder, but nobody's data
    if name == "postcode" and not whole[-2:].isupper():
        return whole  # "2024 is": a year before a word, not a postcode; the digit rule has it
    group = next((i for i in range(1, (match.lastindex or 0) + 1) if match.group(i)), 0)
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    return whole[:start] + "{" + name + "}" + whole[end:]


def _no_braces(text: str) -> str:
    """The agent's own braces go, so only our placeholders are ever filled in."""
    return text.replace("{", "").replace("}", "")


def _abstract_sentence(
    sentence: str, contact: _Contact, language: str, vocabulary: SharedVocabulary
) -> str | None:
    text = _pattern_placeholders(contact.to_placeholders(sentence))
    bare = PLACEHOLDER.sub(" ", text)
    if _IDENTIFIER.search(bare) or contact.mentioned_in(bare):
        return None
    if vocabulary.names_someone(bare, language):
        return None
    return text if vocabulary.shares_all(bare, language) else None


def _split_greeting(line: str) -> tuple[str, str]:
    """("Dear {name},", the rest of the line) when the line opens with a greeting."""
    found = _GREETING.match(line)
    if not found or len(found.group("who").split()) > GREETING_MAX_WORDS:
        return "", line
    salutation, end = found.group("salutation"), found.group("end")
    if found.group("who").strip():
        return f"{salutation} {{name}}{end or ','}", line[found.end() :].strip()
    return f"{salutation}{end}", line[found.end() :].strip()


def abstract_draft(
    text: str, facts: Mapping[str, object], language: str, vocabulary: SharedVocabulary
) -> str | None:
    """The sent draft as a template every contact may get, or None when too little is left."""
    contact = _Contact(facts)
    lines = _no_braces(text).strip().splitlines() or [""]
    greeting, lines[0] = _split_greeting(lines[0])
    kept_lines: list[str | None] = []  # None: a line with nothing left to share
    sent_words = kept_words = 0
    for line in lines:
        sentences = [s for s in _SENTENCE_END.split(line.strip()) if s]
        kept = [
            a
            for s in sentences
            if (a := _abstract_sentence(s, contact, language, vocabulary)) is not None
        ]
        sent_words += sum(len(s.split()) for s in sentences)
        kept_words += sum(len(s.split()) for s in kept)
        kept_lines.append(" ".join(kept) if kept or not sentences else None)
    if kept_words < max(MIN_KEPT_WORDS, MIN_KEPT_SHARE * sent_words):
        return None
    if greeting:
        kept_lines[0] = f"{greeting} {kept_lines[0]}" if kept_lines[0] else greeting
    return _tidy([line for line in kept_lines if line is not None])


def _tidy(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def abstract_quote(
    text: str,
    language: str,
    vocabulary: SharedVocabulary | None = None,
    facts: Mapping[str, object] | None = None,
) -> str | None:
    """A customer's words as an intent example: ids, numbers, e-mail, phone, the contact's
    values and name and (given a vocabulary) every word outside it left out; None when
    fewer than `MIN_QUOTE_WORDS` words remain. Without a vocabulary only the first rules
    apply (the offline learning curve, which learns from shipped examples only)."""
    contact = _Contact(facts or {})

    def shareable(token: str, before: str) -> bool:
        if _IDENTIFIER.search(token) or contact.mentioned_in(token):
            return False
        if before.lower().strip(",.!?") in NAME_TITLES or token.lower() in NUMBER_WORDS:
            return False  # the name after "mevrouw", a digit read out
        if vocabulary is None:
            return True
        named = before and token[:1].isupper() and token != "I"
        if (
            named
            and words_of(token)
            and words_of(token)[0] not in vocabulary.proper.get(language, frozenset())
        ):
            return False  # capitalised mid-sentence: a name, even when also a word
        return vocabulary.shares_all(token, language)

    tokens = _no_braces(text).split()
    kept = [
        t for i, t in enumerate(tokens) if words_of(t) and shareable(t, tokens[i - 1] if i else "")
    ]
    return " ".join(kept) if len(kept) >= MIN_QUOTE_WORDS else None
