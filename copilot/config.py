"""One configuration object: defaults, then `copilot.toml`, then environment, then CLI flags.

Defaults work offline on a 2-core laptop. Unknown keys and wrong types are
refused with a message naming the key, so a typo never silently does nothing.
A key's description is the comment above or beside its field, here and in each
stage's `settings` module: `copilot config-reference` writes docs/configuration.md
from them. This module imports only those settings (no stage code, no models).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from copilot.affect.settings import AffectConfig
from copilot.asr.model_files import (
    ENGLISH_MODEL,
    MULTILINGUAL_MODEL,
    ModelNotAvailable,
    check_model_dir,
    default_model_for,
)
from copilot.assist.settings import AssistConfig
from copilot.audio.format import AGENT, CUSTOMER, LEGS, SPLIT
from copilot.delivery.settings import DeliveryConfig
from copilot.pipeline.settings import LanguageDecisionConfig, SegmenterConfig
from copilot.voicebot.settings import ChatBotConfig, VoicebotConfig

LANGUAGES = ("en", "nl", "auto")
# What `[redaction] kinds` may name; copilot.serve.redaction has a pattern for each.
REDACTION_KINDS = ("email", "card", "iban", "bsn", "phone", "postcode")


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the key and the problem."""


@dataclass
class ServeConfig:
    """`copilot serve`: where it listens, who may send calls in, and what goes back to Genesys."""

    host: str = "127.0.0.1"  # address the websocket and AudioSocket servers listen on
    port: int = 8765  # websocket port: ingest, /events, the sidebar, /metrics
    # TCP port for Asterisk AudioSocket customer legs (one port per leg: Asterisk opens one
    # socket per leg); -1 switches it off.
    audiosocket_customer_port: int = 9092
    audiosocket_agent_port: int = 9093  # TCP port for AudioSocket agent legs; -1 switches it off
    # Opt-in: every event (redacted like the store's copy) as JSON lines in this file, cut into
    # UTC days that retention and erasure reach (serve/event_log.py). Empty: no events are
    # written outside the store; the server logs one line per call start and end, no content.
    event_log: str = ""
    # Key every ingest connection must give (`X-API-KEY` header, `?key=`, or Twilio's
    # `<Parameter name="key">`); `ingest` tokens work too. Empty and no ingest token: ingest
    # is open (loopback only by default).
    ingest_api_key: str = ""
    # Genesys AudioHook client secret (base64) that checks each connection's HTTP signature;
    # empty: no signature check.
    audiohook_client_secret: str = ""
    max_message_bytes: int = 1 << 20  # largest websocket message accepted, in bytes
    client_queue: int = 2000  # events queued per sidebar before it is told to resume
    audiosocket_agent_id: str = ""  # AudioSocket carries no metadata: its calls go to this agent
    audiosocket_voicebot: bool = False  # the voicebot (stage "voicebot") answers AudioSocket calls
    # An AudioSocket connection that has not sent its UUID packet within this many seconds is
    # closed.
    audiosocket_uuid_timeout_s: float = 5.0
    # Genesys organisation ids ("*": every one) whose AudioHook sessions get copilot's final
    # transcripts back as transcript events.
    audiohook_transcripts: tuple[str, ...] = ()
    # Genesys organisation ids ("*": every one) whose AudioHook sessions get copilot's article
    # suggestions back as agent assist.
    audiohook_agent_assist: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelayConfig:
    """Workers sharing calls: every event also goes to a Redis stream the other workers read."""

    url: str = ""  # redis://host:port/db; empty: no relay (one worker)
    stream: str = "copilot:events"  # name of the Redis stream the workers share
    # This worker's name, unique in the fleet: the relay's sender and, on a shared store, the
    # origin of its calls. Empty: host:pid plus a random suffix, new on every start.
    worker_id: str = ""
    max_len: int = 1_000_000  # approximate cap on the stream's entries (older ones are trimmed)


