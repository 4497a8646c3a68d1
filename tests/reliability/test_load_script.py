"""The load script's flat-memory judgement, and a short smoke run of the whole script."""

from __future__ import annotations

import pytest

from tests.bench.run_load import MIB, judge_memory, main


def test_flat_memory_with_noise_passes() -> None:
    # Given 60 one-second samples around 80 MiB, wobbling by 1 MiB
    samples = [80 * MIB + (s % 3) * MIB // 2 for s in range(60)]
    # When they are judged with an 8 MiB limit, Then memory is flat
    flat, verdict = judge_memory(samples, 8 * MIB)
    assert flat, verdict


def test_warm_up_growth_is_not_a_leak() -> None:
    # Given RSS that grows by 30 MiB in the first 10 seconds, then stays
    samples = [(50 + 3 * min(s, 10)) * MIB for s in range(60)]
    # When judged, Then memory is flat: the baseline is taken after the warm-up
    assert judge_memory(samples, 8 * MIB)[0]


def test_steady_growth_is_a_leak() -> None:
    # Given RSS that grows by 256 KiB every second (1 KiB per request at 256 req/s)
    samples = [80 * MIB + s * MIB // 4 for s in range(60)]
    # When judged with an 8 MiB limit, Then the ~8.75 MiB growth fails, naming the sizes
    flat, verdict = judge_memory(samples, 8 * MIB)
    assert not flat
    assert "+8.8 MiB" in verdict, verdict


def test_a_run_too_short_to_judge_fails() -> None:
    # Given 30 samples, When judged, Then it is not called flat
    flat, verdict = judge_memory([80 * MIB] * 30, 8 * MIB)
    assert not flat and "at least 40 seconds" in verdict


@pytest.mark.server
def test_a_short_load_has_no_error_answer(capsys: pytest.CaptureFixture[str]) -> None:
    # Given a real server, When the script drives 4 seconds at 40 req/s
    status = main(["--seconds", "4", "--rate", "40", "--companies", "300", "--no-memory-check"])
    # Then every answer was the expected one and the table was printed
    output = capsys.readouterr().out
    assert status == 0, output
    assert "errors: 0" in output and "DownloadStatistics" in output
