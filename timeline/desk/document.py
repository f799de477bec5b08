"""The desk's actions as changes to the text of edits.toml, made with tomlkit, which keeps the
editor's comments, order and spacing: only the table and key an action touches change.

Each action is a pydantic model (unknown fields are errors); `changed` gives the new text."""

from __future__ import annotations

from typing import Annotated, Literal, Union

import tomlkit
from tomlkit.items import Comment, KeyType, SingleKey, Whitespace
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
Words = Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Drop(Action):
    action: Literal["drop", "restore"]
    id: Id


class Redate(Action):
    action: Literal["date"]
    id: Id
    phrase: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Rewrite(Action):
    action: Literal["rewrite"]
    id: Id
    headline: Words | None = None
    text: Words | None = None


class Key(Action):
    action: Literal["key"]
    id: Id
    on: StrictBool


class Merge(Action):
    action: Literal["merge"]
    id: Id  # the event that takes the other
    other: Id


class Split(Action):
    action: Literal["split"]
    id: Id  # the event
    member: Id  # the telling (or the event merged into it by an edit) that goes out again


class Add(Action):
    action: Literal["add"]
    id: Id  # a left-out sentence or event


class Undo(Action):
    action: Literal["undo"]


class Request(BaseModel):
    """What a change sends: the version of edits.toml it was made on, and the action."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    version: Annotated[str, StringConstraints(max_length=64)]
    change: Annotated[Union[Drop, Redate, Rewrite, Key, Merge, Split, Add, Undo], Field(discriminator="action")]


def table(doc: tomlkit.TOMLDocument, key: str):
    """The edit of `key`, made (at the end of the file, written `["key"]` as the README does) if it has none."""
    if key not in doc:
        doc.add(SingleKey(key, KeyType.Basic), tomlkit.table())
    return doc[key]


def unset(doc: tomlkit.TOMLDocument, key: str, field: str) -> None:
    if key in doc and field in doc[key]:
        del doc[key][field]


def tidy(doc: tomlkit.TOMLDocument, keys: set[str]) -> tomlkit.TOMLDocument:
    """The edits of `keys` that were left with no field go (an empty edit would still mark its event
    edited), their comments staying where they stood: tomlkit keeps the comment above a table
    inside the table before it."""
    if not any(key in doc and not doc[key] for key in keys):
        return doc
    tidied = tomlkit.document()
    for key, item in doc.body:
        if key is None:
            tidied.add(item)
        elif key.key in keys and not item:
            for _, inner in item.value.body:
                if isinstance(inner, (Comment, Whitespace)):
                    tidied.add(inner)
        else:
            tidied.append(key, item)
    return tidied


def merged_by(doc: tomlkit.TOMLDocument, member: str) -> str | None:
    """The edit whose `merge` list holds `member`."""
    return next((key for key, edit in doc.items() if member in (edit.get("merge") or [])), None)


def changed(text: str, change, added: dict[str, object] | None = None) -> str:
    """The text of edits.toml after `change`; `added` holds the fields an Add writes."""
    doc = tomlkit.parse(text)
    touched = {getattr(change, "id", "")}  # the edits a change may leave empty
    if isinstance(change, Drop) and change.action == "drop":
        table(doc, change.id)["drop"] = True
    elif isinstance(change, Drop):
        unset(doc, change.id, "drop")
    elif isinstance(change, Redate):
        table(doc, change.id)["date"] = change.phrase
    elif isinstance(change, Rewrite):
        for field in ("headline", "text"):
            if getattr(change, field) is not None:
                table(doc, change.id)[field] = " ".join(getattr(change, field).split())
    elif isinstance(change, Key) and change.on:
        table(doc, change.id)["key"] = True
    elif isinstance(change, Key):
        unset(doc, change.id, "key")
    elif isinstance(change, Merge):
        edit = table(doc, change.id)
        if "merge" not in edit:
            edit["merge"] = tomlkit.array()
        edit["merge"].append(change.other)
    elif isinstance(change, Split):
        touched.add(split(doc, change))
    elif isinstance(change, Add):
        for field, value in (added or {}).items():
            table(doc, change.id)[field] = value
    return tidy(doc, touched).as_string()


def split(doc: tomlkit.TOMLDocument, change: Split) -> str:
    """An event an edit merged in leaves that merge; a telling the build merged is split off.
    Returns the edit it changed."""
    taker = merged_by(doc, change.member)
    if taker is None:
        table(doc, change.member)["split"] = True
        return change.member
    kept = [m for m in doc[taker]["merge"] if m != change.member]
    if kept:
        doc[taker]["merge"] = kept
    else:
        unset(doc, taker, "merge")
    return taker
