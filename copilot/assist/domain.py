"""A company's domain: one folder that says what its customers call about and how to help them.

    domains/parcels/
      domain.yaml          name, company, languages, teams, intents (each one's route and label)
      examples.yaml        example lines per intent and language: what the intent model learns
      eval/intents.yaml    labelled lines kept apart from the examples (`copilot domain eval`)
      eval/kb_questions.yaml  questions per language and the article that answers each
      kb/<language>/*.md   knowledge-base articles (knowledge.py)
      playbooks/*.yaml     next steps per intent (playbooks.py)
      templates/<language>.yaml  the follow-up draft per intent, and a fallback (drafts.py)
      vocabulary.yaml      whisper's prompt, the cue words for affect, the urgency words

`[assist] domain` selects the folder; docs/domain.md documents every field. This module
reads the folder's own files (domain.yaml, vocabulary.yaml, templates) into a `Domain` and
says what is wrong with them as `Problem`s; domain_check.py checks the rest (examples,
articles, playbooks, held-out lines) and is where a validated domain is loaded.
"""

from __future__ import annotations

import dataclasses
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("en", "nl")  # the languages copilot serves calls in
OTHER = "other"  # the intent of a line that is none of the others: every domain has it
# The cue topics a domain may add words to: the affect stage's phrase topics (affect/text.py),
# which the sidebar words in both languages. Words for the first three escalate at once
# (`[affect] escalation_phrases`).
CUE_TOPICS = (
    "asks for a manager",
    "cancel threat",
    "formal complaint",
    "repeated contact",
    "strong wording",
    "not sure",
    "worry",
    "hedge",
    "bereavement",
    "debt",
    "illness",
    "distress",
)
URGENCY_KINDS = ("critical", "deadline")  # words of harm, words of a deadline (urgency.py)
TEMPLATE_FIELDS = ("subject", "body")
FALLBACK_TEMPLATE = "fallback"  # the draft of an intent that has no template of its own

DOMAIN_FILE = "domain.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
EXAMPLES_FILE = "examples.yaml"
EVAL_INTENTS = "eval/intents.yaml"
EVAL_INTENTS_BLIND = "eval/intents_blind.yaml"  # optional second held-out set
EVAL_KB_QUESTIONS = "eval/kb_questions.yaml"
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a domain folder: an error stops it being used, a warning does not."""

    severity: str  # "error" or "warning"
    where: str  # the file, relative to the domain folder
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


class DomainError(ValueError):
    """A domain folder that cannot be used; the message lists every error."""

    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n  ".join(str(p) for p in problems)
        super().__init__(f"domain {root} cannot be used (`copilot domain check`):\n  {lines}")


@dataclass(frozen=True)
class Domain:
    """What a domain folder says, read; the examples and articles stay in their files."""

    root: Path
    name: str
    company: str
    languages: tuple[str, ...]
    intents: tuple[str, ...]  # in the order of domain.yaml; `other` among them
    teams: tuple[str, ...]
    default_team: str
    routes: dict[str, str] = field(default_factory=dict)  # intent -> team
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # "intent.x" -> lang -> words
    whisper_prompt: dict[str, str] = field(default_factory=dict)  # language -> prompt
    cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # topic -> lang
    urgency: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # kind -> lang
    templates: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # lang -> name

    @property
    def kb_path(self) -> Path:
        """The knowledge base: one folder of articles per language."""
        return self.root / "kb"

    @property
    def playbooks_path(self) -> Path:
        """The playbooks: one YAML file of next steps per intent."""
        return self.root / "playbooks"

    @property
    def examples_path(self) -> Path:
        """The example lines the intent model learns from."""
        return self.root / EXAMPLES_FILE

    def team_for(self, intent: str) -> str:
        """The team a contact of `intent` is routed to: its route, else the default team."""
        return self.routes.get(intent, self.default_team)

    def catalogue(self) -> dict[str, dict[str, str]]:
        """The domain's labels as catalogue entries: {language: {"intent.x": words}}."""
        out: dict[str, dict[str, str]] = {}
        for key, by_language in self.labels.items():
            for language, words in by_language.items():
                out.setdefault(language, {})[key] = words
        return out

    def patterns(self, part: str) -> dict[str, dict[str, list[str]]]:
        """`cues` or `urgency` as regular expressions: {topic or kind: {language: [...]}}."""
        chosen = self.cues if part == "cues" else self.urgency
        return {
            name: {lang: [phrase_pattern(p) for p in phrases] for lang, phrases in by_lang.items()}
            for name, by_lang in chosen.items()
        }


def phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regular expression: words match as written (any case), `*`
    is any ending of a word ("opzeg*": opzeggen, opzegging), spaces any whitespace."""
    words = phrase.split()
    return r"\s+".join(re.escape(w).replace(r"\*", r"\w*") for w in words)


def read_yaml(path: Path, problems: list[Problem], root: Path, required: bool = True) -> Any:
    """A YAML file's content; a missing or broken file becomes a problem (None returned)."""
    where = _where(path, root)
    if not path.is_file():
        if required:
            problems.append(Problem("error", where, "the file is missing"))
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem("error", where, f"not valid YAML: {one_line(exc)}"))
        return None


def read_domain(root: Path) -> tuple[Domain | None, list[Problem]]:
    """domain.yaml, vocabulary.yaml and the templates read; None when domain.yaml is unusable."""
    problems: list[Problem] = []
    data = read_yaml(root / DOMAIN_FILE, problems, root)
    if data is None:
        return None, problems
    if not isinstance(data, dict):
        problems.append(Problem("error", DOMAIN_FILE, "must be a mapping of fields"))
        return None, problems
    report = _Report(problems, DOMAIN_FILE)
    languages = _languages(data.get("languages"), report)
    teams, labels = _teams(data.get("teams"), languages, report)
    default_team = str(data.get("default_team") or "")
    if not default_team:
        report.error("`default_team` is missing: the team of intents without a route")
    elif default_team not in teams:
        report.error(f"default_team {default_team!r} is not one of the teams ({_names(teams)})")
    intents, routes = _intents(data.get("intents"), teams, languages, labels, report)
    for key in ("name", "company"):
        if not str(data.get(key) or "").strip():
            report.error(f"`{key}` is missing")
    domain = Domain(
        root=root,
        name=str(data.get("name") or root.name),
        company=str(data.get("company") or ""),
        languages=languages,
        intents=intents,
        teams=teams,
        default_team=default_team,
        routes=routes,
        labels=labels,
    )
    vocabulary = _vocabulary(root, languages, problems)
    templates = _templates(root, languages, intents, problems)
    return dataclasses.replace(domain, templates=templates, **vocabulary), problems


@lru_cache(maxsize=16)
def whisper_prompts(root: Path) -> dict[str, str]:
    """Only the whisper prompts of a domain's vocabulary.yaml (read once per process): what the
    transcriber needs without reading the rest; a broken file gives no prompts."""
    problems: list[Problem] = []
    data = read_yaml(root / VOCABULARY_FILE, problems, root, required=False)
    prompts = data.get("whisper_prompt") if isinstance(data, dict) else None
    if not isinstance(prompts, dict):
        return {}
    return {str(k): str(v or "").strip() for k, v in prompts.items()}


# -- the parts of domain.yaml ------------------------------------------------------------


@dataclass
class _Report:
    """Problems found in one file."""

    problems: list[Problem]
    where: str

    def error(self, message: str) -> None:
        self.problems.append(Problem("error", self.where, message))

    def warning(self, message: str) -> None:
        self.problems.append(Problem("warning", self.where, message))


def _languages(raw: Any, report: _Report) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        report.error(f"`languages` must list the languages of the calls ({', '.join(LANGUAGES)})")
        return ()
    unknown = [str(x) for x in raw if x not in LANGUAGES]
    if unknown:
        report.error(f"languages {unknown} not served; copilot serves {', '.join(LANGUAGES)}")
    return tuple(x for x in LANGUAGES if x in raw)


def _teams(
    raw: Any, languages: tuple[str, ...], report: _Report
) -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    if not isinstance(raw, dict) or not raw:
        report.error("`teams` must name the teams contacts are routed to, each with its labels")
        return (), {}
    labels: dict[str, dict[str, str]] = {}
    for team, words in raw.items():
        _check_code("team", team, report)
        labels[f"team.{team}"] = _labels(f"team {team!r}", words, languages, report)
    return tuple(str(t) for t in raw), labels


def _intents(
    raw: Any,
    teams: tuple[str, ...],
    languages: tuple[str, ...],
    labels: dict[str, dict[str, str]],
    report: _Report,
) -> tuple[tuple[str, ...], dict[str, str]]:
    if not isinstance(raw, dict) or not raw:
        report.error("`intents` must map each intent to its route and labels")
        return (OTHER,), {}
    routes: dict[str, str] = {}
    for intent, spec in raw.items():
        _check_code("intent", intent, report)
        spec = spec if isinstance(spec, dict) else {}
        route = str(spec.get("route") or "")
        if route and route not in teams:
            report.error(
                f"intent {intent!r} routes to unknown team {route!r} (teams: {_names(teams)})"
            )
        elif route:
            routes[str(intent)] = route
        elif intent != OTHER:
            report.warning(f"intent {intent!r} has no `route`: it goes to the default team")
        labels[f"intent.{intent}"] = _labels(
            f"intent {intent!r}", spec.get("label"), languages, report
        )
    if OTHER not in raw:
        report.error(f"intent {OTHER!r} is missing: every domain needs it (none of the others)")
    return tuple(str(i) for i in raw), routes


