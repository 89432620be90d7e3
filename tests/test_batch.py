"""extractor.batch and `extractor batch`: records, error kinds, resume after a kill, Dask."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

import extractor
from extractor.batch import Journal, expand_inputs, extract_many, run_batch, run_pool
from extractor.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
KINDS = {
    "empty.pdf": "not_pdf",
    "zeros.pdf": "not_pdf",
    "truncated.pdf": "damaged",
    "notes.pdf": "not_pdf",
    "locked.pdf": "encrypted",
    "missing.pdf": "not_found",
}


@pytest.fixture
def broken(tmp_path: Path) -> list[Path]:
    """One file per way of failing (missing.pdf is not created)."""
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "zeros.pdf").write_bytes(bytes(4096))
    (folder / "truncated.pdf").write_bytes((ROOT / "samples" / "single_col.pdf").read_bytes()[:300])
    (folder / "notes.pdf").write_text("meeting notes, not a PDF\n")
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret text")
    doc.save(
        folder / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o"
    )
    return [folder / name for name in KINDS]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _check_records(records: list[dict], inputs: list[str]) -> None:
    """One record per input; error kinds as expected; good ones carry extract()'s text."""
    assert sorted(r["path"] for r in records) == sorted(inputs)
    for record in records:
        name = Path(record["path"]).name
        if name in KINDS:
            assert record["kind"] == KINDS[name], record
            assert record["error"].startswith(record["path"]), record
            assert "output" not in record
        else:
            assert "error" not in record, record
            assert record["format"] == "text"
            assert record["output"] == extractor.extract(record["path"]).to_text()
            assert record["pages"] == len(extractor.extract(record["path"]).pages)
            data = Path(record["path"]).read_bytes()
            assert record["size"] == len(data)
            assert len(record["sha256"]) == 64


def test_batch_over_samples_and_broken_files(tmp_path, broken):
    inputs = [str(p) for p in [*SAMPLES, *broken]]
    out = tmp_path / "results.jsonl"
    stats = run_batch(inputs, out, workers=2)
    _check_records(_lines(out), inputs)
    assert (stats.done, stats.errors, stats.skipped) == (len(SAMPLES), len(broken), 0)
    assert stats.kinds == {"not_pdf": 3, "damaged": 1, "encrypted": 1, "not_found": 1}
    assert not stats.ok
    again = run_batch(inputs, out, workers=2)  # all done: nothing redone, nothing added
    assert (again.done, again.errors, again.skipped, again.skipped_errors) == (0, 0, len(inputs), 6)
    assert len(_lines(out)) == len(inputs)


def test_extract_many_is_public_and_yields_one_record_per_path():
    assert "extract_many" in extractor.__all__
    paths = [str(p) for p in SAMPLES[:3]]
    records = list(extractor.extract_many(paths, workers=1))
    assert sorted(r["path"] for r in records) == sorted(paths)
    assert list(extract_many([], workers=2)) == []


