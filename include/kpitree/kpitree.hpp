// KPI Tree core library: reads a KPI tree from a grid of cells, audits its arithmetic,
// tests its hypothesis links and plans with it.
//
// This library is independent of LibreOffice: it includes no UNO, rtl, sal, osl or cppuhelper
// header and speaks only std types (tests/check_core_isolation.cmake enforces it). The Calc
// add-in, the sidebar and the command line are adapters that convert cells to kpitree::Grid,
// call the functions in functions.hpp and convert the result back.
//
// The layers, each a folder of include/kpitree/, src/core/ and tests/core/, bottom up:
//   model  the cells, the tree read from them, the status vocabulary, the error types;
//   stats  least squares, distributions, Granger tests, p-value adjustment, decompositions
//          (numbers in, numbers out);
//   audit  the arithmetic check, lint findings, the causal assessment of ~ links;
//   plan   contributions, targets, roll-ups, elasticities, variance, what-if;
//   diagram the tree diagram's layout (boxes and connectors) and its status colours;
//   top    functions.hpp (the spreadsheet functions, cells in and out) and report.hpp.
// A file includes its own layer and those below it, never one above
// (tests/check_core_layers.cmake enforces it).
#pragma once

#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/model/dates.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/table.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"
#include "kpitree/plan/variance.hpp"
#include "kpitree/plan/whatif.hpp"
#include "kpitree/report.hpp"
#include "kpitree/stats/decompose.hpp"
#include "kpitree/stats/distributions.hpp"
#include "kpitree/stats/granger.hpp"
#include "kpitree/stats/least_squares.hpp"
#include "kpitree/stats/padjust.hpp"