def _labels(what: str, raw: Any, languages: tuple[str, ...], report: _Report) -> dict[str, str]:
    """A label per language; one missing leaves the sidebar showing the code."""
    raw = raw if isinstance(raw, dict) else {}
    missing = [lang for lang in languages if not str(raw.get(lang) or "").strip()]
    if missing:
        report.warning(f"{what} has no label in {', '.join(missing)} (the sidebar shows its code)")
    return {str(k): str(v).strip() for k, v in raw.items() if k in languages and v}


def _check_code(kind: str, code: Any, report: _Report) -> None:
    if not isinstance(code, str) or not _CODE.match(code):
        report.error(f"{kind} {code!r} must be a code: lower case letters, digits and _")


# -- vocabulary.yaml and the templates ----------------------------------------------------


def _vocabulary(root: Path, languages: tuple[str, ...], problems: list[Problem]) -> dict:
    data = read_yaml(root / VOCABULARY_FILE, problems, root)
    report = _Report(problems, VOCABULARY_FILE)
    if data is None:
        return {}
    if not isinstance(data, dict):
        report.error("must be a mapping with whisper_prompt, cues and urgency")
        return {}
    known = {"whisper_prompt", "cues", "urgency"}
    for key in sorted(set(map(str, data)) - known):
        report.error(f"unknown section {key!r} (known: {', '.join(sorted(known))})")
    prompts = data.get("whisper_prompt") or {}
    if not isinstance(prompts, dict):
        report.error("`whisper_prompt` must map a language to a prompt")
        prompts = {}
    for language in languages:
        if language not in prompts:
            report.warning(f"no whisper_prompt for {language} ('' says none on purpose)")
    prompt = {str(k): str(v or "").strip() for k, v in prompts.items() if k in languages}
    cues = _phrase_lists("cues", data.get("cues"), CUE_TOPICS, languages, report)
    urgency = _phrase_lists("urgency", data.get("urgency"), URGENCY_KINDS, languages, report)
    return {"whisper_prompt": prompt, "cues": cues, "urgency": urgency}


def _phrase_lists(
    section: str, raw: Any, names: tuple[str, ...], languages: tuple[str, ...], report: _Report
) -> dict[str, dict[str, tuple[str, ...]]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        report.error(f"`{section}` must map each of {', '.join(names)} to phrases per language")
        return {}
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, by_language in raw.items():
        if name not in names:
            report.error(f"{section}: unknown {name!r} (known: {', '.join(names)})")
            continue
        for language, phrases in (by_language if isinstance(by_language, dict) else {}).items():
            if language not in languages:
                report.error(f"{section} {name!r}: language {language!r} is not in domain.yaml")
                continue
            if not isinstance(phrases, list) or not all(
                isinstance(p, str) and p.strip() for p in phrases
            ):
                report.error(f"{section} {name!r} {language}: must be a list of phrases")
                continue
            out.setdefault(name, {})[language] = tuple(p.strip() for p in phrases)
    return out


def _templates(
    root: Path, languages: tuple[str, ...], intents: tuple[str, ...], problems: list[Problem]
) -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    for language in languages:
        path = root / "templates" / f"{language}.yaml"
        data = read_yaml(path, problems, root)
        report = _Report(problems, _where(path, root))
        if data is None:
            continue
        if not isinstance(data, dict):
            report.error("must map an intent (or `fallback`) to its subject and body")
            continue
        if FALLBACK_TEMPLATE not in data:
            report.error(f"`{FALLBACK_TEMPLATE}` is missing: the draft of any other intent")
        for name, template in data.items():
            if name != FALLBACK_TEMPLATE and name not in intents:
                report.error(f"template for unknown intent {name!r}")
                continue
            if not isinstance(template, dict) or any(
                not str(template.get(f) or "").strip() for f in TEMPLATE_FIELDS
            ):
                report.error(f"template {name!r} needs a `subject` and a `body`")
                continue
            out.setdefault(language, {})[str(name)] = {f: str(template[f]) for f in TEMPLATE_FIELDS}
    return out


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a template text."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"{"}  # an unbalanced brace: reported as an unknown placeholder


def _names(items: tuple[str, ...]) -> str:
    return ", ".join(items) or "none"


def _where(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def one_line(exc: Exception) -> str:
    """An exception's message on one line (YAML's span several)."""
    return " ".join(str(exc).split())
