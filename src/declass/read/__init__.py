"""Readers: bytes in, text pages out. Chosen by content sniffing (see :mod:`sniff`)."""

from declass.read.base import ReadError, Reading, read_all, read_bytes, read_file_bytes, read_path

__all__ = ["ReadError", "Reading", "read_all", "read_bytes", "read_file_bytes", "read_path"]