def test_expand_inputs_folders_stdin_and_repeats(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    for name in ["b/deep/z.pdf", "b/a.PDF", "b/c.pdf", "b/notes.txt"]:
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    stdin = io.StringIO(f"{tmp_path / 'b' / 'c.pdf'}\n\n  other.pdf  \n")
    got = expand_inputs([str(tmp_path / "b"), "-", "x.pdf"], stdin)
    want = [str(tmp_path / n) for n in ["b/a.PDF", "b/c.pdf", "b/deep/z.pdf"]]
    assert got == [*want, "other.pdf", "x.pdf"]


def test_half_written_last_line_is_cut_and_redone(tmp_path):
    inputs = [str(p) for p in SAMPLES[:4]]
    out = tmp_path / "results.jsonl"
    run_batch(inputs[:3], out, workers=1)
    first = _lines(out)
    cut = json.dumps({"path": inputs[3], "size": 1, "sha256": "0", "pages": 1, "output": "The"})
    with out.open("a", encoding="utf-8") as fh:
        fh.write(cut[: len(cut) // 2])  # the crash hit mid-line: no newline
    journal = Journal(out)
    journal.close()
    assert journal.repaired and set(journal.done) == set(inputs[:3])
    stats = run_batch(inputs, out, workers=1)
    assert (stats.done, stats.skipped) == (1, 3)
    records = _lines(out)  # every line parses: the half line is gone
    assert records[:3] == first
    _check_records(records, inputs)


def test_changed_file_is_redone_and_foreign_file_refused(tmp_path):
    pdf = tmp_path / "doc.pdf"
    shutil.copy(SAMPLES[0], pdf)
    out = tmp_path / "results.jsonl"
    run_batch([str(pdf)], out, workers=1)
    shutil.copy(SAMPLES[1], pdf)  # same path, new content
    assert run_batch([str(pdf)], out, workers=1).done == 1
    old, new = _lines(out)
    assert old["path"] == new["path"] and old["sha256"] != new["sha256"]
    notes = tmp_path / "notes.txt"
    notes.write_text("not records\n")
    with pytest.raises(extractor.errors.OptionsError, match="line 1 is not a batch record"):
        run_batch([str(pdf)], notes)
    assert notes.read_text() == "not records\n"


# -- worker processes: hard time limit and crashes -------------------------------------------


def _stubborn(path: str) -> dict:
    """Stands for a call stuck in C: SIGALRM blocked, a long sleep for names with "hang"."""
    if "hang" in path:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
        time.sleep(60)
    if "crash" in path:
        os._exit(3)
    return {"path": path, "pid": os.getpid()}


def test_pool_kills_a_hung_worker_and_goes_on(tmp_path):
    paths = ["a", "hang-1", "b", "crash-1", "c", "d"]
    start = time.monotonic()
    records = list(run_pool(paths, _stubborn, workers=2, limit=1.0, max_tasks=2))
    assert time.monotonic() - start < 10
    by_path = {r["path"]: r for r in records}
    assert sorted(by_path) == sorted(paths) and len(records) == len(paths)
    assert by_path["hang-1"]["kind"] == "timeout"
    assert by_path["crash-1"]["kind"] == "crashed" and "exit code 3" in by_path["crash-1"]["error"]
    # max_tasks=2: no worker process served more than two documents
    pids = [r["pid"] for r in records if "pid" in r]
    assert all(pids.count(pid) <= 2 for pid in pids)


# -- CLI ----------------------------------------------------------------------------------------


def test_cli_batch_exit_codes_and_summary(tmp_path, broken):
    out = tmp_path / "ok.jsonl"
    runner = CliRunner()
    ok = runner.invoke(cli, ["batch", str(ROOT / "samples"), "-o", str(out), "--workers", "2"])
    assert ok.exit_code == 0, ok.output
    assert f"{len(SAMPLES)} done, 0 skipped, 0 errors" in ok.stderr
    assert len(_lines(out)) == len(SAMPLES)
    bad = runner.invoke(
        cli, ["batch", "-", "-o", str(tmp_path / "bad.jsonl")], input=f"{broken[0]}\n{SAMPLES[0]}\n"
    )
    assert bad.exit_code == 1
    assert "1 done, 0 skipped, 1 errors (not_pdf 1)" in bad.stderr
    other = runner.invoke(cli, ["batch", str(SAMPLES[0]), "-o", str(out), "-f", "markdown"])
    assert other.exit_code == 2  # one format per results file (or markdown not there yet)


# -- a real crash: SIGKILL part-way, then the same command again -----------------------------

COPIES = 8  # of every sample: enough documents to kill the batch part-way


def test_resume_after_sigkill_has_every_input_exactly_once(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(COPIES):
        for sample in SAMPLES:
            target = folder / f"{i:02d}-{sample.name}"
            try:
                os.link(sample, target)
            except OSError:
                shutil.copy(sample, target)
    total = COPIES * len(SAMPLES)
    out = tmp_path / "results.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "extractor",
        "batch",
        str(folder),
        "-o",
        str(out),
        "--workers",
        "2",
    ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, as a crash would
    proc.wait()
    proc.stderr.close()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < total

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    paths = [r["path"] for r in _lines(out)]
    assert len(paths) == len(set(paths)) == total
    assert set(paths) == {str(p) for p in folder.iterdir()}
    assert f"{total - written} done, {written} skipped, 0 errors" in rerun.stderr


# -- Dask: a real LocalCluster with worker processes --------------------------------------------


def test_dask_gives_the_same_records_as_the_local_pool(tmp_path, broken):
    distributed = pytest.importorskip("distributed")
    inputs = [str(p) for p in [*SAMPLES[:6], *broken]]
    local = {r["path"]: r for r in extract_many(inputs, workers=2)}
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = {r["path"]: r for r in extract_many(inputs, scheduler=cluster.scheduler_address)}
        out = tmp_path / "dask.jsonl"
        first = run_batch(inputs[:4], out, scheduler=cluster.scheduler_address)
        second = run_batch(inputs, out, scheduler=cluster.scheduler_address)
    assert sorted(remote) == sorted(local) == sorted(inputs)
    for path in inputs:
        local[path].pop("seconds")
        remote[path].pop("seconds")
        assert remote[path] == local[path]
    assert (first.done, second.skipped, second.done + second.errors) == (4, 4, len(inputs) - 4)
    _check_records(_lines(out), inputs)


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_records_in_other_formats(fmt):
    method = {"markdown": "to_markdown", "json": "to_json"}[fmt]
    if not hasattr(extractor.Document, method):
        pytest.skip(f"Document.{method} is not written yet")
    path = str(SAMPLES[0])
    (record,) = extract_many([path], workers=1, fmt=fmt)
    rendered = getattr(extractor.extract(path), method)()
    assert record["format"] == fmt
    assert record["output"] == (json.loads(rendered) if fmt == "json" else rendered)
