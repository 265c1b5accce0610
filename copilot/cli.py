"""The `copilot` command: transcribe recordings, listen to a microphone, serve live calls."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from copilot.asr.model_files import ModelNotAvailable
from copilot.audio.files import AudioDecodeError, decode_file
from copilot.config import Config, ConfigError, load_config
from copilot.serve.database import DatabaseError


def _common_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", help="path of copilot.toml (default: ./copilot.toml if present)"
    )
    parser.add_argument(
        "--language",
        choices=("en", "nl", "auto"),
        help="call language (default: `language` in copilot.toml, else en); auto: decided per"
        " call from its first utterances ([language_detection])",
    )
    parser.add_argument("--model", help="tiny.en, base, or a CTranslate2 whisper model directory")
    parser.add_argument(
        "--stages",
        help="comma-separated downstream stages (default: affect,assist; add voicebot for bot-first calls); '' for none",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")


def _mono_leg_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mono-leg",
        choices=("agent", "customer", "split"),
        help="what a mono recording is: one leg, or 'split': its two voices told apart into "
        "agent and customer (default: mono_leg, customer)",
    )


def _load(args: argparse.Namespace, extra: dict | None = None) -> Config:
    overrides = {
        "language": args.language,
        "model": args.model,
        "stages": args.stages,
        "mono_leg": getattr(args, "mono_leg", None),
        **(extra or {}),
    }
    return load_config(args.config, overrides)


def _transcribe(args: argparse.Namespace) -> int:
    from copilot.commands.transcribe import transcribe_files

    config = _load(args)
    return asyncio.run(transcribe_files(config, args.files, args.json, args.realtime))


def _listen(args: argparse.Namespace) -> int:
    from copilot.commands.listen import MicrophoneUnavailable, listen

    config = _load(args)
    try:
        return asyncio.run(listen(config, args.speaker, args.json))
    except MicrophoneUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace) -> int:
    from copilot.serve.server import serve_forever

    extra = {"serve.host": args.host, "serve.port": args.port, "serve.event_log": args.event_log}
    config = _load(args, extra)
    return asyncio.run(serve_forever(config))


def _replay(args: argparse.Namespace) -> int:
    from copilot.replay.run import ReplayOptions, run_replay
    from copilot.replay.scorecard import ScorecardError

    if args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    options = ReplayOptions(
        args.paths, Path(args.out), args.workers, args.ray, args.scorecard, args.ui_language or ""
    )
    try:
        return run_replay(_load(args), options)
    except ScorecardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _classify(args: argparse.Namespace) -> int:
    from copilot.commands.classify import run_classify

    return run_classify(args.language)


def _assist(args: argparse.Namespace) -> int:
    from copilot.commands.assist import run_assist

    config = _load(args)
    return run_assist(
        config,
        sys.stdin.read(),
        record=args.record or "",
        conversation_id=args.call_id,
        source=args.source,
        show_all=args.all,
        readable=args.text,
    )


def _demo(args: argparse.Namespace) -> int:
    from copilot.commands.demo import DEFAULT_CALL, run_demo

    config = _load(args)
    call = Path(args.file or DEFAULT_CALL)
    return asyncio.run(
        run_demo(config, call, realtime=not args.fast, open_browser=not args.no_browser)
    )


def _simulate(args: argparse.Namespace) -> int:
    from copilot.commands import simulate

    config = _load(args)
    try:
        call = decode_file(args.file, config.stereo_legs, config.mono_leg)
    except AudioDecodeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        metadata = simulate.metadata_from(args.agent_id, args.metadata)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    realtime = not args.fast
    key = config.serve.ingest_api_key  # the configured key, so --url needs no ?key=
    progress = simulate.Progress()
    play: Coroutine[Any, Any, object]  # play_twilio returns nothing, play_raw the replies
    if args.protocol == "twilio":  # as <Parameter>s of the <Stream>: its customParameters
        play = simulate.play_twilio(
            args.url, call, args.call_id, realtime, metadata, key=key, progress=progress
        )
    else:
        play = simulate.play_raw(
            args.url, call, args.call_id, realtime, key, progress, metadata=metadata
        )
    try:
        asyncio.run(play)
    except Exception as exc:  # noqa: BLE001 - a network failure is reported in one line
        line = simulate.connection_failure(exc, progress, call.duration)
        if line is None or args.verbose:
            raise
        print(f"error: {line}", file=sys.stderr)
        return 1
    return 0


def _token(args: argparse.Namespace) -> int:
    from copilot.serve.auth import AuthError, TokenFile

    config = load_config(args.config)
    tokens = TokenFile(args.file or config.auth.tokens_file)
    try:
        if args.action == "add":
            token = tokens.add(
                args.role, args.agent_id or "", args.name or "", args.ui_language or ""
            )
            print(token)  # shown once; only its hash is kept
            print(f"stored hashed in {tokens.path}", file=sys.stderr)
        elif args.action == "revoke":
            print(f"revoked {tokens.revoke(args.name or '')} token(s)", file=sys.stderr)
        else:
            for p in tokens.principals():
                print(f"{p.role:<10} agent_id={p.agent_id or '-':<12} name={p.name or '-'}")
    except AuthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _voiceprint(args: argparse.Namespace) -> int:
    from copilot.speakers.voiceprints import VoiceprintStore

    config = load_config(args.config)
    if not config.voiceprints:
        print('voiceprints are off (voiceprints = "")', file=sys.stderr)
        return 0
    store = VoiceprintStore(config.voiceprints)
    if args.action == "list":
        for agent_id, calls, speech_s in store.agents():
            print(f"agent_id={agent_id:<16} calls={calls:<4} speech_s={speech_s}")
        return 0
    if not args.agent_id:
        raise ConfigError("say whose voiceprint: copilot voiceprint delete AGENT_ID")
    deleted = store.delete(args.agent_id)
    print(f"{'deleted' if deleted else 'no'} voiceprint for {args.agent_id}", file=sys.stderr)
    return 0


def _purge(args: argparse.Namespace) -> int:
    from copilot.commands.privacy import purge

    if args.older_than < 0:
        raise ConfigError("--older-than must be 0 days or more")
    return purge(load_config(args.config), args.older_than)


def _erase(args: argparse.Namespace) -> int:
    from copilot.commands.privacy import erase_calls, print_audit

    pairs = []
    for item in args.metadata or ():
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ConfigError(f"--metadata takes KEY=VALUE, not {item!r}")
        pairs.append((key, value))
    config = load_config(args.config)
    if args.audit:
        return print_audit(config)
    if not args.call_id and not pairs:
        raise ConfigError("say which calls: --call-id ID and/or --metadata KEY=VALUE")
    return erase_calls(
        config,
        tuple(args.call_id or ()),
        tuple(pairs),
        args.replay_dir or "",
        args.by or "",
        dry_run=args.dry_run,
    )


def _call_ref(args: argparse.Namespace) -> int:
    """The pseudonym the server's logs use for these calls (the store holds the key)."""
    from copilot.commands.privacy import print_call_refs

    return print_call_refs(load_config(args.config), args.call_ids)


