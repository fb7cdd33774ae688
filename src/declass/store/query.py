"""The search language, parsed once and written out for each backend.

    cartel violence           both words (AND is implied)
    "car bomb"                a phrase
    zeta*                     a prefix
    juarez OR tijuana         either
    cartel NOT sinaloa        the first without the second; also -sinaloa
    (gulf OR zetas) AND tamaulipas

Words match without regard to case or accents. A query that cannot be read raises
:class:`QueryError` with what is wrong, never a database error."""

from __future__ import annotations

import re
from dataclasses import dataclass

from declass.extract.textutil import fold

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64


class QueryError(ValueError):
    """A search query that cannot be read, with the reason."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # more than one: a phrase
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Op:
    op: str  # AND | OR | NOT (binary: left AND NOT right)
    left: Node
    right: Node


Node = Term | Op

_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<lp>\()|(?P<rp>\))|(?P<op>AND\b|OR\b|NOT\b)|(?P<neg>-(?=\S))|(?P<word>[^\s()"]+))')


def search_words(text: str) -> str:
    """The form both backends index: accents removed, lower case, only letters and digits."""
    return " ".join(fold(text).split())


def parse(q: str) -> Node:
    q = q.strip()
    if not q:
        raise QueryError("the query is empty")
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    if q.count('"') % 2:
        raise QueryError('a quotation mark is not closed: phrases are written "like this"')
    toks: list[tuple[str, str]] = []
    pos = 0
    while pos < len(q):
        m = _TOKEN.match(q, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup
        assert kind is not None
        toks.append((kind, m.group(kind)))
    p = _Parser(toks)
    node = p.expr()
    if p.i != len(toks):
        kind, val = toks[p.i]
        raise QueryError(f"unexpected {val!r}: " + ("a closing parenthesis without its opening one" if kind == "rp" else "check the operators"))
    if _only_negative(node):
        raise QueryError("a query cannot only exclude: say what to find, then NOT what to leave out")
    if _count(node) > MAX_TERMS:
        raise QueryError(f"the query has more than {MAX_TERMS} terms")
    return node


def _count(n: Node) -> int:
    return 1 if isinstance(n, Term) else _count(n.left) + _count(n.right)


def _only_negative(n: Node) -> bool:
    return isinstance(n, Op) and n.op == "NOT" and isinstance(n.left, Term) and n.left.words == ()


class _Parser:
    def __init__(self, toks: list[tuple[str, str]]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def expr(self) -> Node:  # OR has the lowest precedence
        left = self.conj()
        while (t := self.peek()) is not None and t == ("op", "OR"):
            self.i += 1
            left = Op("OR", left, self.conj())
        return left

    def conj(self) -> Node:
        left = self.unary()
        while (t := self.peek()) is not None and t[0] != "rp" and t != ("op", "OR"):
            if t == ("op", "AND"):
                self.i += 1
                left = Op("AND", left, self.unary())
            elif t == ("op", "NOT") or t[0] == "neg":
                self.i += 1
                left = Op("NOT", left, self.atom())
            else:
                left = Op("AND", left, self.unary())
        return left

    def unary(self) -> Node:
        t = self.peek()
        if t is not None and (t == ("op", "NOT") or t[0] == "neg"):
            self.i += 1
            return Op("NOT", Term(()), self.atom())  # completed by the caller, or refused
        return self.atom()

    def atom(self) -> Node:
        t = self.peek()
        if t is None:
            raise QueryError("the query ends where a word was expected")
        kind, val = t
        self.i += 1
        if kind == "lp":
            node = self.expr()
            if self.peek() is None or self.peek() != ("rp", ")"):
                raise QueryError("a parenthesis is not closed")
            self.i += 1
            return node
        if kind == "phrase":
            words = tuple(search_words(val[1:-1]).split())
            if not words:
                raise QueryError("an empty phrase")
            return Term(words)
        if kind == "word":
            prefix = val.endswith("*")
            words = tuple(search_words(val.rstrip("*")).split())
            if not words:
                raise QueryError(f"{val!r} has no letters or digits to search for")
            return Term(words, prefix)
        raise QueryError(f"unexpected {val!r} where a word was expected")


def _fix(node: Node) -> Node:
    """``a AND (NOT b)`` -> ``a NOT b``: a NOT with an empty left side joins its neighbour."""
    if isinstance(node, Term):
        return node
    left, right = _fix(node.left), _fix(node.right)
    if node.op == "AND" and isinstance(right, Op) and right.op == "NOT" and isinstance(right.left, Term) and right.left.words == ():
        return Op("NOT", left, right.right)
    return Op(node.op, left, right)


def normalize(node: Node) -> Node:
    node = _fix(node)
    if _only_negative(node) or _has_dangling_not(node):
        raise QueryError("NOT needs something before it to subtract from")
    return node


def _has_dangling_not(n: Node) -> bool:
    if isinstance(n, Term):
        return n.words == ()
    return _has_dangling_not(n.left) or _has_dangling_not(n.right)


def to_fts5(node: Node) -> str:
    """SQLite FTS5 MATCH syntax."""
    if isinstance(node, Term):
        body = '"' + " ".join(node.words) + '"'
        return body + "*" if node.prefix else body
    return f"({to_fts5(node.left)} {node.op} {to_fts5(node.right)})"


def to_tsquery(node: Node) -> str:
    """PostgreSQL to_tsquery('simple', …) syntax."""
    if isinstance(node, Term):
        parts = [_ts_word(w) for w in node.words]
        if node.prefix:
            parts[-1] += ":*"
        return "(" + " <-> ".join(parts) + ")" if len(parts) > 1 else parts[0]
    sym = {"AND": "&", "OR": "|", "NOT": "& !"}[node.op]
    return f"({to_tsquery(node.left)} {sym} {to_tsquery(node.right)})"


def _ts_word(w: str) -> str:
    return "'" + w.replace("'", "") + "'"


def has_phrase(node: Node) -> bool:
    if isinstance(node, Term):
        return len(node.words) > 1
    return has_phrase(node.left) or has_phrase(node.right)


def terms(node: Node) -> list[Term]:
    """The positive terms (for snippets and highlighting)."""
    if isinstance(node, Term):
        return [node] if node.words else []
    if node.op == "NOT":
        return terms(node.left)
    return terms(node.left) + terms(node.right)


def compile_query(q: str) -> Node:
    return normalize(parse(q))
