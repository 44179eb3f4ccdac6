#!/usr/bin/python3
"""Reference values for src/core/decompose.cpp (LMDI-I and Shapley splits of a product).

Writes decompose_cases.txt next to this file. Inputs are doubles drawn with numpy (fixed
seeds) and printed with 17 significant digits, so they read back exactly. References are
computed from those exact binary values:
  * Shapley: exact rational arithmetic (fractions), enumerating every subset of factors;
  * LMDI-I and the logarithmic mean: decimal arithmetic with 60 significant digits.
Each part also carries a `scale`: the magnitude its rounding error is relative to (the part
itself for LMDI; for Shapley, the same weighted sum taken over absolute values, because
zero and negative factors make terms cancel). Tests compare |got − ref| <= tol · scale.

File format (one record per line, '#' starts a comment):
  logmean <a> <b> <L(a,b)>
  case <name> <method asked: lmdi|shapley> <method used> <k> <y_from> <y_to>
  factor <exponent +1|-1> <from> <to> <part> <scale>      (k lines after each case)

Run: /usr/bin/python3 tests/reference/gen_decompose.py
"""

import decimal
import itertools
import math
import os
from fractions import Fraction

import numpy as np

decimal.getcontext().prec = 60
D = decimal.Decimal


def g17(x):
    return "%.17g" % float(x)


def power(x, e):
    return x if e > 0 else 1 / x


def product(values, exps):
    y = Fraction(1)
    for x, e in zip(values, exps):
        y *= power(Fraction(x), e)
    return y


def dec(fr):
    return D(fr.numerator) / D(fr.denominator)


def log_mean(a, b):
    """a, b: positive Fractions -> Decimal"""
    if a == b:
        return dec(a)
    da, db = dec(a), dec(b)
    return (da - db) / (da.ln() - db.ln())


def shapley(frm, to, exps):
    k = len(frm)
    parts, scales = [], []
    a = [power(Fraction(x), e) for x, e in zip(to, exps)]
    b = [power(Fraction(x), e) for x, e in zip(frm, exps)]
    for i in range(k):
        others = [j for j in range(k) if j != i]
        total, absolute = Fraction(0), Fraction(0)
        for s in range(k):
            w = Fraction(math.factorial(s) * math.factorial(k - 1 - s), math.factorial(k))
            for switched in itertools.combinations(others, s):
                term = Fraction(1)
                for j in others:
                    term *= a[j] if j in switched else b[j]
                total += w * term
                absolute += w * abs(term)
        parts.append((a[i] - b[i]) * total)
        scales.append(abs(a[i] - b[i]) * absolute)
    return [float(p) for p in parts], [float(s) for s in scales]


def lmdi(frm, to, exps):
    y0, y1 = product(frm, exps), product(to, exps)
    ly = log_mean(y1, y0)
    parts = []
    for x0, x1, e in zip(frm, to, exps):
        lr = D(x1).ln() - D(x0).ln()
        parts.append(float(ly * e * lr))
    return parts, [abs(p) for p in parts]


def emit_case(out, name, frm, to, exps, asked):
    frm = [float(x) for x in frm]
    to = [float(x) for x in to]
    positive = all(x > 0 for x in frm + to)
    used = "lmdi" if asked == "lmdi" and positive else "shapley"
    parts, scales = (lmdi if used == "lmdi" else shapley)(frm, to, exps)
    y0, y1 = product(frm, exps), product(to, exps)
    out.append("case %s %s %s %d %s %s" % (name, asked, used, len(frm), g17(y0), g17(y1)))
    for x0, x1, e, p, s in zip(frm, to, exps, parts, scales):
        out.append("factor %+d %s %s %s %s" % (e, g17(x0), g17(x1), g17(p), g17(s)))


