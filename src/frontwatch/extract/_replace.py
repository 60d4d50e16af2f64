"""`dataclasses.replace` for the frozen value types, without re-running `__init__`.

dataclasses.replace builds keyword arguments for every field and calls the frozen
`__init__` (one object.__setattr__ per field): ~13 µs for a Claim, and extraction
replaces claims and places often. For a plain dataclass (every field set by `__init__`,
no `__post_init__`, no per-instance cache, instances with a `__dict__`) a copy of the
instance dict with the changed fields is the same value; any other class, or an unknown
field name, goes to dataclasses.replace (and its error).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, TypeVar

__all__ = ["replace"]

T = TypeVar("T")
_PLAIN: dict[type, frozenset[str] | None] = {}


def _plain_fields(cls: type) -> frozenset[str] | None:
    """The field names of a plain dataclass, else None."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return None
    if "__slots__" in cls.__dict__ or any(
        isinstance(v, functools.cached_property) for k in cls.__mro__ for v in vars(k).values()
    ):
        return None
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        return None
    return frozenset(f.name for f in fields)


def replace(obj: T, /, **changes: Any) -> T:
    cls = type(obj)
    try:
        names = _PLAIN[cls]
    except KeyError:
        names = _PLAIN[cls] = _plain_fields(cls)
    if names is None or not changes.keys() <= names:
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    new = object.__new__(cls)
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new
