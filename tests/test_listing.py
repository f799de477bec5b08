"""The input's listing (read.inputs.Listing): a folder's plain files are held as their names, and
every Input comes out as a list of Inputs would give it, in the same order."""

from __future__ import annotations

from pathlib import Path

from timeline.read.inputs import Input, Run, files, inputs


def folder_of(path: Path, names: list[str]) -> Path:
    path.mkdir(parents=True)
    for name in names:
        (path / name).write_text("Op 3 maart 2024 opende de bibliotheek in Zwolle haar nieuwe zaal.\n", "utf-8")
    return path


def test_a_folder_of_plain_files_is_held_as_one_run_of_names_and_gives_an_input_for_each(tmp_path):
    folder = folder_of(tmp_path / "archief", ["b.txt", "a.txt", "c.html", "notities.doc"])
    listed = inputs([str(folder)], lambda: b"", 1000)
    assert [type(part) for part in listed.parts] == [Run] and list(listed.parts[0].names) == ["a.txt", "b.txt", "c.html"]
    assert list(listed) == [Input(folder / "a.txt", str(folder / "a.txt"), max_bytes=1000),
                            Input(folder / "b.txt", str(folder / "b.txt"), max_bytes=1000),
                            Input(folder / "c.html", str(folder / "c.html"), max_bytes=1000, kind="html")]
    assert [listed[n] for n in range(3)] == list(listed) == listed[0:3] and listed[-1] == listed[2]


def test_one_name_in_two_folders_is_told_apart_by_its_folder_in_the_listing(tmp_path):
    first = folder_of(tmp_path / "noord", ["bericht.txt", "extra.txt"])
    second = folder_of(tmp_path / "zuid", ["bericht.txt"])
    listed = files([str(first), str(second)], lambda: b"", 1000)
    assert [item.identity for item in listed] == ["noord/bericht.txt", "", "zuid/bericht.txt"]
    assert [item.identity for item in inputs([str(first), str(second)], lambda: b"", 1000)] == [
        "noord/bericht.txt", "", "zuid/bericht.txt"]


def test_a_file_also_named_by_its_folder_is_listed_once_and_a_data_set_stands_alone(tmp_path):
    folder = folder_of(tmp_path / "archief", ["a.txt", "b.txt"])
    (folder / "export.jsonl").write_text('{"text": "Op 4 mei 2023 sloot de fabriek.", "published": "2023-05-05"}\n',
                                         "utf-8")
    listed = inputs([str(folder / "b.txt"), str(folder)], lambda: b"", 1000)
    assert [item.name for item in listed] == [str(folder / "b.txt"), str(folder / "a.txt"),
                                              f"{folder / 'export.jsonl'}:1"]
    assert len(listed) == 3 and listed[2].kind == "line"