def main():
    rng = np.random.default_rng(20240505)
    out = [
        "# Reference splits for decompose_test.cpp, written by gen_decompose.py (do not edit).",
        "# logmean a b L | case name asked used k y_from y_to | factor e from to part scale",
    ]

    # Logarithmic mean: equal, barely different, ordinary and far-apart arguments.
    for a, b in [(1.0, 1.0), (2.0, 1.0), (1.0, 2.0), (1e-6, 1.0), (1e6, 3.0), (0.25, 0.2476)]:
        out.append("logmean %s %s %s" % (g17(a), g17(b), g17(log_mean(Fraction(a), Fraction(b)))))
    for rel in (1e-15, 1e-12, 1e-9, 1e-6):
        a = float(rng.uniform(0.5, 2000.0))
        b = float(a * (1 + rel))
        out.append("logmean %s %s %s" % (g17(a), g17(b), g17(log_mean(Fraction(a), Fraction(b)))))
    a = 123.456
    b = math.nextafter(a, 1e9)
    out.append("logmean %s %s %s" % (g17(a), g17(b), g17(log_mean(Fraction(a), Fraction(b)))))

    # Products of 2-5 positive factors, some of them divisors (ratio nodes).
    for k in range(2, 6):
        for rep in range(3):
            frm = np.exp(rng.normal(3.0, 2.0, k))
            to = frm * np.exp(rng.normal(0.0, 0.3, k))
            exps = [1] + [int(e) for e in rng.choice([1, -1], k - 1)]
            for asked in ("lmdi", "shapley"):
                emit_case(out, "positive_k%d_%d" % (k, rep), frm, to, exps, asked)

    # A ratio node: conversion = orders / visits.
    for asked in ("lmdi", "shapley"):
        emit_case(out, "ratio", [120.0, 4000.0], [150.0, 4400.0], [1, -1], asked)
    # Sales = Deals x AOV from the product spec.
    for asked in ("lmdi", "shapley"):
        emit_case(out, "sales", [50.0, 20000.0], [52.0, 21154.0], [1, 1], asked)

    # One factor does not change.
    for k in (2, 3, 4):
        frm = np.exp(rng.normal(1.0, 1.0, k))
        to = frm * np.exp(rng.normal(0.0, 0.2, k))
        to[1] = frm[1]
        exps = [1, -1, 1, 1][:k]
        for asked in ("lmdi", "shapley"):
            emit_case(out, "unchanged_k%d" % k, frm, to, exps, asked)

    # Periods that barely differ: relative changes around 1e-12, and a single ulp.
    for k in (2, 3, 5):
        frm = np.exp(rng.normal(2.0, 1.0, k))
        to = frm * (1.0 + 1e-12 * rng.normal(0.0, 1.0, k))
        exps = [1] + [int(e) for e in rng.choice([1, -1], k - 1)]
        for asked in ("lmdi", "shapley"):
            emit_case(out, "barely_k%d" % k, frm, to, exps, asked)
    frm = [3.0, 0.1, 7.5]
    to = [3.0, math.nextafter(0.1, 1.0), 7.5]
    for asked in ("lmdi", "shapley"):
        emit_case(out, "one_ulp", frm, to, [1, 1, -1], asked)

    # Large changes (log ratio far from 1).
    for asked in ("lmdi", "shapley"):
        emit_case(out, "far", [1e-3, 5.0, 2.0], [4.0, 5e-4, 2.5], [1, 1, -1], asked)

    # Zeros and negatives: LMDI is undefined, Shapley is used (as fallback when LMDI asked).
    special = [
        ("zero_to", [10.0, 3.0], [0.0, 4.0], [1, 1]),
        ("zero_from", [0.0, 3.0, 2.0], [5.0, 3.5, 2.5], [1, 1, -1]),
        ("negative", [-20.0, 1.5], [-25.0, 1.25], [1, 1]),
        ("sign_change", [-4.0, 2.0, 8.0], [6.0, 2.5, 10.0], [1, -1, 1]),
        ("two_negatives", [-3.0, -5.0, 1.0], [-3.5, -4.0, 1.2], [1, 1, 1]),
        ("zero_both", [0.0, 7.0], [0.0, 9.0], [1, 1]),
    ]
    for name, frm, to, exps in special:
        for asked in ("lmdi", "shapley"):
            emit_case(out, name, frm, to, exps, asked)
    for k in (4, 6):
        frm = rng.normal(0.0, 3.0, k)
        to = frm + rng.normal(0.0, 1.0, k)
        emit_case(out, "mixed_signs_k%d" % k, frm, to, [1] * k, "shapley")

    # Many factors: the O(k^3) Shapley against subset enumeration.
    for k in (8, 10):
        frm = np.exp(rng.normal(0.0, 0.7, k))
        to = frm * np.exp(rng.normal(0.0, 0.2, k))
        exps = [1] + [int(e) for e in rng.choice([1, -1], k - 1)]
        emit_case(out, "many_k%d" % k, frm, to, exps, "shapley")

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "decompose_cases.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
