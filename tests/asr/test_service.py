"""The shared service batches utterances that wait together, finals first, on the real model."""

import asyncio
import os
import threading
import time

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.service import (
    BATCH_ROUNDS,
    FIRST_PARTIAL_BATCH,
    PARTIAL_BATCH,
    TranscriberPool,
    TranscriptionService,
)
from copilot.audio.files import decode_file
from tests.conftest import call_script, fixture_path


def utterance_jobs(n: int) -> list[TranscriptionJob]:
    call = decode_file(fixture_path("call_escalating_en.wav"))
    turns = call_script("call_escalating_en")["turns"][:n]
    return [
        TranscriptionJob(
            "c",
            t["speaker"],
            f"u{i}",
            t["start"],
            t["end"],
            call.legs[t["speaker"]][int(t["start"] * 16000) : int(t["end"] * 16000)],
            True,
            "en",
        )
        for i, t in enumerate(turns)
    ]


def run_together(
    tiny_en,
    jobs: list[TranscriptionJob],
    workers: int = 1,
    partials_ran: tuple[TranscriptionJob, ...] = (),
    **options,
):
    """Submit every job at once to a fresh service; its results and stats. The service
    first notes `partials_ran` as partials that already ran (their utterances' next
    partials are no longer first)."""

    async def scenario():
        pool = TranscriberPool(model="tiny.en", workers=workers)
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(pool, **options)
        assert service.workers == workers
        for earlier in partials_ran:
            service.partial_budget.ran(earlier, now=0.0)
        results = await asyncio.gather(*(service.transcribe(j, "tiny.en") for j in jobs))
        await service.stop()
        return results, service.stats

    return asyncio.run(scenario())


def test_a_short_queue_is_served_one_by_one(tiny_en):
    # Two finals for one worker: each on its own, so the first is out without waiting
    # for the second's decoding.
    results, stats = run_together(tiny_en, utterance_jobs(2), max_batch=8)
    assert stats.jobs == 2 and stats.batches == 2 and stats.largest_batch == 1
    assert "good morning" in results[0].text.lower()
    assert "parcel" in results[1].text.lower()


def test_a_deep_backlog_is_batched_and_each_job_keeps_its_own_text(tiny_en):
    # More than BATCH_ROUNDS finals per worker wait: two go in one batch; the two left
    # are a short queue again and go one by one.
    assert BATCH_ROUNDS == 2
    results, stats = run_together(tiny_en, utterance_jobs(4), max_batch=8)
    assert stats.jobs == 4 and stats.batches == 3 and stats.largest_batch == 2
    assert "good morning" in results[0].text.lower()
    assert "parcel" in results[1].text.lower()


def test_finals_are_served_before_partials(tiny_en):
    jobs = utterance_jobs(3)
    partial = TranscriptionJob("c", "agent", "p", 0, 1, jobs[0].audio, False, "en")
    order: list[str] = []

    async def scenario():
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        # No shedding here: this checks the order in which work is done.
        service = TranscriptionService(
            pool,
            max_batch=1,
            partial_max_wait=60,
            partial_load_limit=1.0,
            partial_overload_limit=100.0,
        )

        async def one(job):
            await service.transcribe(job, "tiny.en")
            order.append(job.utterance_id)

        await asyncio.gather(one(partial), one(jobs[1]), one(jobs[2]))
        await service.stop()

    asyncio.run(scenario())
    assert order == ["u1", "u2", "p"]


def test_a_failing_batch_fails_its_jobs_not_the_service(tiny_en):
    good = utterance_jobs(1)[0]
    bad = TranscriptionJob("c", "agent", "bad", 0, 1, np.zeros(10, np.int16), True, "en")

    async def scenario():
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(pool)
        try:
            await service.transcribe(bad, "no-such-model")
        except Exception as exc:  # noqa: BLE001 - the model error must reach the caller
            failure = exc
        result = await service.transcribe(good, "tiny.en")
        await service.stop()
        return failure, result

    failure, result = asyncio.run(scenario())
    assert "no-such-model" in str(failure)
    assert "good morning" in result.text.lower()


