"""One exception hierarchy; the CLI turns each into a one-line message."""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base of every error a user can cause; str(e) is the one-line message."""


class IngestError(FrontwatchError):
    """A file or feed could not be read as an article."""


class StoreError(FrontwatchError):
    """The database could not be opened or written."""


class GoldFileError(FrontwatchError):
    """A gold (annotation) file is malformed."""


class GazetteerError(FrontwatchError):
    """A gazetteer file could not be imported."""
