"""What a document says: entities, places, dates, events and quantities, each with evidence."""

from declass.extract.pipeline import run

__all__ = ["run"]
