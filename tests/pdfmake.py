"""Write small PDFs for tests (Helvetica, one text line per line; optionally over a page image, the\nway scanners write their OCR layer): no PDF library needed."""

from __future__ import annotations


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(pages: list[list[str]], images: list[tuple[bytes, int, int]] | None = None, invisible: bool = False, encrypted: bool = False) -> bytes:
    """One page per list of lines. ``images``: a grayscale JPEG ``(data, width, height)`` per page
    drawn full-page under the text; ``invisible``: the text is not drawn (render mode 3), the way
    a scanner's OCR layer sits over its page image. ``encrypted``: a standard security handler
    whose user password is not empty (the file cannot be opened without it)."""
    objs: list[bytes] = []
    n_pages = len(pages)
    per = 3 if images else 2  # objects per page: page, content (, image)
    # 1 catalog, 2 pages, 3 font, then (page, content[, image]) per page
    kids = " ".join(f"{4 + per * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        body = []
        xobj = ""
        if images:
            body.append("q 612 0 0 792 0 0 cm /Im0 Do Q")
            xobj = f" /XObject << /Im0 {6 + per * i} 0 R >>"
        body += ["BT", "3 Tr" if invisible else "0 Tr", "/F1 10 Tf", "12 TL", "40 760 Td"]
        for line in lines:
            body.append(f"({_esc(line)}) Tj T*")
        body.append("ET")
        stream = "\n".join(body).encode("cp1252", "replace")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >>{xobj} >> /Contents {5 + per * i} 0 R >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
        if images:
            data, w, h = images[i]
            head = f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>"
            objs.append(head.encode() + b"\nstream\n" + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    extra = ""
    if encrypted:
        # RC4 40-bit (R2); O and U entries that no empty password satisfies
        extra = " /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + "4f" * 32 + "> /U <" + "55" * 32 + "> /P -44 >> /ID [<" + "ab" * 16 + "> <" + "ab" * 16 + ">]"
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
