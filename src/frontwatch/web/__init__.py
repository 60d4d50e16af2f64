"""`frontwatch serve`: a local web dashboard (map, time slider, event list with sources).

Needs the optional `web` extra (`pip install 'frontwatch[web]'`): FastAPI and uvicorn.
Every asset (Leaflet, country outlines) is shipped in `static/vendor/`; nothing is
fetched from the network, so the page works offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError

__all__ = ["load_app"]


def load_app(db: Path) -> Any:  # a FastAPI app; FastAPI is optional, so no import up here
    """The FastAPI app for `db`, or a FrontwatchError naming the missing extra."""
    try:
        from ._app import create_app
    except ImportError as exc:
        raise FrontwatchError(
            f"the dashboard needs the web extra ({exc.name} is missing): "
            "pip install 'frontwatch[web]'"
        ) from None
    return create_app(db)
