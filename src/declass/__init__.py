"""declass: read released government records into structured, searchable data.

>>> import declass
>>> rec = declass.parse("release.txt")
>>> rec.release.status, rec.classification.banner
"""

from declass.pipeline import parse, parse_all, parse_bytes
from declass.read import ReadError
from declass.record import Record

__all__ = ["ReadError", "Record", "parse", "parse_all", "parse_bytes"]
__version__ = "0.1.0"
