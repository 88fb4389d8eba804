"""Fixtures for the hostile corpus, and the summary of outcomes per entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.entry import INPUTS, OUTCOMES


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the corpus's inputs are written, once per session (large ones are generated)."""
    return tmp_path_factory.mktemp("hostile-corpus")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not OUTCOMES:
        return
    terminalreporter.section("hostile corpus: inputs and outcomes per entry point")
    for entry in sorted(OUTCOMES):
        counts = OUTCOMES[entry]
        runs = sum(counts.values())
        detail = ", ".join(f"{outcome} {n}" for outcome, n in sorted(counts.items()))
        terminalreporter.write_line(f"{entry:<28} {len(INPUTS[entry]):>3} inputs, {runs:>4} runs: {detail}")