def test_partials_that_waited_too_long_are_skipped_not_transcribed(tiny_en):
    final = utterance_jobs(1)[0]
    partial = TranscriptionJob("c", "agent", "p", 0, 1, final.audio, False, "en")

    async def scenario():
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(pool, partial_max_wait=0.0)
        results = await asyncio.gather(
            service.transcribe(final, "tiny.en"), service.transcribe(partial, "tiny.en")
        )
        await service.stop()
        return results, service.stats

    (final_result, partial_result), stats = asyncio.run(scenario())
    assert "good morning" in final_result.text.lower()
    assert partial_result.text == "" and stats.skipped_partials == 1 and stats.jobs == 1


def test_later_partials_are_shed_while_the_worker_is_busy_an_utterances_first_is_not(tiny_en):
    final = utterance_jobs(1)[0]
    first_partial = TranscriptionJob("c", "agent", "p", 0, 1, final.audio, False, "en")
    second_partial = TranscriptionJob("c", "agent", "p", 0, 1, final.audio, False, "en")

    async def scenario():
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(
            pool, partial_max_wait=60, partial_load_limit=0.0, partial_overload_limit=0.0
        )
        await service.transcribe(final, "tiny.en")  # makes the worker "busy"
        first = await service.transcribe(first_partial, "tiny.en")
        shed = await service.transcribe(second_partial, "tiny.en")
        await service.stop()
        return first, shed, service.stats

    first, shed, stats = asyncio.run(scenario())
    assert "good morning" in first.text.lower() and shed.text == ""
    assert stats.skipped_partials == 1 and stats.jobs == 2


def test_later_partials_run_in_small_batches_so_a_final_never_waits_long_behind_them(tiny_en):
    final = utterance_jobs(1)[0]
    # Twice PARTIAL_BATCH later partials wait: a deep backlog, yet no batch is bigger than that.
    partials = [
        TranscriptionJob("c", f"leg{i}", f"p{i}", 0, 1, final.audio, False, "en")
        for i in range(2 * PARTIAL_BATCH + 2)
    ]

    results, stats = run_together(
        tiny_en,
        partials,
        partials_ran=tuple(partials),
        max_batch=8,
        partial_max_wait=60,
        partial_load_limit=1.0,
        partial_overload_limit=100.0,  # a busy test machine must not shed them
    )
    assert all("good morning" in r.text.lower() for r in results)
    assert stats.jobs == len(partials) and stats.largest_batch == PARTIAL_BATCH < 8


def test_first_partials_go_before_later_ones_in_bigger_batches(tiny_en):
    final = utterance_jobs(1)[0]
    short = final.audio[:16000]  # a first partial: under a second of speech
    later = [
        TranscriptionJob("c", f"later{i}", "u", 0, 2, final.audio, False, "en") for i in range(3)
    ]
    first = [
        TranscriptionJob("c", f"first{i}", "u", 0, 1, short, False, "en")
        for i in range(FIRST_PARTIAL_BATCH * 2)
    ]

    async def scenario():
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(
            pool, max_batch=8, partial_max_wait=60, partial_overload_limit=100.0
        )
        for job in later:
            service.partial_budget.ran(job, now=0.0)
        finished: list[str] = []

        async def run(job):
            result = await service.transcribe(job, "tiny.en")
            finished.append(job.leg)
            return result

        results = await asyncio.gather(*(run(j) for j in later + first))
        await service.stop()
        return results, finished, service.stats

    results, finished, stats = asyncio.run(scenario())
    assert all(r.text for r in results)
    # Every first partial is out before any later one, in two full batches.
    assert all(leg.startswith("first") for leg in finished[: len(first)])
    assert stats.largest_batch == FIRST_PARTIAL_BATCH > PARTIAL_BATCH


def test_two_workers_take_a_burst_one_by_one_and_keep_each_text(tiny_en):
    results, stats = run_together(tiny_en, utterance_jobs(4), workers=2, max_batch=8)
    # Two finals per worker at most: one at a time on each, not half batches.
    assert stats.jobs == 4 and stats.batches == 4 and stats.largest_batch == 1
    assert "good morning" in results[0].text.lower()
    assert "parcel" in results[1].text.lower()


