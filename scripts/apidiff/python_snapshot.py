"""The public Python API of a project state, for the Python view of ``make diff``.

``snapshot(root)`` loads ``root/wrapper/badgr`` and ``root/generated/badgr_api`` statically
with griffe (nothing is imported) and writes our own compact, JSON-ready form: a flat map from
public dotted path to an entry (``module``, ``alias``, ``class``, ``function``, ``attribute``,
``record``, ``literal``, ``namespace``). Records are classes whose constructor is their field
list (attrs, dataclasses, TypedDicts); ``literal`` is a ``X = Literal[...]`` alias.
Annotations naming a Literal alias are stored expanded, so a member change shows at every use.
SDK namespace methods are stored once under ``client.<ns>[.<sub>].<method>``: ``griffe check``
cannot see them (private modules, descriptors). ``**kw: Unpack[TypedDict]`` is stored as the
keyword-only parameters it stands for.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path
from typing import Any

import griffe

from .python_types import literal_values

Entry = dict[str, Any]
Row = list[Any]  # a parameter [name, kind, annotation, default]; a record field adds its use
FORMAT = 2  # 2: a name re-exported from another public module is an alias of it
_OPERATION_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
# dunders that are no calling contract (the protocol ones, such as __enter__, are kept)
_HIDDEN_DUNDERS = frozenset(
    {"__repr__", "__str__", "__hash__", "__slots__", "__version__", "__post_init__", "__reduce__"}
    | {"__reduce_ex__", "__getstate__", "__setstate__", "__set_name__", "__init_subclass__"}
    | {"__class_getitem__"}
)
_OPTIONAL_KEY = "NotRequired"  # the default of a TypedDict key a caller may leave out
_BUILT = frozenset({"Call", "Job", "Grant"})  # builders return these; methods answer the item
_ATTRS_DECORATORS = frozenset({"define", "frozen", "mutable", "s", "attrs", "dataclass"})
_FIELD_CALLS = frozenset({"field", "_attrs_field", "ib", "attrib"})
_VARIADIC_DEFAULT = {"variadic positional": "()", "variadic keyword": "{}"}


def snapshot(root: Path) -> dict[str, Any]:
    """The public Python API of ``badgr`` (root/wrapper) and ``badgr_api`` (root/generated),
    loaded statically with griffe (no import of the code), as a JSON-serialisable,
    deterministic, compact document (sorted keys; no absolute paths, no line numbers, no
    docstrings)."""
    root = Path(root).resolve()
    paths = [root / "wrapper", root / "generated"]
    loader = griffe.GriffeLoader(search_paths=paths, allow_inspection=False)
    badgr, api = loader.load("badgr"), loader.load("badgr_api")
    loader.resolve_aliases(implicit=False, external=None)
    for module in (badgr, api):  # never an installed copy from another tree
        if root not in Path(str(module.filepath)).resolve().parents:
            raise RuntimeError(f"{module.path} was not loaded from {root}")
    walker = _Walker(loader.modules_collection)
    walker.generated(api)
    walker.sdk(badgr)
    return {"format": FORMAT, "objects": _sorted(walker.objects)}


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    return [_sorted(item) for item in value] if isinstance(value, list | tuple) else value


def _target(obj: Any) -> Any:
    """The object an alias finally points at; ``None`` when it is not loaded."""
    try:
        return obj.final_target if obj is not None and obj.is_alias else obj
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _public(name: str) -> bool:
    dunder = name.startswith("__") and name.endswith("__")
    return not name.startswith("_") or (dunder and name not in _HIDDEN_DUNDERS)


def _last(expr: Any) -> str:
    """``Required`` for ``typing.Required[int]``, ``Foo`` for ``a.Foo[T]``."""
    return str(expr.left if isinstance(expr, griffe.ExprSubscript) else expr).split(".")[-1]


class _Walker:
    """Collects the entries of one project state into ``objects``."""

    def __init__(self, collection: griffe.ModulesCollection) -> None:
        self.collection = collection
        self.objects: dict[str, Entry] = {}
        self.operations: set[str] = set()
        self.found_ops: dict[str, frozenset[str]] = {}

    def resolve(self, expr: Any) -> Any:
        """The object a name in an annotation refers to, or ``None``."""
        expr = expr.left if isinstance(expr, griffe.ExprSubscript) else expr
        expr = expr.last if isinstance(expr, griffe.ExprAttribute) else expr
        try:
            return _target(self.collection.get_member(expr.canonical_path))
        except (AttributeError, KeyError, ValueError, griffe.AliasResolutionError):
            return None  # not a name, or not loaded (httpx, typing)

    def literal(self, obj: Any) -> str | None:
        """``Literal[...]`` when ``obj`` is a module-level Literal alias."""
        value = obj.value if obj is not None and obj.is_attribute else None
        return str(value) if _last(value) == "Literal" and value is not None else None

    def ann(self, expr: Any) -> str | None:
        """An annotation as text, Literal aliases expanded (a member change shows at each use)."""
        if expr is None or isinstance(expr, str):
            return expr
        if isinstance(expr, griffe.ExprName | griffe.ExprAttribute):
            return self.literal(self.resolve(expr)) or str(expr)
        if not isinstance(expr, griffe.Expr):
            return str(expr)
        return "".join(self.ann(part) or "" for part in expr.iterate(flat=False))

    def generated(self, api: Any) -> None:
        self.objects["badgr_api"] = self.objects["badgr_api.api"] = {"kind": "module"}
        for name in api.exports or ():  # re-exports of badgr_api.client, recorded there
            self.objects[f"badgr_api.{name}"] = {"kind": "alias"}
        tags = [m for name, m in api["api"].modules.items() if not name.startswith("_")]
        self.operations = {name for tag in tags for name in tag.modules}
        for tag in tags:
            self.objects[f"badgr_api.api.{tag.name}"] = {"kind": "module"}
            for name, module in tag.modules.items():
                path = f"badgr_api.api.{tag.name}.{name}"
                self.objects[path] = {"kind": "module", "ops": [name]}
                for function in _OPERATION_FUNCTIONS:
                    if function in module.members:
                        entry = self.function(module[function], method=False)
                        self.objects[f"{path}.{function}"] = {**entry, "ops": [name]}
        for name in ("models", "client", "types", "errors"):
            self.module(f"badgr_api.{name}", api[name], methods=name != "models")

    def sdk(self, badgr: Any) -> None:
        self.module("badgr", badgr, methods=True)
        for name, member in sorted(badgr["_client._BaseClient"].all_members.items()):
            namespace = self.namespace_class(member)
            if namespace is not None and not name.startswith("_"):
                self.namespace(f"client.{name}", namespace)

    def namespace_class(self, member: Any) -> Any:
        """The namespace class (of ``badgr._resources``) an attribute or property holds."""
        member = _target(member)
        cls = self.resolve(member.annotation) if member and member.is_attribute else None
        return cls if cls and cls.is_class and cls.path.startswith("badgr._resources.") else None

    def namespace(self, path: str, cls: Any) -> None:
        self.objects[path] = {"kind": "namespace"}
        for name, member in sorted(cls.all_members.items()):
            member = _target(member)
            if name.startswith("_") or member is None:
                continue
            if (sub := self.namespace_class(member)) is not None:
                self.namespace(f"{path}.{name}", sub)
            elif member.is_function:
                entry = self.function(member, method=True, builder=True)
                self.objects[f"{path}.{name}"] = {**entry, "ops": sorted(self.ops(member))}
            elif member.is_attribute:
                self.objects[f"{path}.{name}"] = self.attribute(member)

    def ops(self, obj: Any) -> frozenset[str]:
        """Operation modules named in ``obj``'s source, or in the module-level tables and helper
        functions of ``badgr`` it names, followed transitively."""
        if obj.path not in self.found_ops:
            self.found_ops[obj.path] = frozenset()  # a cycle ends here
            try:
                tree = ast.parse(textwrap.dedent(obj.source))
            except (SyntaxError, ValueError, OSError):
                return frozenset()
            found: set[str] = set()
            for node in ast.walk(tree):
                name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
                if name in self.operations:
                    found.add(name)
                elif isinstance(name, str) and name in obj.module.members:
                    helper = _target(obj.module.members[name])
                    if helper and not helper.is_class and helper.path.startswith("badgr."):
                        found |= self.ops(helper)
            self.found_ops[obj.path] = frozenset(found)
        return self.found_ops[obj.path]

    def public(self, path: str, obj: Any, *, methods: bool = True) -> None:
        target = _target(obj)
        if target is None or (target.is_module and target.path != path):
            # served only by a module __getattr__, or a module recorded elsewhere (badgr.models)
            self.objects[path] = {"kind": "alias"}
        elif target.is_module:
            self.module(path, target, methods=methods)
        elif (
            target.path != path
            and target.path.startswith("badgr.")
            and all(not part.startswith("_") for part in target.path.split("."))
        ):  # re-exported from a public module (badgr.NotFoundError): compared there, once
            # (badgr_api.models re-exports its classes by design: those stay where they are)
            self.objects[path] = {"kind": "alias", "of": target.path}
            if target.path not in self.objects:
                self.public(target.path, target, methods=methods)
        elif target.is_class:
            self.klass(path, target, methods=methods)
        elif target.is_function:
            self.objects[path] = self.function(target, method=False)
        elif (literal := self.literal(target)) is not None:
            self.objects[path] = {"kind": "literal", "members": literal_values(literal)}
        else:
            self.objects[path] = self.attribute(target)

    def module(self, path: str, module: Any, *, methods: bool) -> None:
        self.objects[path] = {"kind": "module"}
        own = [n for n, m in module.members.items() if not m.is_alias and not n.startswith("_")]
        for name in [str(n) for n in module.exports] if module.exports else own:
            if name != "__version__":  # its value is not API
                self.public(f"{path}.{name}", module.members.get(name), methods=methods)

    def attribute(self, obj: Any) -> Entry:
        return {"kind": "attribute", "annotation": self.ann(obj.annotation)}

    def function(self, fn: Any, *, method: bool, builder: bool = False) -> Entry:
        params = list(fn.parameters)
        if method and params and "staticmethod" not in fn.labels:
            params = params[1:]  # self / cls
        returns = fn.returns
        if builder and _last(returns) in _BUILT and isinstance(returns, griffe.ExprSubscript):
            returns = returns.slice  # Call[Issuer]: the method answers an Issuer
        rows = [row for param in params for row in self.parameter(param)]
        return {"kind": "function", "params": rows, "returns": self.ann(returns)}

    def parameter(self, param: Any) -> list[Row]:
        kind, ann = param.kind.value, param.annotation
        if kind == "variadic keyword" and _last(ann) == "Unpack":
            keys = self.resolve(ann.slice)
            if keys is not None and keys.is_class and self.is_typeddict(keys):
                return self.typeddict_fields(keys)  # **fields: Unpack[X] are keyword arguments
        default = None if param.default is None else str(param.default)
        return [[param.name, kind, self.ann(ann), default or _VARIADIC_DEFAULT.get(kind)]]

    def klass(self, path: str, cls: Any, *, methods: bool = True) -> None:
        fields, field_names = self.fields(cls)
        bases = sorted(str(b) for b in cls.bases if not _last(b).startswith("_"))
        self.objects[path] = {"kind": "class", "bases": bases}
        if fields is not None:
            self.objects[path] = {"kind": "record", "bases": bases, "fields": fields}
            field_names.add("__init__")
        for name, member in sorted(cls.all_members.items()):
            member = _target(member)
            if member is None or not _public(name) or name in field_names:
                continue
            if self.namespace_class(member) is not None:
                continue  # client.<ns>: recorded once for both clients
            if member.is_class:
                self.klass(f"{path}.{name}", member, methods=methods)
            elif member.is_function and methods:
                self.objects[f"{path}.{name}"] = self.function(member, method=True)
            elif member.is_attribute and methods:  # models: their fields only
                self.objects[f"{path}.{name}"] = self.attribute(member)

    def fields(self, cls: Any) -> tuple[list[Row] | None, set[str]]:
        """``(fields, their attribute names)`` of a record, ``(None, set())`` for a plain class.
        A field's use is ``in`` (only passed to the constructor) or ``both`` (also read)."""
        if self.is_typeddict(cls):
            rows = self.typeddict_fields(cls)
            return [[*row, "in"] for row in rows], {row[0] for row in rows}
        if self.is_attrs(cls):
            return self.attrs_fields(cls)
        if "dataclass" in cls.labels and "__init__" in cls.all_members:
            init = list(_target(cls.all_members["__init__"]).parameters)[1:]
            rows = [row for param in init for row in self.parameter(param)]
            uses = ["both" if _public(row[0]) else "in" for row in rows]
            return [[*row, use] for row, use in zip(rows, uses, strict=True)], {r[0] for r in rows}
        return None, set()

    def is_typeddict(self, cls: Any, depth: int = 0) -> bool:
        for base in cls.bases:
            parent = self.resolve(base) if depth < 10 else None
            if _last(base) == "TypedDict" or (
                parent is not None and parent.is_class and self.is_typeddict(parent, depth + 1)
            ):
                return True
        return False

    def typeddict_fields(self, cls: Any) -> list[Row]:
        rows: list[Row] = []
        for base in cls.bases:  # inherited keys first, each with its own class's totality
            parent = self.resolve(base)
            if parent is not None and parent.is_class and self.is_typeddict(parent):
                rows += [r for r in self.typeddict_fields(parent) if r[0] not in cls.members]
        total = cls.keywords.get("total", "True") != "False"
        for name, member in cls.members.items():
            if not member.is_attribute or member.annotation is None:
                continue
            ann, required = member.annotation, total
            if _last(ann) in ("Required", "NotRequired"):
                required, ann = _last(ann) == "Required", ann.slice
            rows.append([name, "keyword-only", self.ann(ann), None if required else _OPTIONAL_KEY])
        return rows

    def is_attrs(self, cls: Any) -> bool:
        paths = [decorator.callable_path.split(".") for decorator in cls.decorators]
        return any(p[0] in ("attr", "attrs") and p[-1] in _ATTRS_DECORATORS for p in paths)

    def attrs_fields(self, cls: Any) -> tuple[list[Row], set[str]]:
        """attrs builds ``__init__`` from the fields of the class and its attrs bases: private
        names lose their underscore (or take their ``alias``), ``kw_only`` ones come last."""
        try:
            chain = [c for c in reversed(cls.mro()) if self.is_attrs(c)] + [cls]
        except ValueError:
            chain = [cls]
        found: dict[str, Row] = {}
        names: set[str] = set()
        for owner in chain:
            for name, member in owner.members.items():
                ann = None if member.is_alias or not member.is_attribute else member.annotation
                if ann is None or "property" in member.labels or _last(ann) == "ClassVar":
                    continue
                options = _field_options(member.value)
                if options.get("init") == "False":
                    continue  # not a constructor argument (a public one stays an attribute)
                default = options.get("default")
                if "factory" in options:
                    default = f"{options['factory']}()"
                kind = (
                    "keyword-only" if options.get("kw_only") == "True" else "positional or keyword"
                )
                param = options.get("alias", "").strip("'\"") or name.lstrip("_")
                found.pop(param, None)  # a redefined field moves to the end, as in attrs
                use = "in" if name.startswith("_") else "both"
                found[param] = [param, kind, self.ann(ann), default, use]
                names.add(name)
        return sorted(found.values(), key=lambda row: row[1] == "keyword-only"), names


def _field_options(value: Any) -> dict[str, str]:
    """The keywords of ``field(...)`` / ``attr.ib(...)``; a plain value is the default."""
    if isinstance(value, griffe.ExprCall) and _last(value.function) in _FIELD_CALLS:
        return {a.name: str(a.value) for a in value.arguments if isinstance(a, griffe.ExprKeyword)}
    return {} if value is None else {"default": str(value)}
