"""The knowledge base: a folder of markdown articles, searched by meaning and by words.

Each article is a markdown file with a small front matter (`id`, `title`,
`intents`); translations of one article share its `id` and live in a folder
named after their language (`kb/en/`, `kb/nl/`). Articles are cut into passages
at `##` headings. A query scores every passage by cosine similarity in the
shared sentence encoder's space (which matches a Dutch question to an English
passage) plus BM25 (which catches exact words); an article scores as its best
passage. Files are re-read when they change, so an edited article is live on
the next query without a restart.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from copilot.assist.bm25 import BM25Index
from copilot.assist.intents import unit_rows
from copilot.encoders.sentence import SentenceEncoder

# Weight of the embedding score against BM25 (scaled to the query's best passage);
# chosen on the articles themselves (their section headings as queries), not on the questions.
EMBEDDING_WEIGHT = 0.7
SAME_LANGUAGE_BONUS = 0.05  # between two translations, show the customer's language
RELOAD_CHECK_S = 1.0  # at most one folder scan per second

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


@dataclass(frozen=True)
class Passage:
    """One `##` section of an article: the unit that is embedded, scored and shown."""

    article_id: str
    title: str
    language: str
    heading: str
    text: str
    path: str
    intents: tuple[str, ...]


@dataclass(frozen=True)
class ArticleMatch:
    """A search result: an article's best passage, its ranking score and the cosine shown."""

    article_id: str
    title: str
    language: str
    heading: str
    passage: str
    path: str
    score: float  # fused score used for ranking
    similarity: float  # cosine of the best passage, 0..1: the confidence shown to people
    intents: tuple[str, ...]


class KnowledgeBaseError(ValueError):
    """An article that cannot be read; the message names the file."""


def front_matter(text: str) -> tuple[dict, str]:
    """An article's front matter ({} without one) and the markdown after it."""
    match = _FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    return (meta if isinstance(meta, dict) else {}), (text[match.end() :] if match else text)


def read_article(path: Path, root: Path) -> list[Passage]:
    """The passages of one markdown article; KnowledgeBaseError if it has no front-matter `id`."""
    meta, body = front_matter(path.read_text(encoding="utf-8"))
    if "id" not in meta:
        raise KnowledgeBaseError(f"{path}: front matter with an `id` is required")
    relative = path.relative_to(root)
    language = str(meta.get("language") or (relative.parts[0] if len(relative.parts) > 1 else ""))
    title = str(meta.get("title") or path.stem)
    intents = tuple(meta.get("intents") or ())
    passages = []
    for heading, section in _sections(body):
        if section:
            passages.append(
                Passage(str(meta["id"]), title, language, heading, section, str(relative), intents)
            )
    return passages


def _sections(body: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    heading = ""
    lines: list[str] = []
    for line in body.splitlines():
        if line.startswith("## "):
            out.append((heading, " ".join(lines).strip()))
            heading, lines = line[3:].strip(), []
        elif not line.startswith("# "):
            lines.append(line.strip())
    out.append((heading, " ".join(lines).strip()))
    return out


class KnowledgeBase:
    """A folder of articles, searched by meaning and by words; edits are live on the next query."""

    def __init__(self, root: str | Path, encoder: SentenceEncoder) -> None:
        self.root = Path(root)
        self.encoder = encoder
        self.passages: list[Passage] = []
        self._vectors = np.zeros((0, 512), dtype=np.float32)
        self._bm25 = BM25Index([])
        self._stamp: tuple = ()
        self._checked = 0.0
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> bool:
        """Re-read the folder if a file was added, changed or removed; True if it was."""
        now = time.monotonic()
        if not force and now - self._checked < RELOAD_CHECK_S:
            return False
        self._checked = now
        files = sorted(self.root.rglob("*.md")) if self.root.is_dir() else []
        stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        if stamp == self._stamp:
            return False
        passages = [p for path in files for p in read_article(path, self.root)]
        texts = [f"{p.title}. {p.heading}. {p.text}" for p in passages]
        self._vectors = unit_rows(self.encoder.encode(texts))
        self._bm25 = BM25Index(texts)
        self.passages = passages
        self._stamp = stamp
        return True

    def search(
        self,
        query: str,
        language: str = "",
        k: int = 3,
        boosts: dict[str, float] | None = None,
        vector: np.ndarray | None = None,
    ) -> list[ArticleMatch]:
        """The best `k` articles (one language version each), best first.

        `vector` is the query's embedding when the caller already has it (the stage embeds
        each utterance once); `boosts` adds learned per-article scores from agent feedback.
        """
        self.refresh()
        if not self.passages:
            return []
        if vector is None:
            vector = self.encoder.encode([query])[0]
        vector = unit_rows(vector[None, :])[0]
        similarity = self._vectors @ vector
        lexical = np.asarray(self._bm25.scores(query))
        if lexical.max() > 0:
            lexical = lexical / lexical.max()
        fused = EMBEDDING_WEIGHT * similarity + (1 - EMBEDDING_WEIGHT) * lexical
        best: dict[str, ArticleMatch] = {}
        for index in np.argsort(-fused):
            passage = self.passages[index]
            score = float(fused[index]) + (boosts or {}).get(passage.article_id, 0.0)
            if language and passage.language == language:
                score += SAME_LANGUAGE_BONUS
            current = best.get(passage.article_id)
            if current is None or score > current.score:
                best[passage.article_id] = _match(passage, score, float(similarity[index]))
        return sorted(best.values(), key=lambda m: -m.score)[:k]


def _match(passage: Passage, score: float, similarity: float) -> ArticleMatch:
    return ArticleMatch(
        passage.article_id,
        passage.title,
        passage.language,
        passage.heading,
        passage.text,
        passage.path,
        round(score, 3),
        round(max(similarity, 0.0), 3),
        passage.intents,
    )