@dataclass
class WebchatConfig:
    """The customer web chat: the page at `/webchat`, its socket, who may embed it, its limits.

    The page needs no key: these limits are its protection. Each counts per client
    address (the socket's peer, or `client_ip_header` behind a proxy).
    """

    enabled: bool = False  # serve the page (/webchat) and its socket (/webchat/socket)
    # Sites that may show the page in an iframe or open its socket from their own pages, as
    # origins ("https://www.example.nl"); copilot's own origin always may.
    allowed_origins: tuple[str, ...] = ()
    agent_id: str = ""  # the agent whose sidebar gets web chats; empty: supervisors only
    max_sockets: int = 1000  # open web chat sockets on this worker; more get HTTP 503
    max_sockets_per_ip: int = 20  # open sockets from one client address; more get HTTP 429
    # Customer messages per minute from one client address (bursts up to a sixth of it, at
    # least 3); more are refused with `rate_limited` and not stored.
    messages_per_minute_per_ip: int = 60
    # New conversations per minute from one client address (bursts as above); resuming one
    # with its token does not count.
    conversations_per_minute_per_ip: int = 10
    max_message_chars: int = 2000  # longest customer message, in characters
    # Seconds a conversation whose socket went away waits for its tab to come back with the
    # conversation token, then ends (`disconnected`).
    resume_window_s: float = 300.0
    # Header that names the client's address behind a reverse proxy (e.g. X-Forwarded-For,
    # its last entry); empty: the socket's peer address. Set it only when every request
    # comes through that proxy.
    client_ip_header: str = ""

    def check(self) -> None:
        """Raise ConfigError, naming the key, for a limit or an origin that cannot work."""
        limits = (
            self.max_sockets,
            self.max_sockets_per_ip,
            self.messages_per_minute_per_ip,
            self.conversations_per_minute_per_ip,
        )
        if min(limits) < 1 or not 1 <= self.max_message_chars <= 4000:
            raise ConfigError(
                "webchat: max_sockets, max_sockets_per_ip and the per-minute limits must be at"
                " least 1; max_message_chars 1..4000"
            )
        if self.resume_window_s < 0:
            raise ConfigError("webchat.resume_window_s must be 0 or more")
        for origin in self.allowed_origins:
            scheme, sep, host = origin.partition("://")
            if scheme not in ("http", "https") or not sep or not host or "/" in host:
                raise ConfigError(
                    f"webchat.allowed_origins: {origin!r} is not an origin like "
                    "https://www.example.nl (scheme and host, no path)"
                )


DEVICES = ("cpu", "cuda", "auto")
COMPUTE_TYPES = (
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
    "default",
    "auto",
)


@dataclass
class ModelsConfig:
    """The whisper model per call language, and where it runs.

    Each is a shipped name ("tiny.en", "base") or the path of a CTranslate2 whisper
    directory (e.g. a converted large-v3-turbo); "" falls back to `model`, then to
    tiny.en for English and the multilingual base for Dutch. Language `auto` detects with
    the Dutch model, which must be multilingual.
    """

    en: str = ""  # model of English calls
    nl: str = ""  # model of Dutch calls, and of `auto` (detection): must be multilingual
    # Where whisper runs: cpu, cuda, or auto (CUDA when CTranslate2 finds a GPU).
    device: str = "cpu"
    compute_type: str = "int8"  # CTranslate2 compute type; float16 suits a GPU


@dataclass(frozen=True)
class DecodingConfig:
    """Whisper's quality checks on a final (defaults chosen in `make bench`, section
    nl_decoding, on the dev clips and calls; see docs/benchmarks.md)."""

    # A final whose no-speech probability is above this and whose average log-probability
    # is below logprob_threshold is taken as silence: its text is dropped.
    no_speech_threshold: float = 0.6
    # Average token log-probability below which a final fails whisper's check (silence, see
    # no_speech_threshold; with temperature_fallback set, it is sampled again).
    logprob_threshold: float = -1.0
    # A final whose text compresses better than this repeats itself and is decoded again.
    compression_ratio_threshold: float = 2.4
    # Temperatures a failing final is sampled at, in order; empty: keep the beam's text.
    temperature_fallback: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        # Read from TOML or the environment as strings; the decoder wants numbers.
        temperatures = tuple(float(t) for t in self.temperature_fallback)
        object.__setattr__(self, "temperature_fallback", temperatures)
        if not all(0 < t <= 1.5 for t in temperatures):
            raise ValueError("decoding temperature_fallback values must be in (0, 1.5]")
        if not 0 < self.no_speech_threshold <= 1 or self.compression_ratio_threshold <= 1:
            raise ValueError(
                "decoding no_speech_threshold must be in (0, 1], compression_ratio_threshold > 1"
            )


