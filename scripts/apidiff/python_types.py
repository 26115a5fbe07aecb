"""Python annotations as sets of union members, for the Python view of ``make diff``: which way
a type moved (widened, narrowed, changed), and whether that breaks callers who pass the value in
or read it."""

from __future__ import annotations

import ast

Uses = tuple[bool, bool]  # (callers write the value, callers read it)
SAME, WIDENED, NARROWED, CHANGED = "same", "widened", "narrowed", "changed"


def _parse(annotation: str) -> ast.expr | None:
    try:
        return ast.parse(annotation.strip(), mode="eval").body
    except SyntaxError:
        return None


def _members(annotation: str) -> frozenset[str]:
    """An annotation as the set of its union members; each Literal value is a member."""
    node, found = _parse(annotation), set[str]()
    if node is None:
        return frozenset({annotation})
    _split(node, found)
    return frozenset(found)


def _split(node: ast.expr, found: set[str]) -> None:
    head, items = None, list[ast.expr]()
    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value).split(".")[-1]
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        _split(node.left, found)
        _split(node.right, found)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        found.update(_members(node.value))  # a forward reference: "Client"
    elif head in ("Union", "Optional"):
        found.update({"None"} if head == "Optional" else set())
        for item in items:
            _split(item, found)
    elif head == "Literal":
        found.update(f"Literal[{ast.unparse(item)}]" for item in items)
    else:
        found.add(ast.unparse(node))


def literal_values(annotation: str) -> list[str]:
    return sorted(m[len("Literal[") : -1] for m in _members(annotation) if m.startswith("Literal["))


def relation(old: str, new: str) -> str:
    """``new`` against ``old`` as sets of union members; ``G[X]`` against ``G[Y]`` as X, Y."""
    before, after = _members(old), _members(new)
    a, b = _parse(old), _parse(new)
    if before == after:
        return SAME
    if isinstance(a, ast.Subscript) and isinstance(b, ast.Subscript) and len(before) == 1:
        one_argument = not isinstance(a.slice, ast.Tuple) and not isinstance(b.slice, ast.Tuple)
        if one_argument and len(after) == 1 and ast.unparse(a.value) == ast.unparse(b.value):
            return relation(ast.unparse(a.slice), ast.unparse(b.slice))
    if _covers(after, before):
        return WIDENED
    return NARROWED if _covers(before, after) else CHANGED


def _covers(outer: frozenset[str], inner: frozenset[str]) -> bool:
    """Every member of inner is one of outer, or a literal of a type outer holds (`Literal['a']`
    is a `str`)."""
    kinds = {"str": str, "int": int, "bool": bool}

    def held(member: str) -> bool:
        if member in outer:
            return True
        if not member.startswith("Literal["):
            return False
        value = ast.literal_eval(member[len("Literal[") : -1])
        return any(type(value) is kind for name, kind in kinds.items() if name in outer)

    return all(held(member) for member in inner)


def breaks(relation: str, uses: Uses) -> bool:
    """Callers that pass a value in break when it narrows; those that read it, when it widens."""
    narrows, widens = relation in (NARROWED, CHANGED), relation in (WIDENED, CHANGED)
    return (uses[0] and narrows) or (uses[1] and widens)
