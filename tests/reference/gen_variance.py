#!/usr/bin/python3
"""Reference values for KPI.VARIANCE's contributions to the KGI's gap (src/core/plan/variance.cpp)
on products, ratios, sums and mixed trees, from an independent implementation.

The gap of every parent (actual − plan) is split among its arithmetic children, and each
child's share again among its own children (multi-level decomposition):
- sums: a + or − child's part is ± its own gap;
- products (× and ÷ children): by Shapley (1953), computed here from the definition — the
  average over the subsets S of the other factors of the marginal effect of moving this factor
  from plan to actual with the factors in S already at actual, weight |S|! (k−1−|S|)! / k! —
  in exact rational arithmetic (fractions.Fraction, every input double read exactly); or by
  LMDI-I (Ang 2004) with math.log in floating point;
- a child's contribution is its parent's contribution per unit of the parent's gap times the
  child's part (for Shapley the unit rate is the weighted subset sum itself, so a child whose
  own gap is zero still passes its children's opposite gaps on).
Plans are given for the leaves; a parent plans f(children of plan). Actual parents carry the
double nearest f(children) or leave the cell empty, at random.

Cases named shapley-* are compared with the core called with Shapley: exact values, relative
tolerance 1e-9. Cases named lmdi-* are compared with the default (LMDI-I): floating-point
reference, relative tolerance 1e-9. Cases named fallback-* hold a zero or a negative value under
a product: the default must fall back to Shapley there and match the exact Shapley values.

File format (one record per line, '#' starts a comment):
  case <name>
  node <name> <parent or .> <link or .> <actual or .>     (table rows, in order)
  plan <name> <planned value>                             (leaves)
  expect <name> <plan> <actual> <gap> <contribution> <AHEAD|BEHIND|ON_PLAN>

Run: /usr/bin/python3 tests/reference/gen_variance.py
"""

import itertools
import math
import os
import random
from fractions import Fraction

ON_PLAN_SHARE = Fraction(5, 1000)  # variance.hpp on_plan_tolerance


def children(rows, name):
    return [r for r in rows if r[1] == name]


def value(rows, leaf, name):
    """f(children) in exact arithmetic, the leaves' values from `leaf`."""
    kids = children(rows, name)
    if not kids:
        return leaf[name]
    if kids[0][2] in "+-":
        return sum((value(rows, leaf, k[0]) * (1 if k[2] == "+" else -1) for k in kids),
                   Fraction(0))
    total = Fraction(1)
    for k in kids:
        v = value(rows, leaf, k[0])
        total = total * v if k[2] == "*" else total / v
    return total


def f_of(link, x):
    return x if link == "*" else 1 / x


def shapley(factors):
    """Per factor (link, plan, actual): its Shapley weight sum s (the part is s · Δf(x)), from
    the subset definition."""
    k = len(factors)
    out = []
    for i, (link_i, _, _) in enumerate(factors):
        others = [j for j in range(k) if j != i]
        s = Fraction(0)
        for size in range(k):
            weight = Fraction(math.factorial(size) * math.factorial(k - 1 - size),
                              math.factorial(k))
            for subset in itertools.combinations(others, size):
                term = Fraction(1)
                for j in others:
                    link, plan, actual = factors[j]
                    term *= f_of(link, actual if j in subset else plan)
                s += weight * term
        out.append(s)
    return out


def product_split(factors, method):
    """(parts, rates) of a product's gap; rates: part per unit gap of the factor."""
    positive = all(p > 0 and a > 0 for _, p, a in factors)
    if method == "lmdi" and positive:
        y0 = math.prod(float(f_of(link, p)) for link, p, _ in factors)
        y1 = math.prod(float(f_of(link, a)) for link, _, a in factors)

        def log_mean(a, b):
            return a if a == b else (a - b) / (math.log(a) - math.log(b))
        ly = log_mean(y1, y0)
        parts, rates = [], []
        for link, p, a in factors:
            e = 1 if link == "*" else -1
            parts.append(ly * e * math.log(float(a) / float(p)))
            rates.append(e * ly / log_mean(float(a), float(p)))
        return parts, rates
    parts, rates = [], []
    for (link, p, a), s in zip(factors, shapley(factors)):
        rate = s if link == "*" else -s / (p * a)
        rates.append(rate)
        parts.append(rate * (a - p))
    return parts, rates