@dataclass
class AuthConfig:
    """Who may watch calls and send them in: tokens made with `copilot token add`."""

    # Hashed sidebar/supervisor/ingest tokens (`copilot token add`); no file: nobody sees events.
    tokens_file: str = "copilot_data/tokens.json"


@dataclass
class StoreConfig:
    """Where every event, call, feedback and draft is kept, and for how long."""

    # A SQLite file (embedded, one worker) or postgresql://user@host/db (one store for a fleet:
    # every worker writes the calls it runs, any worker serves any sidebar); "" keeps events
    # in memory only (tests). `url` wins over `path`.
    url: str = ""
    path: str = "copilot_data/events.sqlite3"  # the older name of `url`: a SQLite file
    # Calls (events, feedback, drafts) that started longer ago than this are deleted by the
    # server, a few at a time; 0 keeps everything. `copilot purge` does it by hand.
    retention_days: float = 90.0
    purge_interval_s: float = 600.0  # seconds between the server's looks for calls past retention
    purge_batch: int = 50  # calls deleted per transaction, so live calls never wait long
    # Fleet (PostgreSQL): each worker says it is alive this often, in seconds.
    heartbeat_s: float = 2.0
    # Fleet: a worker silent this many seconds is gone (kill -9, a lost machine) and the
    # other workers end its open calls.
    worker_timeout_s: float = 10.0
    # How often (seconds) a running server looks for erasures `copilot erase` made, to drop
    # the erased calls from its memory (boards, caches, learned examples).
    erasure_poll_s: float = 2.0

    @property
    def location(self) -> str:
        """Where the store lives: `url`, else the older `path` ("": in memory only)."""
        return self.url or self.path


@dataclass
class RedactionConfig:
    """Personal data taken out of the stored and shown copies of events (the stages still
    see the words as spoken)."""

    enabled: bool = False  # redact events before they are stored, logged or shown
    # What is replaced by a placeholder such as `[iban]`: some of email, card, iban, bsn,
    # phone, postcode.
    kinds: tuple[str, ...] = REDACTION_KINDS


