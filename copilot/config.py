"""One configuration object: defaults, then `copilot.toml`, then environment, then CLI flags.

Defaults work offline on a 2-core laptop. Unknown keys and wrong types are
refused with a message naming the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from copilot.affect.trend import AffectConfig
from copilot.asr.model_files import (
    ENGLISH_MODEL,
    MULTILINGUAL_MODEL,
    ModelNotAvailable,
    check_model_dir,
    default_model_for,
)
from copilot.assist.settings import AssistConfig
from copilot.audio.format import AGENT, CUSTOMER, LEGS
from copilot.pipeline.segmenter import SegmenterConfig
from copilot.voicebot.settings import VoicebotConfig

LANGUAGES = ("en", "nl", "auto")
# What `[redaction] kinds` may name; copilot.serve.redaction has a pattern for each.
REDACTION_KINDS = ("email", "card", "iban", "bsn", "phone", "postcode")


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the key and the problem."""


@dataclass
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    audiosocket_customer_port: int = 9092  # one TCP port per leg: Asterisk opens one socket per leg
    audiosocket_agent_port: int = 9093
    # Opt-in: every event (redacted like the store's copy) as JSON lines in this file, cut into
    # UTC days that retention and erasure reach (serve/event_log.py). Empty: no events are
    # written outside the store; the server logs one line per call start and end, no content.
    event_log: str = ""
    ingest_api_key: str = ""  # empty: ingest endpoints open (loopback only by default)
    audiohook_client_secret: str = ""  # base64; empty: no signature check
    max_message_bytes: int = 1 << 20
    client_queue: int = 2000  # events queued per sidebar before it is told to resume
    audiosocket_agent_id: str = ""  # AudioSocket carries no metadata: its calls go to this agent
    audiosocket_voicebot: bool = False  # the voicebot (stage "voicebot") answers AudioSocket calls
    # An AudioSocket connection that has not sent its UUID packet by then is closed.
    audiosocket_uuid_timeout_s: float = 5.0
    # Genesys organisation ids ("*": every one) whose AudioHook sessions get copilot's final
    # transcripts back as transcript events, and its article suggestions as agent assist.
    audiohook_transcripts: tuple[str, ...] = ()
    audiohook_agent_assist: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelayConfig:
    url: str = ""  # redis://host:port/db; empty: no relay (one worker)
    stream: str = "copilot:events"
    worker_id: str = ""  # unique per worker; empty: host:pid
    max_len: int = 1_000_000  # approximate cap on stream entries


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
    """`[models]`: the whisper model per call language, and where it runs.

    Each is a shipped name ("tiny.en", "base") or the path of a CTranslate2 whisper
    directory (e.g. a converted large-v3-turbo); "" falls back to `model`, then to
    tiny.en for English and the multilingual base for Dutch. Language `auto` detects with
    the Dutch model, which must be multilingual.
    """

    en: str = ""
    nl: str = ""
    device: str = "cpu"  # cpu | cuda | auto (CUDA when CTranslate2 finds a GPU)
    compute_type: str = "int8"  # CTranslate2 compute type; float16 suits a GPU


@dataclass(frozen=True)
class DecodingConfig:
    """`[decoding]`: whisper's quality checks on a final (defaults chosen in `make bench`,
    section nl_decoding, on the dev clips and calls; see docs/benchmarks.md)."""

    # Silence: whisper's no-speech probability above this with a low average log-probability.
    no_speech_threshold: float = 0.6
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
    # Hashed sidebar/supervisor/ingest tokens (`copilot token add`); no file: nobody sees events.
    tokens_file: str = "copilot_data/tokens.json"


@dataclass
class StoreConfig:
    # A SQLite file (embedded, one worker) or postgresql://user@host/db (one store for a fleet:
    # every worker writes the calls it runs, any worker serves any sidebar); "" keeps events
    # in memory only (tests). `url` wins; `path` is its older name.
    url: str = ""
    path: str = "copilot_data/events.sqlite3"
    # Calls (events, feedback, drafts) that started longer ago than this are deleted by the
    # server, a few at a time; 0 keeps everything. `copilot purge` does it by hand.
    retention_days: float = 90.0
    purge_interval_s: float = 600.0  # how often the server looks for calls past retention
    purge_batch: int = 50  # calls deleted per transaction, so live calls never wait long
    # Fleet (PostgreSQL): each worker says it is alive this often; one silent for
    # worker_timeout_s is gone (kill -9, a lost machine) and its open calls are ended.
    heartbeat_s: float = 2.0
    worker_timeout_s: float = 10.0
    # How often a running server looks for erasures `copilot erase` made, to drop the
    # erased calls from its memory (boards, caches, learned examples).
    erasure_poll_s: float = 2.0

    @property
    def location(self) -> str:
        return self.url or self.path


@dataclass
class RedactionConfig:
    enabled: bool = False
    kinds: tuple[str, ...] = REDACTION_KINDS


@dataclass
class Config:
    language: str = "en"
    model: str = ""  # empty: tiny.en for English, multilingual base for nl/auto
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
    beam_size: int = 0  # 0: per-model default (1 for tiny.en, 5 for the multilingual base)
    # Whisper's preceding text per language: the words of this deployment's trade. The
    # defaults fit the shipped sample deployment (parcel delivery); set "" to switch off.
    # Over unclear audio whisper may write a prompt word it did not hear, with a low word
    # probability; the affect stage never escalates on such a word alone (see
    # `[affect] phrase_confidence_floor`). Measured in `make bench`, section prompt_words.
    vocabulary_en: str = (
        "Customer service call about parcels and deliveries: parcel, order number,"
        " tracking page, delivery, parcel locker, return, refund, invoice, subscription,"
        " complaint, manager, supervisor."
    )
    vocabulary_nl: str = (
        "Klantenservicegesprek over pakketten en bezorging: pakket, pakketje, bestelnummer,"
        " track-and-trace, bezorger, pakketkluis, retour, terugbetaling, factuur, abonnement,"
        " opzeggen, klacht, leidinggevende, medewerker."
    )
    max_batch: int = 8
    stereo_legs: tuple[str, str] = (AGENT, CUSTOMER)
    mono_leg: str = CUSTOMER
    partials: bool = True
    stages: tuple[str, ...] = ("affect", "assist")  # downstream stages per call, in order
    segmenter: SegmenterConfig = field(default_factory=SegmenterConfig)
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

    def model_for(self, language: str | None) -> str:
        """The model a call in `language` uses (`auto` and unknown: the Dutch, multilingual one)."""
        chosen = self.models.en if language == "en" else self.models.nl
        return chosen or self.model or default_model_for(language or "auto")

    def whisper_worker_count(self) -> int:
        """`whisper_workers`, with 0 read as one worker per core this process may use."""
        return self.whisper_workers or usable_cores()

    def validate(self) -> Config:
        if self.language not in LANGUAGES:
            raise ConfigError(
                f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}"
            )
        if sorted(self.stereo_legs) != sorted(LEGS):
            raise ConfigError("stereo_legs must name 'agent' and 'customer' once each")
        if self.mono_leg not in LEGS:
            raise ConfigError("mono_leg must be 'agent' or 'customer'")
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
}


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Build the configuration; `overrides` maps dotted keys (e.g. "serve.port") to CLI values."""
    config = Config()
    path = (
        path
        or os.environ.get("COPILOT_CONFIG")
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
    if name not in fields:
        raise ConfigError(f"unknown config key {dotted!r}")
    current = getattr(target, name)
    converted = _convert(dotted, current, value)
    if dataclasses.is_dataclass(target) and target.__dataclass_params__.frozen:
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
