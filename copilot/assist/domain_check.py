"""`copilot domain check`: everything in a domain folder read and checked, with clear messages.

domain.py reads domain.yaml, vocabulary.yaml and the templates; this module checks the
rest against them: the example lines (every intent in every language, no line in two
intents), the held-out lines (better none also an example), the articles (an `id` and a `title`,
known intents), the playbooks (known intents, every step in every language) and the
templates' placeholders, and the calibrated floors (floors.json: known languages and
conditions, every floor a number in [0, 1], a warning where a language or condition was
not calibrated or its intent floor had no evidence to rest on: 1.0, no intent shows).
Errors stop a domain from being used (`load_domain` raises); warnings say what will work
less well. A server checks its domain at start-up, so a broken folder fails there with the
same messages, never on a call.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from copilot.assist.domain import (
    EVAL_INTENTS,
    EVAL_INTENTS_BLIND,
    EVAL_KB_QUESTIONS,
    EXAMPLES_FILE,
    FALLBACK_TEMPLATE,
    OTHER,
    Domain,
    DomainError,
    Problem,
    one_line,
    placeholders,
    read_domain,
    read_yaml,
)
from copilot.assist.drafts import PHRASES
from copilot.assist.facts import PATTERNS
from copilot.assist.floors import (
    CONDITIONS,
    FLOORS_FILE,
    NO_EVIDENCE,
    Floors,
    FloorsError,
    floor_table,
    read_floors_file,
)
from copilot.assist.knowledge import front_matter, read_article
from copilot.assist.playbooks import PlaybookError, read_playbook

# Fewer example lines than this per intent and language give the model little to go on (the
# shipped domains have 30 or more): a rule of thumb for a warning, not a measured limit.
FEW_EXAMPLES = 10
# What a template may fill in: the contact's facts, the best article's passage, the next step.
TEMPLATE_VALUES = frozenset(
    {*PATTERNS, "street", "house_number", "address", "name", "passage", "next_step"}
    | {key for phrases in PHRASES.values() for key in phrases}
)
Example = tuple[str, str, str]  # (text, intent, language)


@dataclass
class DomainCheck:
    """What `check_domain` found: the domain as read (None if unusable), problems, counts."""

    root: Path
    domain: Domain | None
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)  # what the folder holds, for people

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the domain from being used."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that make it work less well."""
        return [p for p in self.problems if p.severity == "warning"]


def check_domain(root: str | Path) -> DomainCheck:
    """Read and check every file of the domain folder `root`."""
    root = Path(root)
    if not root.is_dir():
        missing = Problem("error", str(root), "no such folder")
        return DomainCheck(root, None, [missing])
    domain, problems = read_domain(root)
    check = DomainCheck(root, domain, problems)
    if domain is None:
        return check
    examples = read_examples(root, EXAMPLES_FILE, domain, problems)
    _check_examples(domain, examples, problems)
    check.counts["examples"] = dict(Counter(lang for _, _, lang in examples))
    _check_held_out(root, domain, examples, problems, check.counts)
    articles = _check_articles(domain, problems)
    check.counts["articles"] = {lang: len(ids) for lang, ids in articles.items()}
    _check_questions(root, domain, articles, problems, check.counts)
    check.counts["playbooks"] = _check_playbooks(domain, problems)
    _check_templates(domain, problems)
    _check_floors(root, domain, problems)
    return check


def load_domain(root: str | Path) -> Domain:
    """The domain in `root`, checked; DomainError listing every error if it cannot be used."""
    check = check_domain(root)
    if check.errors or check.domain is None:
        raise DomainError(Path(root), check.errors)
    return check.domain


def read_examples(root: Path, name: str, domain: Domain, problems: list[Problem]) -> list[Example]:
    """(text, intent, language) of an `intent: {language: [lines]}` file; what does not fit
    domain.yaml is reported and left out."""
    data = read_yaml(root / name, problems, root)
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(Problem("error", name, "must map each intent to lines per language"))
        return []
    out: list[Example] = []
    for intent, by_language in data.items():
        if intent not in domain.intents:
            problems.append(Problem("error", name, f"intent {intent!r} is not in domain.yaml"))
            continue
        for language, lines in (by_language if isinstance(by_language, dict) else {}).items():
            if language not in domain.languages:
                problems.append(
                    Problem("error", name, f"{intent}: language {language!r} is not in domain.yaml")
                )
                continue
            if not isinstance(lines, list) or not all(isinstance(t, str) for t in lines):
                problems.append(Problem("error", name, f"{intent} {language}: must list lines"))
                continue
            out += [(t.strip(), str(intent), str(language)) for t in lines if t.strip()]
    return out