@dataclass
class Config:
    """The whole configuration: the keys at the top of copilot.toml (the call language,
    whisper and its workers, the legs of a recording), then one field per `[section]`."""

    # Language of calls: en, nl, or auto (decided per call among `[language_detection]
    # candidates` from the first utterances of both legs, then kept; `call.language` says
    # which, how sure and when). QA replay's `--ui-language` only words the report pages: a
    # folder of Dutch recordings needs `--language auto` or `nl`.
    language: str = "en"
    # Whisper model: "tiny.en", "base", or a CTranslate2 whisper directory; empty: tiny.en for
    # English, the multilingual base for nl and auto. `[models]` chooses per language.
    model: str = ""
    # Threads per whisper worker. One is faster than two on 2 cores: CTranslate2 with two
    # threads took 0.34 s per tiny.en utterance against 0.21 s with one; the cores are
    # better spent on one single-thread worker each (`whisper_workers`).
    cpu_threads: int = 1
    # Whisper batches run side by side (one model, shared weights); 0: one per core. Each
    # worker is single-threaded, and two workers on 2 cores decode 2.08x as fast as one.
    whisper_workers: int = 0
    # Whisper's threads run this many nice steps below the event loop, so the loop (audio,
    # VAD, sidebars) always gets a core when it needs one and whisper takes the rest.
    whisper_nice: int = 10
    # Whisper's beam width on finals; 0: per-model default (1 for tiny.en, 5 for the
    # multilingual base).
    beam_size: int = 0
    # Whisper's preceding text (prompt) on English calls: the words of this deployment's
    # trade. Empty: the domain's own (`whisper_prompt` in its vocabulary.yaml, docs/domain.md;
    # the shipped parcel domain's is measured in `make bench`, section prompt_words); "off":
    # none. Over unclear audio whisper may write a prompt word it did not hear, with a low
    # word probability; the affect stage never escalates on such a word alone (see
    # `[affect] phrase_confidence_floor`).
    vocabulary_en: str = ""
    # Whisper's prompt on Dutch calls, as vocabulary_en. The parcel domain has none: with its
    # words ("pakket, pakketje, ..., leidinggevende, medewerker") the multilingual base wrote
    # two of them where nobody said them (159 transcripts) and made more errors on real
    # Flemish speech (23.2 % against 21.4 % without); `make bench`, section prompt_words.
    vocabulary_nl: str = ""
    # Most utterances in one whisper batch (live, only a backlog of finals is batched;
    # partials go at most 2 at a time).
    max_batch: int = 8
    # Which leg each channel of a stereo recording is: left, then right.
    stereo_legs: tuple[str, str] = (AGENT, CUSTOMER)
    # The leg a mono recording is: agent or customer, or "split": its two voices are told
    # apart (speaker embeddings, speakers/) and each goes to its own leg, the agent named by
    # voiceprint, greeting or first speaker (the QA report's "leg source" says which).
    mono_leg: str = CUSTOMER
    # Agents' voiceprints for `mono_leg = "split"`, one file per agent id, made from the
    # agent leg of stereo recordings whose `<name>.meta.json` names the `agent_id`; "" makes
    # and reads none. `copilot voiceprint delete AGENT_ID` removes one.
    voiceprints: str = "copilot_data/voiceprints"
    # Partial transcripts while someone speaks, on live calls (serve, listen, transcribe
    # --realtime); QA replay and unpaced transcribe never make them.
    partials: bool = True
    # Downstream stages every call runs, in order: affect, assist, voicebot (which needs
    # assist and comes after affect and assist).
    stages: tuple[str, ...] = ("affect", "assist")
    segmenter: SegmenterConfig = field(default_factory=SegmenterConfig)
    # [language_detection]: how `language = "auto"` decides a call's language
    language_detection: LanguageDecisionConfig = field(default_factory=LanguageDecisionConfig)
    decoding: DecodingConfig = field(default_factory=DecodingConfig)
    models: ModelsConfig = field(default_factory=ModelsConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)
    auth: AuthConfig = field(default_factory=AuthConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    redaction: RedactionConfig = field(default_factory=RedactionConfig)
    affect: AffectConfig = field(default_factory=AffectConfig)
    relay: RelayConfig = field(default_factory=RelayConfig)  # [relay]: workers sharing calls
    assist: AssistConfig = field(default_factory=AssistConfig)
    voicebot: VoicebotConfig = field(default_factory=VoicebotConfig)
    chat: ChatBotConfig = field(default_factory=ChatBotConfig)  # [chat]: the chat front door
    # [delivery]: sent e-mail drafts out through SMTP or a signed webhook
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    webchat: WebchatConfig = field(default_factory=WebchatConfig)  # [webchat]: the customer page

    def model_for(self, language: str | None) -> str:
        """The model a call in `language` uses (`auto` and unknown: the Dutch, multilingual one)."""
        chosen = self.models.en if language == "en" else self.models.nl
        return chosen or self.model or default_model_for(language or "auto")

    def whisper_worker_count(self) -> int:
        """`whisper_workers`, with 0 read as one worker per core this process may use."""
        return self.whisper_workers or usable_cores()

    def validate(self) -> Config:
        """Raise ConfigError, naming the key, for any value that would fail later; return self."""
        if self.language not in LANGUAGES:
            raise ConfigError(
                f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}"
            )
        if sorted(self.stereo_legs) != sorted(LEGS):
            raise ConfigError("stereo_legs must name 'agent' and 'customer' once each")
        if self.mono_leg not in (*LEGS, SPLIT):
            raise ConfigError(
                f"mono_leg must be 'agent', 'customer' or 'split' (two voices told apart), "
                f"not {self.mono_leg!r}"
            )
        if not 1 <= self.cpu_threads <= 64 or not 1 <= self.max_batch <= 64:
            raise ConfigError("cpu_threads and max_batch must be between 1 and 64")
        if not 0 <= self.whisper_workers <= 16:
            raise ConfigError("whisper_workers must be between 0 (one per core) and 16")
        if not 0 <= self.whisper_nice <= 19:
            raise ConfigError("whisper_nice must be between 0 and 19")
        if not 0 <= self.beam_size <= 10:
            raise ConfigError("beam_size must be between 0 (model default) and 10")
        self._check_models()
        unknown = [k for k in self.redaction.kinds if k not in REDACTION_KINDS]
        if unknown:
            raise ConfigError(f"redaction.kinds: unknown {unknown}; known: {REDACTION_KINDS}")
        if not 0 < self.serve.audiosocket_uuid_timeout_s <= 300:
            raise ConfigError("serve.audiosocket_uuid_timeout_s must be in (0, 300]")
        if self.serve.client_queue < 10:
            raise ConfigError("serve.client_queue must be at least 10")
        store = self.store
        if store.retention_days < 0 or store.purge_interval_s <= 0 or store.purge_batch < 1:
            raise ConfigError(
                "store: retention_days >= 0 (0 keeps all), purge_interval_s > 0, purge_batch >= 1"
            )
        if not 0 < store.heartbeat_s < store.worker_timeout_s:
            raise ConfigError("store: 0 < heartbeat_s < worker_timeout_s")
        delivery_problem = self.delivery.problem()
        if delivery_problem:
            raise ConfigError(delivery_problem)
        self.webchat.check()
        return self

    def _check_models(self) -> None:
        """Fail at start-up, naming the key and the path, not on a call's first utterance."""
        if self.models.device not in DEVICES:
            raise ConfigError(f"models.device must be one of {', '.join(DEVICES)}")
        if self.models.compute_type not in COMPUTE_TYPES:
            raise ConfigError(f"models.compute_type must be one of {', '.join(COMPUTE_TYPES)}")
        for key, name in (
            ("model", self.model),
            ("models.en", self.models.en),
            ("models.nl", self.models.nl),
        ):
            if not name or name in (ENGLISH_MODEL, MULTILINGUAL_MODEL):
                continue
            path = Path(name).expanduser()
            if not path.is_dir():
                raise ConfigError(
                    f"{key}: {path} is not a directory; give 'tiny.en', 'base' or the path of a "
                    "CTranslate2 whisper model directory (model.bin, config.json, tokenizer.json)"
                )
            try:
                check_model_dir(path, hint=f"{key}: the model directory {path}")
            except ModelNotAvailable as exc:
                raise ConfigError(str(exc)) from None