def test_two_workers_share_a_deep_backlog_out_in_batches(tiny_en):
    results, stats = run_together(tiny_en, utterance_jobs(8), workers=2, max_batch=8)
    # 8 waiting: each idle worker takes 2 (8 and then 6 left over 2 rounds of 2 workers);
    # the 4 left after that are no longer a backlog and go one by one.
    assert stats.jobs == 8 and stats.batches == 6 and stats.largest_batch == 2
    assert "good morning" in results[0].text.lower()
    assert "parcel" in results[1].text.lower()


def _thread_niceness() -> dict[int, int]:
    niceness = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a thread of an earlier test ended between the listing and the read
        niceness[int(tid)] = int(fields[16])  # field 19 of proc(5), counted after the name
    return niceness


def test_whisper_threads_run_below_the_event_loop():
    before = _thread_niceness()
    pool = TranscriberPool(model="tiny.en", workers=2, nice=7)
    transcriber = pool.get("tiny.en")
    after = _thread_niceness()
    new_threads = {tid: nice for tid, nice in after.items() if tid not in before}
    # CTranslate2 starts a thread per worker while loading; both inherit the niceness.
    assert sum(nice == 7 for nice in new_threads.values()) >= 2
    assert after[threading.get_native_id()] == before[threading.get_native_id()] == 0
    audio = decode_file(fixture_path("jfk.flac")).legs["customer"].astype(np.float32) / 32768
    assert "country" in transcriber.transcribe(audio, "en").text.lower()


def _kept_worker_scenario(tiny_en):
    """Three later partials of three calls, then a final while one worker decodes partials."""
    jobs = utterance_jobs(2)
    partials = [
        TranscriptionJob(f"c{i}", "customer", f"p{i}", 0, 3, jobs[1].audio, False, "en")
        for i in range(3)
    ]
    started: list[list[str]] = []  # each batch's utterances, as they started

    async def scenario():
        pool = TranscriberPool(model="tiny.en", workers=2)
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(
            pool, partial_max_wait=60, partial_load_limit=1.0, partial_overload_limit=100.0
        )
        for p in partials:  # each utterance had a partial already: these are later ones
            service.partial_budget.ran(p, time.monotonic() - 10)
        transcribe = service._transcribe

        def noting(batch):
            started.append([p.job.utterance_id for p in batch])
            return transcribe(batch)

        service._transcribe = noting
        waiting = [asyncio.create_task(service.transcribe(p, "tiny.en")) for p in partials]
        await asyncio.sleep(0.05)  # one worker is on partials now
        final = await service.transcribe(jobs[0], "tiny.en")
        await asyncio.gather(*waiting)
        await service.stop()
        return final, service.stats

    final, stats = asyncio.run(scenario())
    assert "good morning" in final.text.lower()
    return started, stats


def test_with_two_workers_one_is_kept_for_finals(tiny_en):
    """Later partials never take the last free worker: a final that arrives while one
    worker decodes a partial starts at once on the other, before the partials that waited."""
    started, stats = _kept_worker_scenario(tiny_en)
    # Right after the one batch of partials already running.
    assert started[1] == ["u0"] and started[0][0].startswith("p")
    assert stats.held_for_finals >= 1


def test_under_pressure_each_calls_partials_thin_out_first():
    """A call that just had a partial gets no other while the workers are busy; a quiet
    call still gets its first; unpressured, every partial runs."""
    from copilot.asr.service import PartialBudget

    audio = np.zeros(1600, dtype=np.int16)
    chatty = TranscriptionJob("chatty", "customer", "u1", 0, 1, audio, False, "en")
    quiet = TranscriptionJob("quiet", "customer", "u1", 0, 1, audio, False, "en")
    budget = PartialBudget(pressured_interval=2.0)
    budget.ran(chatty, now=10.0)
    assert not budget.allows(chatty, now=11.0, pressured=True)
    assert budget.allows(quiet, now=11.0, pressured=True)
    assert budget.allows(chatty, now=11.0, pressured=False)
    assert budget.allows(chatty, now=12.5, pressured=True)
    next_utterance = TranscriptionJob("chatty", "customer", "u2", 1, 2, audio, False, "en")
    assert budget.allows(next_utterance, now=11.0, pressured=True)  # its first partial
    final = TranscriptionJob("chatty", "customer", "u1", 0, 1, audio, True, "en")
    budget.ran(final, now=11.5)  # the utterance ended: the next one starts afresh
    assert budget.allows(chatty, now=11.6, pressured=True)