def _alert_cues(args: argparse.Namespace) -> int:
    """The phrase weights agents' answers to alerts taught, per team; or forget them."""
    from copilot.commands.alert_cues import alert_cues

    return alert_cues(load_config(args.config), args.team, args.reset)


def _domain(args: argparse.Namespace) -> int:
    """Check or measure a domain folder (default: the configured `[assist] domain`)."""
    from copilot.assist.settings import resolve_path
    from copilot.commands.domain import run_check, run_eval

    root = Path(args.dir) if args.dir else resolve_path(load_config(args.config).assist.domain)
    if args.action == "check":
        return run_check(root)
    try:
        ks = tuple(sorted({int(k) for k in args.k.split(",") if k.strip()}))
    except ValueError:
        raise ConfigError(f"--k takes numbers such as 1,3, not {args.k!r}") from None
    if not ks or min(ks) < 1:
        raise ConfigError("--k takes numbers of 1 or more, such as 1,3")
    return run_eval(root, as_json=args.json, ks=ks)


def _config_reference(args: argparse.Namespace) -> int:
    """Every key, environment variable and flag, as Markdown (docs/configuration.md)."""
    from copilot.commands.config_reference import render_reference

    sys.stdout.write(render_reference(build_parser()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The `copilot` command line, every subcommand and flag (config-reference documents it)."""
    parser = argparse.ArgumentParser(prog="copilot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    tr = sub.add_parser("transcribe", help="transcribe recordings (wav, flac, mp3, ogg)")
    tr.add_argument("files", nargs="+", help="recordings to transcribe (WAV, FLAC, OGG, MP3)")
    tr.add_argument("--json", action="store_true", help="print every event as a JSON line")
    tr.add_argument("--realtime", action="store_true", help="pace input like a live call")
    _mono_leg_flag(tr)
    _common_flags(tr)
    tr.set_defaults(run=_transcribe)

    li = sub.add_parser("listen", help="transcribe the default microphone live")
    li.add_argument("--speaker", choices=("agent", "customer"), default="customer")
    li.add_argument("--json", action="store_true", help="print every event as a JSON line")
    _common_flags(li)
    li.set_defaults(run=_listen)

    se = sub.add_parser("serve", help="ingest live calls from telephony platforms")
    se.add_argument("--host", help="address to listen on (default: serve.host)")
    se.add_argument("--port", type=int, help="websocket port (default: serve.port)")
    se.add_argument(
        "--event-log",
        metavar="FILE",
        help="also write every event (redacted like the store's copy) as JSON lines to FILE, "
        "in daily files that retention and erasure reach (default: none; stderr gets one line "
        "per call start and end, no content)",
    )
    _common_flags(se)
    se.set_defaults(run=_serve)

    rp = sub.add_parser("replay", help="QA replay: recordings in batch, a report per call")
    rp.add_argument("paths", nargs="+", help="recordings and folders of recordings")
    rp.add_argument("--out", required=True, help="report folder (reruns skip finished calls)")
    rp.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    rp.add_argument("--ray", metavar="ADDRESS", help="distribute over Ray: 'local' or an address")
    rp.add_argument("--scorecard", help="QA scorecard TOML (default: the shipped one)")
    rp.add_argument(
        "--ui-language",
        choices=("en", "nl"),
        help="language of the report pages (default: the locale's, LANG=nl_NL… gives nl; else en);"
        " it never sets the language the calls are transcribed in: give --language auto (found"
        " per call) or nl for Dutch recordings",
    )
    _mono_leg_flag(rp)
    _common_flags(rp)
    rp.set_defaults(run=_replay)

    vp = sub.add_parser(
        "voiceprint", help="agents' voiceprints (for splitting mono recordings): list or delete"
    )
    vp.add_argument("action", choices=("list", "delete"))
    vp.add_argument("agent_id", nargs="?", help="the agent whose voiceprint to delete")
    vp.add_argument("--config", help="path of copilot.toml (default: ./copilot.toml if present)")
    vp.set_defaults(run=_voiceprint)

    cl = sub.add_parser(
        "classify", help="emotions and call signals of text lines on stdin, as JSON lines"
    )
    cl.add_argument("--language", choices=("en", "nl", "auto"), default="auto")
    cl.set_defaults(run=_classify)

    asx = sub.add_parser(
        "assist", help="suggestions and drafts for a conversation on stdin (speaker: text lines)"
    )
    asx.add_argument("--record", help="customer record as a JSON object (checked for conflicts)")
    asx.add_argument("--call-id", default="chat", help="conversation id in the events")
    asx.add_argument("--source", default="chat", help="'chat' answers from the KB; 'call' does not")
    asx.add_argument("--all", action="store_true", help="print every event, not only assist ones")
    asx.add_argument("--text", action="store_true", help="readable lines instead of JSON")
    _common_flags(asx)
    asx.set_defaults(run=_assist)

    de = sub.add_parser("demo", help="serve and play a shipped stereo call into it, live")
    de.add_argument("--file", help="a stereo recording (left agent, right customer)")
    de.add_argument("--fast", action="store_true", help="do not pace the call in real time")
    de.add_argument(
        "--no-browser", action="store_true", help="print the sidebar URL, do not open it"
    )
    _common_flags(de)
    de.set_defaults(run=_demo)

    si = sub.add_parser("simulate", help="play a recording into a running copilot serve")
    si.add_argument("file", help="the recording to play as a live call")
    si.add_argument("--protocol", choices=("twilio", "raw"), default="twilio")
    si.add_argument(
        "--url", default="ws://127.0.0.1:8765/twilio", help="the server's ingest endpoint"
    )
    si.add_argument("--call-id", default="CA-simulated", help="the simulated call's id")
    si.add_argument(
        "--agent-id", default="", help="the agent whose sidebar gets the call (metadata agent_id)"
    )
    si.add_argument(
        "--metadata",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="call metadata (repeatable), e.g. --metadata queue=billing",
    )
    si.add_argument("--fast", action="store_true", help="do not pace the call in real time")
    _common_flags(si)
    si.set_defaults(run=_simulate)

    to = sub.add_parser("token", help="create, list or revoke sidebar / supervisor / ingest tokens")
    to.add_argument("action", choices=("add", "list", "revoke"))
    to.add_argument("--role", choices=("agent", "supervisor", "ingest"), default="agent")
    to.add_argument("--agent-id", help="the agent_id of the calls this agent may see")
    to.add_argument("--name", help="a label, to revoke the token by later")
    to.add_argument(
        "--ui-language",
        choices=("nl", "en"),
        help="the sidebar's language for this token (default: the browser's, else English)",
    )
    to.add_argument("--file", help="token file (default: auth.tokens_file)")
    to.add_argument("--config", help="path of copilot.toml")
    to.set_defaults(run=_token, verbose=False)

    pu = sub.add_parser("purge", help="delete stored calls older than a number of days, now")
    pu.add_argument("--older-than", type=float, required=True, metavar="DAYS")
    pu.add_argument("--config", help="path of copilot.toml")
    pu.set_defaults(run=_purge, verbose=False)

    er = sub.add_parser("erase", help="erase everything stored about some calls (and audit it)")
    er.add_argument("--call-id", action="append", help="a call id (repeat for more)")
    er.add_argument(
        "--metadata", action="append", metavar="KEY=VALUE", help="e.g. customer_id=C-123"
    )
    er.add_argument("--replay-dir", help="also erase these calls' outputs of a QA replay here")
    er.add_argument("--by", help="who erases, for the audit row (default: the OS user)")
    er.add_argument("--dry-run", action="store_true", help="say what would go; remove nothing")
    er.add_argument("--audit", action="store_true", help="print the erasure audit and exit")
    er.add_argument("--config", help="path of copilot.toml")
    er.set_defaults(run=_erase, verbose=False)

    cr = sub.add_parser("call-ref", help="the name the server's logs give these calls")
    cr.add_argument("call_ids", nargs="+", metavar="CALL_ID")
    cr.add_argument("--config", help="path of copilot.toml")
    cr.set_defaults(run=_call_ref, verbose=False)

    ac = sub.add_parser(
        "alert-cues", help="the phrase weights dismissed alerts taught, per team; or reset them"
    )
    ac.add_argument("--team", help="only this team or queue ('' for calls without one)")
    ac.add_argument(
        "--reset", action="store_true", help="forget the answers to alerts (of --team, or all)"
    )
    ac.add_argument("--config", help="path of copilot.toml")
    ac.set_defaults(run=_alert_cues, verbose=False)

    do = sub.add_parser(
        "domain", help="check a domain folder (docs/domain.md), or measure it on its own lines"
    )
    do.add_argument(
        "action",
        choices=("check", "eval"),
        help="check: every file, with clear messages (exit 1 on an error); eval: per-intent"
        " precision / recall, confusion matrix, KB recall@k, intents too close to tell apart",
    )
    do.add_argument("dir", nargs="?", help="the domain folder (default: [assist] domain)")
    do.add_argument("--json", action="store_true", help="eval: the figures as one JSON object")
    do.add_argument("--k", default="1,3", help="eval: the k of KB recall@k (default 1,3)")
    do.add_argument("--config", help="path of copilot.toml")
    do.set_defaults(run=_domain, verbose=False)

    ref = sub.add_parser(
        "config-reference", help="print every key, environment variable and flag as Markdown"
    )
    ref.set_defaults(run=_config_reference, verbose=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one `copilot` command; its exit status (2: bad config, missing model or store down)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        status = args.run(args)
    except (ConfigError, ModelNotAvailable, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter exit quiet
    return status


if __name__ == "__main__":
    sys.exit(main())