def usable_cores(cpu_max: Path = Path("/sys/fs/cgroup/cpu.max")) -> int:
    """Cores this process may run on: its CPU affinity, capped by a cgroup CPU quota.

    A container or systemd unit limited to 2 CPUs (`cpus: 2`, `CPUQuota=200%`) still sees
    every core of the host in its affinity; more whisper workers than the quota only queue.
    """
    cores = len(os.sched_getaffinity(0))
    try:
        quota, period = cpu_max.read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cores = min(cores, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass  # no cgroup v2 quota to honour
    return cores


# Keys of older versions whose content now lives in the domain folder, and where.
MOVED_TO_DOMAIN = {
    "assist.kb_path": "kb/<language>/",
    "assist.playbooks_path": "playbooks/",
    "assist.intent_seeds": "examples.yaml",
    "assist.intents": "domain.yaml `intents`",
    "assist.routes": "domain.yaml, each intent's `route`",
    "assist.default_team": "domain.yaml `default_team`",
}

# Environment variables that set a key: after copilot.toml, before the flags.
ENV_KEYS = {
    "COPILOT_LANGUAGE": "language",
    "COPILOT_MODEL": "model",
    "COPILOT_CPU_THREADS": "cpu_threads",
    "COPILOT_WHISPER_WORKERS": "whisper_workers",
    "COPILOT_WHISPER_NICE": "whisper_nice",
    "COPILOT_INGEST_API_KEY": "serve.ingest_api_key",
    "COPILOT_PORT": "serve.port",
    "COPILOT_STORE_PATH": "store.path",
    "COPILOT_STORE_URL": "store.url",
    "COPILOT_RETENTION_DAYS": "store.retention_days",
    "COPILOT_RELAY_URL": "relay.url",
    "COPILOT_WORKER_ID": "relay.worker_id",
    "COPILOT_DELIVERY_SMTP_PASSWORD": "delivery.smtp_password",
    "COPILOT_DELIVERY_WEBHOOK_SECRET": "delivery.webhook_secret",
}


class EnvironmentVariable(NamedTuple):
    """A COPILOT_* variable that is not a key: who reads it, and what it changes."""

    read_by: str  # the module that reads it
    meaning: str


CONFIG_FILE_ENV = "COPILOT_CONFIG"
# Every other COPILOT_* variable copilot reads. tests/test_config_reference.py fails when a
# module reads one that is not here or in ENV_KEYS, so docs/configuration.md lists them all.
OTHER_ENV_VARIABLES = {
    CONFIG_FILE_ENV: EnvironmentVariable(
        "copilot.config", "path of copilot.toml when no --config is given"
    ),
    "COPILOT_CACHE": EnvironmentVariable(
        "copilot.asr.model_files",
        "folder the multilingual base model is joined into once (default:"
        " $XDG_CACHE_HOME/copilot, else ~/.cache/copilot)",
    ),
    "COPILOT_AFFECT_THREADS": EnvironmentVariable(
        "copilot.encoders.sentence",
        "threads of the sentence encoder the emotion model and assist share (default 1);"
        " QA replay sets it for its worker processes",
    ),
    "COPILOT_GOEMOTIONS_DIR": EnvironmentVariable(
        "copilot.affect.training.data",
        "GoEmotions folder for `make train-affect` / `make eval-affect` (default: data/goemotions)",
    ),
}


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Build the configuration; `overrides` maps dotted keys (e.g. "serve.port") to CLI values."""
    config = Config()
    path = (
        path
        or os.environ.get(CONFIG_FILE_ENV)
        or ("copilot.toml" if Path("copilot.toml").is_file() else None)
    )
    if path:
        _apply_file(config, Path(path))
    for env, key in ENV_KEYS.items():
        if os.environ.get(env):
            set_key(config, key, os.environ[env])
    for key, value in (overrides or {}).items():
        if value is not None:
            set_key(config, key, value)
    return config.validate()


def read_toml(path: Path, what: str, error: type[ValueError] = ConfigError) -> dict[str, Any]:
    """A TOML file as a dict; a missing or broken file raises `error` naming `what` and the path."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{what} {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}") from None


