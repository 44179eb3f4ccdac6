// KPI Tree core library: reads a KPI tree from a grid of cells, audits its arithmetic,
// tests its hypothesis links and plans with it.
//
// This library is independent of LibreOffice: it includes no UNO, rtl, sal, osl or cppuhelper
// header and speaks only std types (tests/check_core_isolation.cmake enforces it). The Calc
// add-in, the sidebar and the command line are adapters that convert cells to kpitree::Grid,
// call the functions in functions.hpp and convert the result back.
#pragma once

#include "kpitree/causal.hpp"
#include "kpitree/check.hpp"
#include "kpitree/contrib.hpp"
#include "kpitree/decompose.hpp"
#include "kpitree/distributions.hpp"
#include "kpitree/elasticity.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/granger.hpp"
#include "kpitree/least_squares.hpp"
#include "kpitree/lint.hpp"
#include "kpitree/padjust.hpp"
#include "kpitree/planning.hpp"
#include "kpitree/report.hpp"
#include "kpitree/rollup.hpp"
#include "kpitree/status.hpp"
#include "kpitree/table.hpp"
#include "kpitree/target.hpp"
#include "kpitree/tree.hpp"
