#!/usr/bin/env python3
"""The public API of the corroborate library as sorted lines of text, from rustdoc's JSON output.

    python3 .ci/public_api.py                              # print the API to stdout
    python3 .ci/public_api.py --check api/public-api.txt   # compare with the checked-in snapshot
    python3 .ci/public_api.py --write api/public-api.txt   # rewrite the snapshot

It runs `cargo rustdoc --lib` with `--output-format json` on the stable toolchain (RUSTC_BOOTSTRAP=1
unlocks the unstable flag; no nightly, no cargo-public-api) into `<target dir>/public-api` (the
target directory cargo uses, CARGO_TARGET_DIR respected; see run_rustdoc for why a directory of
its own), reads `doc/corroborate.json` there and prints one line per public item reachable from the crate root: modules, structs, enums and
their variants, public fields, functions and methods with their signatures, traits, constants,
statics, type aliases, macros, and one `impl Trait for Type` line per trait impl written in the
crate (derived ones included; blanket impls such as `From<T> for T` and auto traits such as Send
and Sync are left out). `#[non_exhaustive]` shows as `struct(non_exhaustive)`. An item re-exported
with `pub use` is listed in full at one path (its definition's when that is public, else the
shortest re-export path) and as a single line at every other path it is re-exported at.
Items rustdoc hides (`#[doc(hidden)]`) are not listed.

Python 3.11, standard library only. The rustdoc JSON format changes between toolchains: the script
refuses any `format_version` other than FORMAT_VERSION rather than print a wrong snapshot.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

# The rustdoc JSON format this script reads (rustc 1.95.0, rustdoc-types 57).
FORMAT_VERSION = 57

CRATE = "corroborate"
REPO = Path(__file__).resolve().parent.parent
UPDATE_HINT = "if the change is deliberate: python3 .ci/public_api.py > api/public-api.txt"

# Standard-library types written by their bare name (the prelude's, and Result is core's).
PRELUDE_TYPES = {
    "core::option::Option",
    "core::result::Result",
    "alloc::string::String",
    "alloc::vec::Vec",
    "alloc::boxed::Box",
}
STD_CRATES = {"std", "core", "alloc"}
# Marker traits the compiler implements beside a derive (derive(PartialEq) adds StructuralPartialEq).
COMPILER_MARKERS = [["core", "marker", "StructuralPartialEq"]]


def fail(message: str) -> None:
    print(f"public_api.py: {message}", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# Running rustdoc


def target_dir() -> Path:
    """The target directory cargo uses (CARGO_TARGET_DIR, a config file, or ./target)."""
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        fail(f"cargo metadata failed:\n{out.stderr}")
    return Path(json.loads(out.stdout)["target_directory"])


def run_rustdoc(same_target_dir: bool) -> Path:
    """Build the JSON docs of the library; returns the path of the JSON file.

    By default the build goes to `<target dir>/public-api`, not to the target directory itself:
    RUSTC_BOOTSTRAP=1 changes what proc-macro2's build script detects (it reruns when the
    variable changes), so sharing the directory would rebuild proc-macro2 and everything built
    on it twice per `.ci/run`, once here and once more in the next plain cargo command.
    """
    target = target_dir()
    if not same_target_dir:
        target = target / "public-api"
    cmd = [
        "cargo", "rustdoc", "--lib", "-j", "1",
        "--", "-Z", "unstable-options", "--output-format", "json",
    ]
    env = dict(os.environ, RUSTC_BOOTSTRAP="1", CARGO_TARGET_DIR=str(target))
    start = time.monotonic()
    out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        fail(f"RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR={target} {' '.join(cmd)} "
             f"failed (exit {out.returncode})")
    print(f"public_api.py: rustdoc JSON built in {elapsed:.1f} s ({target})", file=sys.stderr)
    return target / "doc" / f"{CRATE}.json"


# ---------------------------------------------------------------------------------------------
# Reading the JSON


def kind_of(item: dict) -> str:
    return next(iter(item["inner"]))


def is_hidden(item: dict) -> bool:
    for attr in item.get("attrs", []):
        text = attr if isinstance(attr, str) else json.dumps(attr)
        if "doc(hidden)" in text.replace(" ", ""):
            return True
    return False


def is_non_exhaustive(item: dict) -> bool:
    return "non_exhaustive" in item.get("attrs", [])


class Api:
    def __init__(self, doc: dict):
        version = doc.get("format_version")
        if version != FORMAT_VERSION:
            fail(
                f"rustdoc JSON format_version is {version}, this script reads version "
                f"{FORMAT_VERSION} (rustc 1.95). The toolchain changed: check what changed in "
                "the format (rustdoc-types' changelog), update the script and FORMAT_VERSION, "
                "then regenerate the snapshot."
            )
        self.index: dict[str, dict] = doc["index"]
        self.paths: dict[str, dict] = doc["paths"]
        self.root = str(doc["root"])
        # item id -> every public path it is reachable at: (segments, through a `pub use`)
        self.reach: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        self.public_path: dict[str, str] = {}
        self.lines: set[str] = set()
        self.count = {"fn": 0, "field": 0, "impl": 0}

    def item(self, id_) -> dict | None:
        return None if id_ is None else self.index.get(str(id_))

    # -- reachability ------------------------------------------------------------------------

    def walk(self, module_id: str, prefix: tuple[str, ...], via_use: bool, depth: int = 0):
        if depth > 32:  # a module re-exporting an ancestor
            return
        module = self.index[module_id]
        for child_id in module["inner"]["module"]["items"]:
            child = self.item(child_id)
            if child is None or child["visibility"] != "public" or is_hidden(child):
                continue
            if kind_of(child) == "use":
                use = child["inner"]["use"]
                target = self.item(use["id"])
                if use["is_glob"]:
                    if target is not None and kind_of(target) == "module":
                        self.walk(str(use["id"]), prefix, True, depth + 1)
                    elif target is not None and kind_of(target) == "enum":
                        for v in target["inner"]["enum"]["variants"]:
                            self.add(str(v), prefix + (self.index[str(v)]["name"],), True)
                    continue
                name = use["name"]
                if target is None:
                    # Something of another crate re-exported: not in this crate's index.
                    self.lines.add(f"use {'::'.join(prefix + (name,))} = {use['source']}")
                    continue
                self.add(str(use["id"]), prefix + (name,), True)
                if kind_of(target) == "module":
                    self.walk(str(use["id"]), prefix + (name,), True, depth + 1)
                continue
            self.add(str(child_id), prefix + (child["name"],), via_use)
            if kind_of(child) == "module":
                self.walk(str(child_id), prefix + (child["name"],), via_use, depth + 1)

    def add(self, id_: str, path: tuple[str, ...], via_use: bool):
        entry = (path, via_use)
        if entry not in self.reach.setdefault(id_, []):
            self.reach[id_].append(entry)

    def resolve_paths(self):
        """One public path per item: its definition's if public, else the shortest re-export."""
        for id_, entries in self.reach.items():
            best = min(entries, key=lambda e: (e[1], len(e[0]), e[0]))
            self.public_path[id_] = "::".join(best[0])

    # -- types -------------------------------------------------------------------------------

    def path_name(self, path: dict) -> str:
        """A resolved path: this crate's items by their public path, std's short, others' full."""
        id_ = str(path.get("id"))
        args = self.generic_args(path.get("args"))
        if id_ in self.public_path:
            return self.public_path[id_] + args
        summary = self.paths.get(id_)
        if summary is None:
            written = path["path"].removeprefix("$crate::").removeprefix("::")
            return written + args
        segments = summary["path"]
        full = "::".join(segments)
        if summary["crate_id"] == 0:
            return full + args  # a private item of this crate named in a public signature
        if summary["kind"] in ("trait", "trait_alias"):
            return segments[-1] + args
        if full in PRELUDE_TYPES:
            return segments[-1] + args
        if segments[0] in STD_CRATES and len(segments) > 2:
            # std's facade: core::ops::range::Range is std::ops::Range.
            return f"std::{segments[1]}::{segments[-1]}{args}"
        return full + args

    def generic_args(self, args) -> str:
        if not args:
            return ""
        if "angle_bracketed" in args:
            ab = args["angle_bracketed"]
            parts = [self.generic_arg(a) for a in ab["args"]]
            parts += [self.constraint(c) for c in ab["constraints"]]
            return f"<{', '.join(parts)}>" if parts else ""
        if "parenthesized" in args:
            p = args["parenthesized"]
            out = f"({', '.join(self.ty(t) for t in p['inputs'])})"
            if p.get("output") is not None:
                out += f" -> {self.ty(p['output'])}"
            return out
        if args == "return_type_notation":
            return "(..)"
        return "<?>"

    def generic_arg(self, arg) -> str:
        if arg == "infer":
            return "_"
        if "lifetime" in arg:
            return arg["lifetime"]
        if "type" in arg:
            return self.ty(arg["type"])
        if "const" in arg:
            c = arg["const"]
            return c.get("expr") or c.get("value") or "_"
        return "?"

    def constraint(self, c: dict) -> str:
        name = c["name"] + self.generic_args(c.get("args"))
        binding = c["binding"]
        if "equality" in binding:
            term = binding["equality"]
            if "type" in term:
                return f"{name} = {self.ty(term['type'])}"
            return f"{name} = {term['constant'].get('expr', '_')}"
        return f"{name}: {self.bounds(binding['constraint'])}"

    def bounds(self, bounds: list) -> str:
        return " + ".join(self.bound(b) for b in bounds)

    def bound(self, b: dict) -> str:
        if "trait_bound" in b:
            tb = b["trait_bound"]
            hrtb = self.for_lifetimes(tb.get("generic_params", []))
            modifier = {"none": "", "maybe": "?", "maybe_const": "~const "}.get(tb["modifier"], "")
            return f"{hrtb}{modifier}{self.path_name(tb['trait'])}"
        if "outlives" in b:
            return b["outlives"]
        if "use" in b:
            parts = [a["lifetime"] if isinstance(a, dict) and "lifetime" in a else
                     (a["param"] if isinstance(a, dict) and "param" in a else str(a))
                     for a in b["use"]]
            return f"use<{', '.join(parts)}>"
        return "?"

    def for_lifetimes(self, params: list) -> str:
        if not params:
            return ""
        return f"for<{', '.join(p['name'] for p in params)}> "

    def ty(self, t) -> str:
        if t is None:
            return "()"
        (k, v), = t.items()
        if k == "resolved_path":
            return self.path_name(v)
        if k == "dyn_trait":
            parts = [self.for_lifetimes(p.get("generic_params", [])) + self.path_name(p["trait"])
                     for p in v["traits"]]
            if v.get("lifetime"):
                parts.append(v["lifetime"])
            return "dyn " + " + ".join(parts)
        if k == "generic":
            return v
        if k == "primitive":
            return v
        if k == "function_pointer":
            hrtb = self.for_lifetimes(v.get("generic_params", []))
            head = self.header(v["header"])
            sig = v["sig"]
            params = ", ".join(self.ty(p[1]) for p in sig["inputs"])
            out = f"{hrtb}{head}fn({params})"
            if sig.get("output") is not None:
                out += f" -> {self.ty(sig['output'])}"
            return out
        if k == "tuple":
            if len(v) == 1:
                return f"({self.ty(v[0])},)"
            return f"({', '.join(self.ty(x) for x in v)})"
        if k == "slice":
            return f"[{self.ty(v)}]"
        if k == "array":
            return f"[{self.ty(v['type'])}; {v['len']}]"
        if k == "pat":
            return self.ty(v["type"]) + " is _"
        if k == "impl_trait":
            return "impl " + self.bounds(v)
        if k == "infer":
            return "_"
        if k == "raw_pointer":
            return ("*mut " if v["is_mutable"] else "*const ") + self.ty(v["type"])
        if k == "borrowed_ref":
            lt = f"{v['lifetime']} " if v.get("lifetime") else ""
            return f"&{lt}{'mut ' if v['is_mutable'] else ''}{self.ty(v['type'])}"
        if k == "qualified_path":
            name = v["name"] + self.generic_args(v.get("args"))
            if v.get("trait") is None:
                return f"{self.ty(v['self_type'])}::{name}"
            return f"<{self.ty(v['self_type'])} as {self.path_name(v['trait'])}>::{name}"
        return f"?{k}"

    def header(self, h: dict) -> str:
        out = ""
        if h.get("is_const"):
            out += "const "
        if h.get("is_async"):
            out += "async "
        if h.get("is_unsafe"):
            out += "unsafe "
        abi = h.get("abi", "Rust")
        if abi != "Rust":
            name = abi if isinstance(abi, str) else next(iter(abi))
            out += f'extern "{name}" '
        return out

    def generics(self, g: dict) -> str:
        params = []
        for p in g["params"]:
            kind = p["kind"]
            if "lifetime" in kind:
                out = kind["lifetime"]["outlives"]
                params.append(p["name"] + (": " + " + ".join(out) if out else ""))
            elif "type" in kind:
                tk = kind["type"]
                if tk.get("is_synthetic"):
                    continue  # an `impl Trait` argument, shown in place
                s = p["name"]
                if tk["bounds"]:
                    s += ": " + self.bounds(tk["bounds"])
                if tk.get("default") is not None:
                    s += " = " + self.ty(tk["default"])
                params.append(s)
            elif "const" in kind:
                s = f"const {p['name']}: {self.ty(kind['const']['type'])}"
                if kind["const"].get("default") is not None:
                    s += f" = {kind['const']['default']}"
                params.append(s)
        return f"<{', '.join(params)}>" if params else ""

    def where_clause(self, g: dict) -> str:
        preds = []
        for w in g["where_predicates"]:
            if "bound_predicate" in w:
                bp = w["bound_predicate"]
                hrtb = self.for_lifetimes(bp.get("generic_params", []))
                preds.append(f"{hrtb}{self.ty(bp['type'])}: {self.bounds(bp['bounds'])}")
            elif "lifetime_predicate" in w:
                lp = w["lifetime_predicate"]
                preds.append(f"{lp['lifetime']}: {' + '.join(lp['outlives'])}")
            elif "eq_predicate" in w:
                ep = w["eq_predicate"]
                rhs = ep["rhs"]
                rhs = self.ty(rhs["type"]) if "type" in rhs else rhs["constant"].get("expr", "_")
                preds.append(f"{self.ty(ep['lhs'])} = {rhs}")
        return f" where {', '.join(preds)}" if preds else ""

    def signature(self, f: dict) -> str:
        sig = f["sig"]
        params = []
        for name, t in sig["inputs"]:
            if name == "self":
                if t == {"generic": "Self"}:
                    params.append("self")
                    continue
                if "borrowed_ref" in t and t["borrowed_ref"]["type"] == {"generic": "Self"}:
                    r = t["borrowed_ref"]
                    lt = f"{r['lifetime']} " if r.get("lifetime") else ""
                    params.append(f"&{lt}{'mut ' if r['is_mutable'] else ''}self")
                    continue
            params.append(f"{name}: {self.ty(t)}")
        if sig.get("is_c_variadic"):
            params.append("...")
        out = f"{self.generics(f['generics'])}({', '.join(params)})"
        if sig.get("output") is not None:
            out += f" -> {self.ty(sig['output'])}"
        return out + self.where_clause(f["generics"])

    # -- lines -------------------------------------------------------------------------------

    def emit(self, line: str, counter: str | None = None):
        if line not in self.lines:
            self.lines.add(line)
            if counter:
                self.count[counter] += 1

    def header_line(self, item: dict, path: str) -> str | None:
        """The line naming an item itself (without its fields, variants, methods or impls)."""
        k = kind_of(item)
        v = item["inner"][k]
        ne = "(non_exhaustive)" if is_non_exhaustive(item) else ""
        if k == "module":
            return f"mod {path}"
        if k == "struct":
            g = self.generics(v["generics"])
            shape = v["kind"]
            tail = ""
            if shape == "unit":
                tail = ";"
            elif "tuple" in shape:
                tail = "(" + ", ".join("_" if f is None else self.ty(self.index[str(f)]["inner"]["struct_field"])
                                       for f in shape["tuple"]) + ")"
            return f"struct{ne} {path}{g}{tail}{self.where_clause(v['generics'])}"
        if k == "enum":
            return f"enum{ne} {path}{self.generics(v['generics'])}{self.where_clause(v['generics'])}"
        if k == "union":
            return f"union {path}{self.generics(v['generics'])}{self.where_clause(v['generics'])}"
        if k == "function":
            return f"{self.header(v['header'])}fn {path}{self.signature(v)}"
        if k == "trait":
            flags = ("unsafe " if v["is_unsafe"] else "") + ("auto " if v["is_auto"] else "")
            sup = f": {self.bounds(v['bounds'])}" if v["bounds"] else ""
            return f"{flags}trait {path}{self.generics(v['generics'])}{sup}{self.where_clause(v['generics'])}"
        if k == "trait_alias":
            return f"trait {path}{self.generics(v['generics'])} = {self.bounds(v['params'])}"
        if k == "type_alias":
            return f"type {path}{self.generics(v['generics'])} = {self.ty(v['type'])}"
        if k == "constant":
            return f"const {path}: {self.ty(v['type'])}{self.const_value(v['const'])}"
        if k == "static":
            mut = "mut " if v["is_mutable"] else ""
            return f"static {mut}{path}: {self.ty(v['type'])}"
        if k == "macro":
            return f"macro {path}!"
        if k == "proc_macro":
            return f"proc_macro {path}"
        if k == "primitive":
            return f"primitive {path}"
        if k == "extern_crate":
            return f"extern crate {path}"
        if k == "variant":
            return self.variant_line(item, path)
        return f"{k} {path}"

    def const_value(self, c: dict) -> str:
        """A short literal value is part of the line (N_FEATURES = 39), a long one is not."""
        expr = c.get("expr") or ""
        if c.get("is_literal") and len(expr) <= 32:
            return f" = {expr}"
        return ""

    def variant_line(self, item: dict, path: str) -> str:
        v = item["inner"]["variant"]
        ne = "(non_exhaustive)" if is_non_exhaustive(item) else ""
        kind = v["kind"]
        tail = ""
        if isinstance(kind, dict) and "tuple" in kind:
            tail = "(" + ", ".join("_" if f is None else self.ty(self.index[str(f)]["inner"]["struct_field"])
                                   for f in kind["tuple"]) + ")"
        elif isinstance(kind, dict) and "struct" in kind:
            tail = " { .. }" if kind["struct"]["has_stripped_fields"] else " {}"
        if v.get("discriminant"):
            tail += f" = {v['discriminant']['expr']}"
        return f"variant{ne} {path}{tail}"

    def describe(self, item: dict, path: str):
        """Everything about an item at its public path."""
        k = kind_of(item)
        self.emit(self.header_line(item, path), "fn" if k == "function" else None)
        v = item["inner"][k]
        if k == "struct":
            shape = v["kind"]
            if isinstance(shape, dict) and "plain" in shape:
                self.fields(shape["plain"]["fields"], path)
            self.impls(v["impls"], path)
        elif k == "union":
            self.fields(v["fields"], path)
            self.impls(v["impls"], path)
        elif k == "enum":
            for var_id in v["variants"]:
                var = self.index[str(var_id)]
                if is_hidden(var):
                    continue
                vpath = f"{path}::{var['name']}"
                self.emit(self.variant_line(var, vpath))
                kind = var["inner"]["variant"]["kind"]
                if isinstance(kind, dict) and "struct" in kind:
                    self.fields(kind["struct"]["fields"], vpath)
            self.impls(v["impls"], path)
        elif k == "trait":
            for member_id in v["items"]:
                self.assoc(self.index[str(member_id)], path, in_trait=True)
            for impl_id in v["implementations"]:
                self.impl_line(self.index[str(impl_id)])

    def fields(self, ids: list, path: str):
        for f in ids:
            field = self.item(f)
            if field is None or is_hidden(field):
                continue
            self.emit(f"field {path}::{field['name']}: {self.ty(field['inner']['struct_field'])}", "field")

    def assoc(self, member: dict, path: str, in_trait: bool):
        """A method, associated const or associated type of an inherent impl or a trait."""
        if is_hidden(member):
            return
        if not in_trait and member["visibility"] != "public":
            return
        k = kind_of(member)
        v = member["inner"][k]
        mpath = f"{path}::{member['name']}"
        if k == "function":
            provided = " (provided)" if in_trait and v.get("has_body") else ""
            self.emit(f"{self.header(v['header'])}fn {mpath}{self.signature(v)}{provided}", "fn")
        elif k == "assoc_const":
            value = f" = {v['value']}" if v.get("value") and v["value"] != "_" and len(v["value"]) <= 32 else ""
            self.emit(f"const {mpath}: {self.ty(v['type'])}{value}")
        elif k == "assoc_type":
            bounds = f": {self.bounds(v['bounds'])}" if v.get("bounds") else ""
            default = f" = {self.ty(v['type'])}" if v.get("type") is not None else ""
            self.emit(f"type {mpath}{self.generics(v['generics'])}{bounds}{default}")

    def impls(self, ids: list, path: str):
        for impl_id in ids:
            impl_item = self.index.get(str(impl_id))
            if impl_item is None or is_hidden(impl_item):
                continue
            impl = impl_item["inner"]["impl"]
            if impl["trait"] is None:
                for member_id in impl["items"]:
                    member = self.item(member_id)
                    if member is not None:
                        self.assoc(member, path, in_trait=False)
            else:
                self.impl_line(impl_item)

    def impl_line(self, impl_item: dict):
        impl = impl_item["inner"]["impl"]
        if impl["is_synthetic"] or impl["blanket_impl"] is not None:
            return  # auto traits (Send, Sync, Unpin, ...) and blanket impls (From<T> for T, Any, ...)
        if self.paths.get(str(impl["trait"]["id"]), {}).get("path") in COMPILER_MARKERS:
            return
        neg = "!" if impl["is_negative"] else ""
        unsafe = "unsafe " if impl["is_unsafe"] else ""
        line = (f"{unsafe}impl{self.generics(impl['generics'])} {neg}{self.path_name(impl['trait'])} "
                f"for {self.ty(impl['for'])}{self.where_clause(impl['generics'])}")
        self.emit(line, "impl")

    # -- the whole crate ---------------------------------------------------------------------

    def render(self) -> list[str]:
        self.walk(self.root, (CRATE,), False)
        self.resolve_paths()
        for id_ in sorted(self.reach, key=lambda i: self.public_path[i]):
            item = self.index[id_]
            canonical = self.public_path[id_]
            self.describe(item, canonical)
            for segments, _ in self.reach[id_]:
                path = "::".join(segments)
                if path != canonical:
                    line = self.header_line(item, path)
                    self.emit(f"{line} (re-export of {canonical})")
        return sorted(self.lines)

    def summary(self, lines: list[str]) -> str:
        root = self.index[self.root]
        modules = sum(
            1 for c in root["inner"]["module"]["items"]
            if (i := self.item(c)) is not None and kind_of(i) == "module"
            and i["visibility"] == "public" and not is_hidden(i)
        )
        items = len(lines) - self.count["impl"]
        return (f"public API: {modules} public modules at the root, {items} items "
                f"({self.count['fn']} functions/methods, {self.count['field']} fields), "
                f"{self.count['impl']} trait impls, {len(lines)} lines")


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", metavar="FILE", help="compare with FILE; exit 1 on a difference")
    mode.add_argument("--write", metavar="FILE", help="write the API to FILE")
    parser.add_argument("--json", metavar="FILE",
                        help="read this rustdoc JSON file instead of building it (for debugging)")
    parser.add_argument("--same-target-dir", action="store_true",
                        help="build in the target directory itself, not in <target>/public-api "
                             "(costs a rebuild of the proc-macro dependencies, see run_rustdoc)")
    args = parser.parse_args()

    json_path = Path(args.json) if args.json else run_rustdoc(args.same_target_dir)
    try:
        doc = json.loads(json_path.read_text(encoding="utf-8"))
    except OSError as err:
        fail(f"cannot read {json_path}: {err}")
    api = Api(doc)
    lines = api.render()
    text = "".join(line + "\n" for line in lines)
    print(api.summary(lines), file=sys.stderr)

    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(text, encoding="utf-8")
        print(f"public_api.py: wrote {args.write}", file=sys.stderr)
        return 0
    if args.check:
        try:
            expected = Path(args.check).read_text(encoding="utf-8")
        except OSError as err:
            print(f"public_api.py: cannot read {args.check}: {err}", file=sys.stderr)
            print(UPDATE_HINT, file=sys.stderr)
            return 1
        if expected == text:
            print(f"public_api.py: the public API matches {args.check}", file=sys.stderr)
            return 0
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"{args.check} (checked in)", tofile="public API (this tree)",
        )
        sys.stdout.writelines(diff)
        print(f"\npublic_api.py: the public API differs from {args.check}", file=sys.stderr)
        print(UPDATE_HINT, file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