def contributions(rows, plan, actual, method):
    """Each row's contribution to its KGI's gap (exact Fractions for Shapley and sums)."""
    out, rate = {}, {}
    kgi = rows[0][0]
    out[kgi] = actual[kgi] - plan[kgi]
    rate[kgi] = 1
    for name, _, _ in rows:  # parents come before their children
        kids = children(rows, name)
        if not kids:
            continue
        if kids[0][2] in "+-":
            parts = [(actual[k[0]] - plan[k[0]]) * (1 if k[2] == "+" else -1) for k in kids]
            rates = [1 if k[2] == "+" else -1 for k in kids]
        else:
            parts, rates = product_split([(k[2], plan[k[0]], actual[k[0]]) for k in kids],
                                         method)
        for k, part, r in zip(kids, parts, rates):
            out[k[0]] = rate[name] * part
            rate[k[0]] = rate[name] * r
    return out


def status(contribution, kgi_plan):
    if abs(contribution) <= ON_PLAN_SHARE * abs(kgi_plan):
        return "ON_PLAN"
    return "AHEAD" if contribution > 0 else "BEHIND"


def write_case(out, name, rows, plan_leaf, actual_leaf, method, rng):
    plan = {r[0]: value(rows, plan_leaf, r[0]) for r in rows}
    actual = {r[0]: value(rows, actual_leaf, r[0]) for r in rows}
    contrib = contributions(rows, plan, actual, method)
    out.append("case %s" % name)
    for row, parent, link in rows:
        shown = "." if children(rows, row) and rng.random() < 0.5 else repr(float(actual[row]))
        out.append("node %s %s %s %s" % (row, parent or ".", link or ".", shown))
    for leaf, v in plan_leaf.items():
        out.append("plan %s %r" % (leaf, float(v)))
    kgi_plan = plan[rows[0][0]]
    for row, _, _ in rows:
        c = contrib[row]
        out.append("expect %s %r %r %r %r %s" % (
            row, float(plan[row]), float(actual[row]), float(actual[row] - plan[row]), float(c),
            status(Fraction(c), kgi_plan)))


def exact(x):
    return Fraction(repr(x))


# Hand-made trees: (name, rows, plan of the leaves, actual of the leaves).
DESIGNED = [
    ("product", [("Sales", None, None), ("Deals", "Sales", "*"), ("AOV", "Sales", "*")],
     {"Deals": 50, "AOV": 20000}, {"Deals": 45, "AOV": 21000}),
    ("ratio", [("CVR", None, None), ("Orders", "CVR", "*"), ("Sessions", "CVR", "/")],
     {"Orders": 400, "Sessions": 20000}, {"Orders": 380, "Sessions": 17500}),
    ("sum", [("Profit", None, None), ("Revenue", "Profit", "+"), ("Cost", "Profit", "-")],
     {"Revenue": 1000, "Cost": 700}, {"Revenue": 1100, "Cost": 820}),
    ("mixed", [("Profit", None, None), ("Revenue", "Profit", "+"), ("Cost", "Profit", "-"),
               ("Units", "Revenue", "*"), ("Price", "Revenue", "*"),
               ("Visits", "Units", "*"), ("Conversion", "Units", "*"),
               ("Fixed", "Cost", "+"), ("Variable", "Cost", "+"),
               ("Per_unit", "Variable", "*"), ("Units_sold", "Variable", "*")],
     {"Price": 25, "Visits": 10000, "Conversion": 0.03, "Fixed": 2000, "Per_unit": 9,
      "Units_sold": 300},
     {"Price": 24, "Visits": 12000, "Conversion": 0.028, "Fixed": 2100, "Per_unit": 9.5,
      "Units_sold": 336}),
    # A factor whose own gap is zero passes its children's opposite gaps on.
    ("unchanged-factor", [("Sales", None, None), ("Deals", "Sales", "*"),
                          ("AOV", "Sales", "*"), ("New", "Deals", "+"), ("Repeat", "Deals", "+")],
     {"New": 30, "Repeat": 20, "AOV": 100}, {"New": 35, "Repeat": 15, "AOV": 110}),
    # Zeros and negative values under products: LMDI is undefined, Shapley is used.
    ("zero-plan", [("Sales", None, None), ("Deals", "Sales", "*"), ("AOV", "Sales", "*")],
     {"Deals": 0, "AOV": 100}, {"Deals": 12, "AOV": 95}),
    ("zero-actual", [("Sales", None, None), ("Deals", "Sales", "*"), ("AOV", "Sales", "*"),
                     ("Leads", "Deals", "*"), ("Close_rate", "Deals", "*")],
     {"Leads": 200, "Close_rate": 0.1, "AOV": 100}, {"Leads": 0, "Close_rate": 0.12, "AOV": 104}),
    ("negative", [("Result", None, None), ("Margin", "Result", "*"), ("Units", "Result", "*"),
                  ("Price", "Margin", "+"), ("Unit_cost", "Margin", "-")],
     {"Price": 10, "Unit_cost": 12, "Units": 100}, {"Price": 11, "Unit_cost": 10.5, "Units": 90}),
    ("negative-divisor", [("Yield", None, None), ("Result", "Yield", "*"),
                          ("Capital", "Yield", "/"), ("Gain", "Result", "+"),
                          ("Loss", "Result", "-")],
     {"Gain": 50, "Loss": 80, "Capital": 1000}, {"Gain": 90, "Loss": 60, "Capital": 1200}),
]


