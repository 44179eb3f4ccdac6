"""What the Function Wizard shows: every KPI Tree function with its English name, its
description and its argument names and descriptions, as Calc reads them from the add-in's
metadata table (com.sun.star.sheet.FunctionDescriptions)."""
import unittest

from calc_case import OXT
from office import Office

FUNCTIONS = {
    "KPI.CHECK": ["tree", "tolerance", "node"],
    "KPI.EXPECTED": ["tree", "node"],
    "KPI.RESIDUAL": ["tree", "node"],
    "KPI.LINT": ["tree"],
    "KPI.GRANGER": ["effect", "cause", "lag", "output"],
    "KPI.PADJUST": ["pvalues", "method"],
    "KPI.CAUSAL": ["tree", "alpha", "max_lag", "node"],
    "KPI.CONTRIB": ["tree", "from_period", "to_period", "method", "node", "tolerance"],
    "KPI.TARGET": ["tree", "kgi_target", "period", "flex", "node", "kgi"],
    "KPI.ROLLUP": ["tree", "periods_per_bucket", "kinds"],
    "KPI.ELASTICITY": ["tree", "period", "node"],
    "KPI.VARIANCE": ["tree", "plan", "period", "node"],
    "KPI.WHATIF": ["tree", "changes", "period", "node"],
}

# What the wizard marks as required. Calc treats every `any` argument as optional, so
# KPI.CONTRIB's periods (numbers or labels) and KPI.TARGET's kgi_target (a number or a text such
# as "+10%", which a double argument would turn into 0.1) show as optional; the functions answer
# Err:502 when they are missing.
REQUIRED = {name: args[:1] for name, args in FUNCTIONS.items()}
REQUIRED.update({"KPI.GRANGER": ["effect", "cause", "lag"], "KPI.PADJUST": ["pvalues", "method"],
                 "KPI.ROLLUP": ["tree", "periods_per_bucket"],
                 "KPI.VARIANCE": ["tree", "plan"], "KPI.WHATIF": ["tree", "changes"]})


class FunctionWizard(unittest.TestCase):
    def test_every_function_is_described(self):
        with Office(OXT) as office:
            descriptions = office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.sheet.FunctionDescriptions", office.ctx)
            seen = {}
            for i in range(descriptions.getCount()):
                entry = {p.Name: p.Value for p in descriptions.getByIndex(i)}
                if entry["Name"].startswith("KPI."):
                    seen[entry["Name"]] = entry
            self.assertEqual(sorted(seen), sorted(FUNCTIONS))
            for name, arguments in FUNCTIONS.items():
                entry = seen[name]
                self.assertGreater(len(entry["Description"]), 30, name)
                self.assertEqual([a.Name for a in entry["Arguments"]], arguments, name)
                for a in entry["Arguments"]:
                    self.assertGreater(len(a.Description), 10, "%s(%s)" % (name, a.Name))
                required = [a.Name for a in entry["Arguments"] if not a.IsOptional]
                self.assertEqual(required, REQUIRED[name], name)
            self.assertIn("parent", seen["KPI.CHECK"]["Description"])
            # Row-aligned functions say how to enter them; the others do not.
            for name in FUNCTIONS:
                hint = "Ctrl+Shift+Enter" in seen[name]["Description"]
                self.assertEqual(hint, name not in ("KPI.GRANGER", "KPI.PADJUST"), name)
            self.assertIn("or use the node argument", seen["KPI.CHECK"]["Description"])
            self.assertNotIn("node argument", seen["KPI.LINT"]["Description"])
            # `~` reaches Calc doubled: the wizard shows it as one ~ instead of a mnemonic.
            tree = seen["KPI.CHECK"]["Arguments"][0].Description
            self.assertIn("(+ - * / ~~)", tree)


if __name__ == "__main__":
    unittest.main()
