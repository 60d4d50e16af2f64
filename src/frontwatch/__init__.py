"""frontwatch: conflict news in, sourced, geolocated ACLED-style events out."""

__version__ = "0.1.0"
__all__ = ["__version__"]
