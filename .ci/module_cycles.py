#!/usr/bin/env python3
"""Import cycles between the crate's modules: exits 1 and names them if there are any.

usage: python3 .ci/module_cycles.py [--edges]   (from the project root)

Reads every `crate::…` path (in `use` trees and inline) and `use super::…` of src/, resolves it to
the module that defines it, and looks for cycles twice: between the top modules (`align`,
`reconcile`, …) and between files (`align::config`, `align::score`, …). A module using its own
parent or child is not counted (that is how Rust nests modules); `#[cfg(test)] mod tests` blocks
and `tests.rs` files are left out (tests may use anything). --edges prints the top-level graph.
"""
import collections
import os
import re
import sys

ROOT = "src"


def modules():
    out = {}
    for d, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
            if rel[-1] == "mod":
                rel = rel[:-1]
            if rel == ["lib"]:
                rel = []
            out[tuple(rel)] = open(path, encoding="utf-8").read()
    return out


def expand(tree):
    """`crate::{a, b::{c, d}}` -> [['crate', 'a'], ['crate', 'b', 'c'], ['crate', 'b', 'd']]."""
    tree = re.sub(r"\s+", "", tree)

    def rec(prefix, t):
        if t.startswith("{") and t.endswith("}"):
            parts, depth, cur = [], 0, ""
            for ch in t[1:-1]:
                depth += ch == "{"
                depth -= ch == "}"
                if ch == "," and depth == 0:
                    parts.append(cur)
                    cur = ""
                else:
                    cur += ch
            if cur:
                parts.append(cur)
            return [p for part in parts for p in rec(prefix, part)]
        i = t.find("::{")
        if i >= 0:
            return rec(prefix + t[:i].split("::"), t[i + 2:])
        return [prefix + t.split("::")]

    return rec([], tree)


def graph(mods, level):
    known = set(mods)

    def resolve(path):
        for k in range(len(path), 0, -1):
            if tuple(path[:k]) in known:
                return tuple(path[:k])
        return None

    edges = collections.defaultdict(set)
    for m, src in mods.items():
        if m and m[-1] == "tests":
            continue
        src = re.sub(r"//.*", "", src)
        cut = src.find("#[cfg(test)]\nmod tests")
        if cut >= 0:
            src = src[:cut]
        paths = []
        for tree in re.findall(r"\buse\s+(crate::[^;]+);", src, re.S):
            paths += expand(tree)
        paths += [["crate"] + p.split("::") for p in re.findall(r"\bcrate::((?:\w+::)*\w+)", src)]
        for tree in re.findall(r"\buse\s+(super::[^;]+);", src, re.S):
            paths += [["crate"] + list(m[:-1]) + p[1:] for p in expand(tree)]
        for p in paths:
            target = resolve(p[1:])
            if target is None:
                continue
            a, b = m[:level], target[:level]
            if a != b and a[: len(b)] != b and b[: len(a)] != a:
                edges[a].add(b)
    return edges


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10_000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(set(edges) | {b for bs in edges.values() for b in bs}):
        if v not in index:
            visit(v)
    return found


def main():
    if any(a in ("-h", "--help") for a in sys.argv[1:]):
        print(__doc__)
        return 0
    mods = modules()
    name = lambda m: "::".join(m) or "crate"
    bad = 0
    for level, what in ((1, "top modules"), (99, "files")):
        edges = graph(mods, level)
        if level == 1 and "--edges" in sys.argv:
            for a in sorted(edges):
                print(f"{name(a)} -> {', '.join(sorted(name(b) for b in edges[a]))}")
        for comp in cycles(edges):
            bad += 1
            print(f"import cycle between {what}: {', '.join(name(c) for c in comp)}")
            for a in comp:
                for b in sorted(edges[a]):
                    if b in comp:
                        print(f"    {name(a)} uses {name(b)}")
    print(f"{len(mods)} modules, {bad} import cycles")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