def random_tree(rng, size):
    """A KGI and `size` KPIs, each parent's children all additive or all multiplicative, at most
    four factors per product."""
    rows = [("K", None, None)]
    kind = {"K": rng.choice(["sum", "product"])}
    for i in range(1, size + 1):
        candidates = [r[0] for r in rows if kind[r[0]] == "sum" or len(children(rows, r[0])) < 4]
        parent = rng.choice(candidates)
        link = rng.choice(["+", "+", "-"]) if kind[parent] == "sum" else rng.choice(["*", "*", "/"])
        rows.append(("N%d" % i, parent, link))
        kind["N%d" % i] = rng.choice(["sum", "product"])
    return rows


def random_values(rng, rows, allow_zero):
    leaves = [r for r in rows if not children(rows, r[0])]
    plan, actual = {}, {}
    for name, _, link in leaves:
        base = round(rng.uniform(1, 500), 2)
        plan[name] = exact(base)
        actual[name] = exact(round(base * rng.uniform(0.7, 1.3), 2))
        if allow_zero and link in "*+-" and rng.random() < 0.2:
            (plan if rng.random() < 0.5 else actual)[name] = Fraction(0)
    return plan, actual


def uses_lmdi_everywhere(rows, plan, actual):
    """Whether every product's factors are positive in plan and actual (no Shapley fallback)."""
    for name, _, _ in rows:
        kids = children(rows, name)
        if kids and kids[0][2] in "*/":
            if any(value(rows, v, k[0]) <= 0 for k in kids for v in (plan, actual)):
                return False
    return True


def both_methods(out, rng, name, rows, plan, actual):
    write_case(out, "shapley-" + name, rows, plan, actual, "shapley", rng)
    prefix = "lmdi-" if uses_lmdi_everywhere(rows, plan, actual) else "fallback-"
    write_case(out, prefix + name, rows, plan, actual, "lmdi", rng)


def main():
    rng = random.Random(20261130)
    out = ["# generated by tests/reference/gen_variance.py"]
    for name, rows, plan, actual in DESIGNED:
        plan = {k: exact(v) for k, v in plan.items()}
        actual = {k: exact(v) for k, v in actual.items()}
        both_methods(out, rng, name, rows, plan, actual)
    for i in range(30):
        rows = random_tree(rng, rng.randint(3, 9))
        plan, actual = random_values(rng, rows, allow_zero=i % 3 == 2)
        try:
            both_methods(out, rng, "random-%d" % i, rows, plan, actual)
        except ZeroDivisionError:  # a zero reached a divisor: no reference for that tree
            continue
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "variance_cases.txt")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