def same_line(text: str) -> str:
    """What two lines must share to count as the same line: case, spaces and end marks aside."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())


def _check_examples(domain: Domain, examples: list[Example], problems: list[Problem]) -> None:
    counts = Counter((intent, lang) for _, intent, lang in examples)
    for intent in domain.intents:
        for language in domain.languages:
            n = counts[(intent, language)]
            if not n:
                message = f"intent {intent!r} has no example lines in {language}"
                problems.append(Problem("error", EXAMPLES_FILE, message))
            elif n < FEW_EXAMPLES:
                message = f"intent {intent!r} has only {n} example lines in {language}"
                problems.append(Problem("warning", EXAMPLES_FILE, f"{message} (aim for 20+)"))
    first_intent: dict[str, str] = {}
    listed: set[tuple[str, str, str]] = set()
    for text, intent, language in examples:
        key = same_line(text)
        first = first_intent.setdefault(key, intent)
        if first != intent:
            message = f"{text!r} is an example of both {first!r} and {intent!r}"
            problems.append(Problem("error", EXAMPLES_FILE, message))
        elif (key, intent, language) in listed:
            message = f"{text!r} is listed twice for {intent!r}"
            problems.append(Problem("warning", EXAMPLES_FILE, message))
        listed.add((key, intent, language))


def _check_held_out(
    root: Path,
    domain: Domain,
    examples: list[Example],
    problems: list[Problem],
    counts: dict[str, Any],
) -> None:
    """Held-out lines should be apart from the examples, or `domain eval` measures memory."""
    trained = {same_line(t) for t, _, _ in examples}
    for name, required in ((EVAL_INTENTS, True), (EVAL_INTENTS_BLIND, False)):
        if not (root / name).is_file():
            if required:
                message = "no held-out lines: `copilot domain eval` has nothing to measure"
                problems.append(Problem("warning", name, message))
            continue
        held_out = read_examples(root, name, domain, problems)
        counts[name] = dict(Counter(lang for _, _, lang in held_out))
        for text, _, _ in held_out:
            if same_line(text) in trained:
                message = f"{text!r} is also an example line: its result is memory, not skill"
                problems.append(Problem("warning", name, message))
        have = {(intent, lang) for _, intent, lang in held_out}
        for language in domain.languages:
            lacking = [i for i in domain.intents if (i, language) not in have]
            if lacking and required:
                message = f"no held-out lines in {language} for {', '.join(lacking)}"
                problems.append(Problem("warning", name, message))


def _check_articles(domain: Domain, problems: list[Problem]) -> dict[str, set[str]]:
    """Article ids per language; every article needs an `id`, a `title` and some text."""
    ids: dict[str, set[str]] = {}
    for language in domain.languages:
        folder = domain.kb_path / language
        files = sorted(folder.rglob("*.md")) if folder.is_dir() else []
        if not files:
            message = f"no articles in {language}: the knowledge base needs kb/{language}/*.md"
            problems.append(Problem("error", "kb", message))
        ids[language] = set()
        for path in files:
            article = _check_article(domain, path, problems)
            if article in ids[language]:
                where = path.relative_to(domain.root).as_posix()
                problems.append(Problem("error", where, f"id {article!r} is used twice"))
            if article:
                ids[language].add(article)
    for language, mine in ids.items():
        for other, theirs in ids.items():
            for article in sorted(theirs - mine) if other != language else ():
                message = f"article {article!r} has no {language} version"
                problems.append(Problem("warning", f"kb/{other}", message))
    return ids


def _check_article(domain: Domain, path: Path, problems: list[Problem]) -> str:
    where = path.relative_to(domain.root).as_posix()
    try:
        meta, _ = front_matter(path.read_text(encoding="utf-8"))
        passages = read_article(path, domain.kb_path) if "id" in meta else []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem("error", where, f"front matter is not valid YAML: {one_line(exc)}"))
        return ""
    if "id" not in meta:
        problems.append(Problem("error", where, "article without an `id` in its front matter"))
        return ""
    if not str(meta.get("title") or "").strip():
        problems.append(Problem("error", where, "article without a title (front matter `title`)"))
    unknown = [i for i in meta.get("intents") or () if i not in domain.intents]
    if unknown:
        problems.append(Problem("error", where, f"unknown intents {unknown} in `intents`"))
    if not passages:
        problems.append(Problem("warning", where, "the article has no text to show"))
    return str(meta["id"])


def _check_questions(
    root: Path,
    domain: Domain,
    articles: dict[str, set[str]],
    problems: list[Problem],
    counts: dict[str, Any],
) -> None:
    data = read_yaml(root / EVAL_KB_QUESTIONS, problems, root, required=False)
    if data is None:
        message = "no knowledge-base questions: `domain eval` cannot measure article recall"
        problems.append(Problem("warning", EVAL_KB_QUESTIONS, message))
        return
    every = set().union(*articles.values()) if articles else set()
    counts[EVAL_KB_QUESTIONS] = {}
    for language, rows in (data if isinstance(data, dict) else {}).items():
        if language not in domain.languages or not isinstance(rows, list):
            message = f"{language!r} must be a language of domain.yaml with a list of questions"
            problems.append(Problem("error", EVAL_KB_QUESTIONS, message))
            continue
        counts[EVAL_KB_QUESTIONS][language] = len(rows)
        for row in rows:
            if not isinstance(row, dict) or not row.get("q") or not row.get("article"):
                message = f"{language}: each question needs `q` and `article`, not {row!r}"
                problems.append(Problem("error", EVAL_KB_QUESTIONS, message))
            elif row["article"] not in every:
                message = f"{language}: {row['q']!r} names unknown article {row['article']!r}"
                problems.append(Problem("error", EVAL_KB_QUESTIONS, message))


def _check_playbooks(domain: Domain, problems: list[Problem]) -> int:
    folder = domain.playbooks_path
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    covered: set[str] = set()
    for path in files:
        where = path.relative_to(domain.root).as_posix()
        try:
            book = read_playbook(path)
        except (PlaybookError, yaml.YAMLError, TypeError, AttributeError) as exc:
            problems.append(Problem("error", where, f"cannot be read: {one_line(exc)}"))
            continue
        if book.intent not in domain.intents:
            problems.append(Problem("error", where, f"playbook for unknown intent {book.intent!r}"))
        elif book.intent in covered:
            problems.append(Problem("error", where, f"a second playbook for {book.intent!r}"))
        covered.add(book.intent)
        for step in book.steps:
            missing = [lang for lang in domain.languages if not step.text.get(lang)]
            if missing:
                message = f"step {step.step_id!r} has no text in {', '.join(missing)}"
                problems.append(Problem("error", where, message))
        if book.drafts:
            message = "`draft` in a playbook is still read; templates/<language>.yaml is its place"
            problems.append(Problem("warning", where, message))
    for intent in domain.intents:
        if intent != OTHER and intent not in covered:
            message = f"intent {intent!r} has no playbook: no next steps are suggested for it"
            problems.append(Problem("warning", "playbooks", message))
    return len(files)


def _check_templates(domain: Domain, problems: list[Problem]) -> None:
    for language in domain.languages:
        templates = domain.templates.get(language, {})
        where = f"templates/{language}.yaml"
        for name, template in templates.items():
            unknown = sorted(set().union(*map(placeholders, template.values())) - TEMPLATE_VALUES)
            if unknown:
                message = f"template {name!r}: unknown placeholders {unknown}"
                problems.append(Problem("error", where, f"{message} (known: see docs/domain.md)"))
        lacking = [i for i in domain.intents if i != OTHER and i not in templates]
        if templates and lacking:
            message = (
                f"no template for {', '.join(lacking)}: their drafts use `{FALLBACK_TEMPLATE}`"
            )
            problems.append(Problem("warning", where, message))


def _check_floors(root: Path, domain: Domain, problems: list[Problem]) -> None:
    """floors.json, if the folder has one: readable, known cases, numbers in [0, 1]."""
    path = root / FLOORS_FILE
    if not path.is_file():
        message = "no calibrated floors: [assist]'s own bars apply (make calibrate-assist)"
        problems.append(Problem("warning", FLOORS_FILE, message))
        return
    try:
        data = read_floors_file(path)
        table = floor_table(data, Floors(0.0, 0.0, 0.0, 0.0), str(path))
    except FloorsError as exc:  # unreadable, not JSON, or a bad entry: named in the message
        problems.append(Problem("error", FLOORS_FILE, str(exc).removeprefix(f"{path}: ")))
        return
    # A file from before the bar of changing an intent was calibrated: the configured one.
    for language, conditions in sorted(data["floors"].items()):
        older = [c for c, values in (conditions or {}).items() if "intent_switch" not in values]
        if older:
            message = (
                f"no intent_switch for {language} {', '.join(older)}: [assist]"
                " switch_intent_confidence applies there (make calibrate-assist)"
            )
            problems.append(Problem("warning", FLOORS_FILE, message))
    named = {language for language, _ in table.by_case}
    for language in sorted(named - set(domain.languages)):
        message = f"floors for {language!r}, which the domain does not speak"
        problems.append(Problem("error", FLOORS_FILE, message))
    for language in domain.languages:
        # A chat the file leaves out has the floors of typed words (FloorTable.case_for).
        missing = [c for c in CONDITIONS if table.case_for(language, c) is None]
        if missing:
            message = (
                f"no floors for {language} {', '.join(missing)}: [assist]'s own bars apply there"
            )
            problems.append(Problem("warning", FLOORS_FILE, message))
        # Cases the file leaves out fall back to intent 0.0 here: they warn above instead.
        unproven = [c for c in CONDITIONS if table.floors_for(language, c).intent >= NO_EVIDENCE]
        if unproven:
            message = (
                f"no intent shows for {language} {', '.join(unproven)}: its development calls"
                " gave too few cards to calibrate on (label calls of your own there, then"
                " make calibrate-assist)"
            )
            problems.append(Problem("warning", FLOORS_FILE, message))
        fixed = [
            c
            for c in CONDITIONS
            if c not in unproven and table.floors_for(language, c).intent_switch >= NO_EVIDENCE
        ]
        if fixed:
            message = (
                f"an intent never changes for {language} {', '.join(fixed)}: its development"
                " calls changed too few to calibrate on, so the first intent stays, a heard"
                " line always needs another that agrees, a call opened for another company"
                ' gets none and no "no article covers this" is raised (label calls of your'
                " own there, then make calibrate-assist)"
            )
            problems.append(Problem("warning", FLOORS_FILE, message))
