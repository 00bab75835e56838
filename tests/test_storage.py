"""helpers.storage: atomic writes leave the old file or the new one, with ordinary permissions."""

import pytest

from helpers.storage import atomic_path, write_text


def test_a_new_file_gets_the_mode_of_any_new_file(tmp_path):
    path = write_text(tmp_path / "out" / "a.txt", "hello\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("hello\n")  # what open() gives under this process's umask
    assert path.read_text() == "hello\n"
    assert path.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777 != 0o600  # not mkstemp's 0600


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    path.chmod(0o640)
    write_text(path, "new")
    assert path.read_text() == "new" and path.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(path) as tmp:
            tmp.write_text("half")
            raise RuntimeError("killed")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
