"""Plain text: decoding with a clear account of what was guessed."""

from __future__ import annotations

import codecs


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings). Never raises on bad bytes: it says what it did."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            # cp1252 covers the Windows exports most releases come from; latin-1 takes any byte
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin-1"), "latin-1"
            warnings.append(f"not valid UTF-8 (first bad byte at {e.start}); decoded as {enc}")
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable characters replaced")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, enc, warnings
