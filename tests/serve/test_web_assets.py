"""The sidebar's static files: shipped pages and scripts only, nothing outside copilot/serve/web/."""

import json
import re
from pathlib import Path

import copilot
from copilot.assist.urgency import URGENCIES
from copilot.serve.web_assets import asset_for

WEB = Path(copilot.__file__).parent / "serve" / "web"


def test_pages_and_assets_are_served_with_their_types():
    body, kind = asset_for("/")
    assert b"/web/sidebar.js" in body and kind == "text/html"
    assert asset_for("/supervisor")[0].count(b"supervisor.js") == 1
    assert asset_for("/web/connection.js")[1] == "text/javascript"
    assert asset_for("/web/copilot.css")[1] == "text/css"


def test_nothing_else_is_reachable():
    for path in (
        "/web/../server.py",
        "/web/..%2fserver.py",
        "/web/nope.js",
        "/web/.hidden.css",
        "/etc/passwd",
        "/web/",
    ):
        assert asset_for(path) is None, path


def catalogue() -> dict[str, dict[str, str]]:
    """messages.json: {language: {key: text}}, as the pages load it."""
    body, kind = asset_for("/web/messages.json")
    assert kind == "application/json"
    return json.loads(body)


# Why a call ends (`call.ended` reason), as every ingest and the server write it.
END_REASONS = ("end", "stop", "hangup", "error", "disconnected", "server_shutdown")
END_REASONS += ("server_restart", "bot_transfer", "bot_hangup", "disconnect", "reconnect")
# Proper names and words the two languages share.
SAME_IN_BOTH = {"source.twilio", "source.audiohook", "source.audiosocket", "source.chat"}
SAME_IN_BOTH |= {"team.planning", "team.claims"}


def call_sources() -> set[str]:
    """Every `call.started` source: the telephony parsers' own, the commands' and chat's."""
    from copilot.telephony import audiohook, audiosocket, chat, raw_ingest, twilio

    parsers = (audiohook, audiosocket, chat, raw_ingest, twilio)
    return {p.SOURCE for p in parsers} | {"file", "microphone"}


def routing_teams() -> set[str]:
    """The shipped parcel domain's teams (another domain names its own in its domain.yaml)."""
    from copilot.assist.domain_check import load_domain
    from copilot.assist.evaluation import PARCELS

    return set(load_domain(PARCELS).teams)


def test_every_server_term_the_sidebar_words_is_in_dutch_and_english():
    """Alert bases, cue topics, emotions, voice features, hand-over reasons, intents,
    urgencies, teams, end reasons and sources come from the server as codes; the sidebar
    translates each of them."""
    from copilot.affect.text import PHRASES, SIGNAL_EMOTIONS
    from copilot.assist.facts import PATTERNS as FACT_PATTERNS
    from copilot.events.affect import BASES, VOICE_FEATURES, VOICE_REFERENCES

    playbooks = Path(__file__).resolve().parents[2] / "domains" / "parcels" / "playbooks"
    sources = "".join(
        p.read_text() for p in (Path(copilot.__file__).parent / "assist").glob("*.py")
    )
    reasons = set(re.findall(r'Finding\(\s*"(\w+)"', sources))
    wanted = (
        {f"basis.{b}" for b in BASES}
        | {f"topic.{p.topic}" for p in PHRASES}
        | {f"emotion.{e}" for labels in SIGNAL_EMOTIONS.values() for e in labels}
        | {f"voice.{f}" for f in VOICE_FEATURES if f != "overlap"}  # overlap: its own sentence
        | {f"reference.{r}" for r in VOICE_REFERENCES}
        | {f"team.{team}" for team in routing_teams()}
        | {f"end.{reason}" for reason in END_REASONS}
        | {f"source.{source}" for source in call_sources()}
        | {f"route.{r}" for r in reasons}
        | {f"intent.{p.stem}" for p in playbooks.glob("*.yaml")}
        | {"intent.other"}
        | {f"urgency.{u}" for u in URGENCIES}
        | {f"fact.{f}" for f in (*FACT_PATTERNS, "street", "house_number")}
        | {
            f"bot.action.{a}"
            for a in (
                *("greet", "answer", "close", "reprompt", "handoff", "barge_in"),
                *("ask", "choose", "agent_joined"),  # the chat bot's
            )
        }
    )
    assert len(reasons) >= 6 and len(wanted) > 50
    words = catalogue()
    assert set(words) == {"en", "nl"}
    assert sorted(wanted - set(words["en"])) == []
    assert sorted(wanted - set(words["nl"])) == []
    # Every text exists in both languages, and the Dutch is not the English copied.
    assert set(words["en"]) == set(words["nl"])
    same = [k for k in wanted - SAME_IN_BOTH if words["en"][k] == words["nl"][k]]
    assert len(same) <= 3, same  # e.g. "team" is the same word in both
