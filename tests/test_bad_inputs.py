"""Bad inputs give a rejection with a reason naming the problem; the rest of the batch goes on."""

from __future__ import annotations

import shutil

import pytest

import marsad


@pytest.fixture()
def batch(tmp_path, seeds_dir):
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


def reasons(result):
    return {r.source.rsplit("/", 1)[-1]: (r.code, r.reason) for r in result.rejected}


def test_empty_binary_and_huge_files_rejected_rest_processed(batch):
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with open(batch / "huge.txt", "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    result = marsad.analyze([batch])
    got = reasons(result)
    assert got["empty.txt"][0] == "E101"
    assert got["binary.txt"][0] == "E102"
    assert got["huge.txt"][0] == "E104"
    assert all(reason for _, reason in got.values())
    assert len(result.articles) == 2
    assert result.stories


def test_windows_1256_decoded_and_invalid_utf8_reported(batch, seeds_dir):
    text = (seeds_dir / "003_823bc19be5af1ebc.txt").read_text(encoding="utf-8").split("\n\n \n")[0]
    (batch / "legacy.txt").write_bytes(text.encode("cp1256", errors="ignore"))
    (batch / "broken.txt").write_bytes(b"\xff\xfe\xfa" + b"\x81\x8d" * 40 + "كلمة".encode() * 3)
    result = marsad.analyze([batch])
    legacy = [a for a in result.articles if a.source.endswith("legacy.txt")]
    assert legacy and "كوناشينكوف" in legacy[0].text
    broken_ok = any(a.source.endswith("broken.txt") for a in result.articles)
    assert broken_ok or "broken.txt" in reasons(result)


def test_same_file_twice_is_kept_once(batch, seeds_dir):
    shutil.copy(seeds_dir / "000_a0100a77bcf24b2e.txt", batch / "copy.txt")
    result = marsad.analyze([batch, batch / "copy.txt"])
    assert len({a.id for a in result.articles}) == len(result.articles)