def _apply_file(config: Config, path: Path) -> None:
    data = read_toml(path, "config file")
    for key, value in _flatten(data):
        set_key(config, key, value)


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    items = []
    for key, value in data.items():
        if isinstance(value, dict):
            items.extend(_flatten(value, f"{prefix}{key}."))
        else:
            items.append((f"{prefix}{key}", value))
    return items


def set_key(config: Config, dotted: str, value: Any) -> None:
    """Set `section.key` on the config, converting strings from env/CLI to the field's type."""
    *sections, name = dotted.split(".")
    target: Any = config
    for section in sections:
        if not dataclasses.is_dataclass(target) or not hasattr(target, section):
            raise ConfigError(f"unknown config section {section!r} in {dotted!r}")
        target = getattr(target, section)
    fields = {f.name: f for f in dataclasses.fields(target)}
    if dotted in MOVED_TO_DOMAIN:
        raise ConfigError(
            f"{dotted} is now part of the domain folder ({MOVED_TO_DOMAIN[dotted]}); set"
            " [assist] domain to that folder (docs/domain.md)"
        )
    if name not in fields:
        raise ConfigError(f"unknown config key {dotted!r}")
    current = getattr(target, name)
    converted = _convert(dotted, current, value)
    if target.__dataclass_params__.frozen:  # a dataclass: fields() above accepted it
        # Frozen sections (segmenter, affect, assist) are shared by stages: replace them whole.
        parent: Any = config
        for section in sections[:-1]:
            parent = getattr(parent, section)
        try:
            setattr(parent, sections[-1], dataclasses.replace(target, **{name: converted}))
        except ValueError as exc:
            raise ConfigError(f"{dotted}: {exc}") from None
    else:
        setattr(target, name, converted)


def _convert(key: str, current: Any, value: Any) -> Any:
    try:
        if isinstance(current, bool):
            if isinstance(value, str):
                if value.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(value)
                return value.lower() in ("1", "true", "yes")
            if not isinstance(value, bool):
                raise ValueError(value)
            return value
        if isinstance(current, int):
            if isinstance(value, bool) or isinstance(value, float):
                raise ValueError(value)
            return int(value)
        if isinstance(current, float):
            return float(value)
        if isinstance(current, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(v).strip() for v in items if str(v).strip())
        if not isinstance(value, str):
            raise ValueError(value)
        return value
    except (TypeError, ValueError):
        raise ConfigError(f"{key} must be a {type(current).__name__}, got {value!r}") from None
