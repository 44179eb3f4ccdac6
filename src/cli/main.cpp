// kpitree check WORKBOOK... [--range Sheet.A1:F40] [--tolerance VALUE|rounding]
//                 [--from PERIOD --to PERIOD] [--plan RANGE] [--format text|json|csv]
//
// Opens the workbook in a private headless LibreOffice (with the extension installed in a
// throwaway profile), finds every tree table on every sheet (both layouts), prints each tree
// with its verdicts and exits
// 0 when every identity holds, 1 on a mismatch or an ERROR, 2 on unusable input. Whatever ends
// it (a signal, a closed pipe, a crash of the office), no office process or temporary profile
// stays behind (process_guard.hpp).
#include "convert.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/report.hpp"
#include "office_session.hpp"
#include "process_guard.hpp"

#include <algorithm>
#include <cctype>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

constexpr int exit_ok = 0, exit_failed = 1, exit_unusable = 2;

const char usage[] =
    "usage: kpitree check WORKBOOK... [options]   audit the KPI tree tables of workbooks\n"
    "       kpitree check --help                  the check command's options\n"
    "       kpitree --version                     the program's version\n";

const char check_usage[] =
    "usage: kpitree check WORKBOOK... [--range Sheet.A1:F40] [--tolerance VALUE|rounding]\n"
    "                     [--from PERIOD --to PERIOD] [--plan RANGE] [--format text|json|csv]\n"
    "  Audits every KPI tree table on every sheet of each WORKBOOK (any format LibreOffice\n"
    "  opens; periods in columns or in rows), in one private headless LibreOffice.\n"
    "  --range      audit this range only\n"
    "  --tolerance  a relative tolerance (0.001 = 0.1 %) or 'rounding': what rounding the\n"
    "               inputs to their digits can explain, as KPI.CHECK(tree; \"rounding\")\n"
    "  --from, --to the two periods (labels or numbers from 1) whose change the contribution\n"
    "               column splits, as KPI.CONTRIB; default: the last two\n"
    "  --plan       a range of the workbook holding the plan (Name + one value column, or\n"
    "               Name + the table's period columns): adds KPI.VARIANCE's columns (plan,\n"
    "               actual, gap, gap %, contribution to the KGI's gap, AHEAD/BEHIND/ON PLAN)\n"
    "               for the latest period with both plan and actual\n"
    "  --format     text (default, for reading), json (JSON Lines: one object per KPI) or\n"
    "               csv (a header line, then one line per KPI); the same keys in both, see\n"
    "               the README\n"
    "  Environment: KPITREE_OXT the extension (default: kpitree.oxt beside the program),\n"
    "  KPITREE_SOFFICE the LibreOffice to run (default /usr/lib/libreoffice/program/soffice)\n"
    "  Exit status: 0 all identities hold, 1 a mismatch or an ERROR was found,\n"
    "  2 an input cannot be used (missing file, no tree table, bad range or option);\n"
    "  the worst wins.\n";

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : self.parent_path();
}

// The extension to install: $KPITREE_OXT, else kpitree.oxt beside the program.
std::string find_oxt() {
    if (const char* env = std::getenv("KPITREE_OXT"); env && *env)
        return env;
    for (auto candidate : {executable_dir() / "kpitree.oxt",
                           executable_dir() / ".." / "share" / "kpitree" / "kpitree.oxt"})
        if (std::filesystem::exists(candidate))
            return candidate.string();
    return {};
}

// "Sheet1" or "'KPI tree'" as Calc writes sheet names in addresses.
std::string sheet_ref(const std::string& name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_';
    });
    if (plain)
        return name;
    std::string quoted = "'";
    for (char c : name)
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

// Standard output was closed (`kpitree check ... | head -1`): stop, clean up, die by SIGPIPE.
struct OutputClosed {};

void print(const std::string& text) {
    std::cout << text << std::flush;
    if (!std::cout)
        throw OutputClosed{};
}

int fail(const std::string& reason) {
    std::cerr << "kpitree: " << reason << "\n";
    return exit_unusable;
}

// How to audit: the range (all tree tables when unset), the plan's range and the report's
// options (KPI.CHECK's tolerance, the contribution periods, the format).
struct Settings {
    std::optional<std::string> range;
    std::optional<std::string> plan_range;
    kpitree::AuditOptions audit;
};

bool text_format(const Settings& settings) {
    return settings.audit.format == kpitree::ReportFormat::text;
}

// Audits one table: prints its report, returns its exit status (unusable when the options do
// not fit the table: a period or a plan it does not have).
int audit_table(const kpitree::Grid& table, const std::string& title, const Settings& settings) {
    kpitree::AuditReport report;
    try {
        report = kpitree::audit(table, title, settings.audit);
    } catch (const kpitree::ArgumentError& e) {
        return fail(title + ": " + e.what());
    }
    print(report.text);
    return report.failed() ? exit_failed : exit_ok;
}

// The plan range of --plan read from the open workbook into the options.
void read_plan(const kpitree::cli::OfficeSession& office, Settings& settings) {
    if (!settings.plan_range)
        return;
    try {
        settings.audit.plan = office.range(*settings.plan_range, nullptr);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("--plan " + *settings.plan_range + ": " + e.what());
    }
}

// Audits the workbook open in `office`: the range, or every tree table of every sheet, each
// report after the other; the worst status wins.
int audit_open(const kpitree::cli::OfficeSession& office, const std::string& workbook,
               Settings settings) {
    read_plan(office, settings);
    settings.audit.workbook = workbook;
    if (settings.range) {
        std::string title;
        kpitree::Grid table;
        try {
            table = office.range(*settings.range, &title);
        } catch (const std::invalid_argument& e) {
            return fail(std::string("--range ") + *settings.range + ": " + e.what());
        }
        return audit_table(table, title, settings);
    }
    int status = exit_ok;
    std::size_t tables = 0;
    for (const auto& sheet : office.sheets())
        for (const auto& rect :
             kpitree::find_tree_tables(sheet.cells, [&](std::size_t r, std::size_t c) {
                 return sheet.is_kpi_formula(r, c);
             })) {
            if (tables++ > 0 && text_format(settings))
                print("\n");
            const std::string title = sheet_ref(sheet.name) + "." + kpitree::range_name(rect);
            status = std::max(status,
                              audit_table(kpitree::sub_grid(sheet.cells, rect), title, settings));
        }
    if (tables == 0)
        return fail("no tree table found in '" + workbook +
                    "' (labels Name | Parent | Link across a header row or down the first "
                    "column, or use --range)");
    return status;
}

// Audits one workbook in the running office; prints its report or a one-line reason.
int check(kpitree::cli::OfficeSession& office, const std::string& workbook,
          const Settings& settings) {
    if (access(workbook.c_str(), R_OK) != 0)
        return fail("cannot open '" + workbook + "': permission denied");
    try {
        office.open(workbook);
        return audit_open(office, workbook, settings);
    } catch (const std::runtime_error& e) {
        return fail(e.what());
    } catch (const com::sun::star::uno::RuntimeException& e) {
        // The bridge throws DisposedException (a RuntimeException) when the office died.
        return fail("LibreOffice failed while reading '" + workbook +
                    "': " + kpitree::uno::to_utf8(e.Message));
    }
}

// Starts a new office in `office`, ending the one there before (it may have crashed).
void start_office(std::optional<kpitree::cli::OfficeSession>& office) {
    office.reset();
    const std::string oxt = find_oxt();
    if (oxt.empty())
        std::cerr << "kpitree: note: kpitree.oxt not found (set KPITREE_OXT); KPI formulas "
                     "in the workbook will not compute\n";
    office.emplace(oxt);
}

// Why `path` cannot be a workbook before the office sees it, or empty when it is a file.
std::string not_a_file(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::is_regular_file(status))
        return {};
    if (std::filesystem::is_directory(status))
        return "a directory, not a workbook (name the workbook files in it)";
    if (std::filesystem::exists(status))
        return "not a regular file";
    return "no such file";
}

// Audits every workbook in one office session (a new one if the office dies on a workbook).
// The exit status is the worst of them: unusable (2) over failed (1) over ok (0).
int check_all(const std::vector<std::string>& workbooks, const Settings& settings) {
    std::optional<kpitree::cli::OfficeSession> office;
    int status = exit_ok;
    for (std::size_t i = 0; i < workbooks.size(); ++i) {
        const std::string& workbook = workbooks[i];
        if (workbooks.size() > 1 && text_format(settings))
            print((i > 0 ? "\n== " : "== ") + workbook + " ==\n");
        if (const std::string problem = not_a_file(workbook); !problem.empty()) {
            status = std::max(status, fail("cannot open '" + workbook + "': " + problem));
            continue;
        }
        if (!office || !office->alive())
            start_office(office);
        status = std::max(status, check(*office, workbook, settings));
    }
    return status;
}

} // namespace

namespace {

std::optional<kpitree::ReportFormat> parse_format(const std::string& name) {
    if (name == "text")
        return kpitree::ReportFormat::text;
    if (name == "json")
        return kpitree::ReportFormat::json;
    if (name == "csv")
        return kpitree::ReportFormat::csv;
    return std::nullopt;
}

// The value of option `name` at args[i] ("--name VALUE" or "--name=VALUE"), advancing i past
// it; nullopt when args[i] is another option.
std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i,
                                        const std::string& name) {
    if (args[i] == name && i + 1 < args.size())
        return args[++i];
    if (args[i].rfind(name + "=", 0) == 0)
        return args[i].substr(name.size() + 1);
    return std::nullopt;
}

// The command line of `kpitree check` in `settings` and `workbooks`; a reason when it is wrong.
std::optional<std::string> parse_check(const std::vector<std::string>& args, Settings& settings,
                                       std::vector<std::string>& workbooks) {
    std::optional<std::string> tolerance, format;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (auto v = option_value(args, i, "--range"))
            settings.range = *v;
        else if (auto v = option_value(args, i, "--tolerance"))
            tolerance = *v;
        else if (auto v = option_value(args, i, "--from"))
            settings.audit.from = kpitree::Cell(*v);
        else if (auto v = option_value(args, i, "--to"))
            settings.audit.to = kpitree::Cell(*v);
        else if (auto v = option_value(args, i, "--plan"))
            settings.plan_range = *v;
        else if (auto v = option_value(args, i, "--format"))
            format = *v;
        else if (!args[i].empty() && args[i][0] == '-')
            return "unknown option '" + args[i] + "'\n" + check_usage;
        else
            workbooks.push_back(args[i]);
    }
    if (workbooks.empty())
        return std::string("no workbook given\n") + check_usage;
    if (kpitree::is_empty(settings.audit.from) != kpitree::is_empty(settings.audit.to))
        return std::string("--from and --to go together");
    if (format) {
        const auto parsed = parse_format(*format);
        if (!parsed)
            return "--format " + *format + ": use text, json or csv";
        settings.audit.format = *parsed;
    }
    if (tolerance) {
        try {
            settings.audit.check = kpitree::check_options(kpitree::Cell(*tolerance));
        } catch (const kpitree::ArgumentError& e) {
            return "--tolerance " + *tolerance + ": " + e.what();
        }
    }
    return std::nullopt;
}

bool asks_for_help(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(),
                       [](const std::string& a) { return a == "--help" || a == "-h"; });
}

int run_check(const std::vector<std::string>& args) {
    if (asks_for_help(args)) {
        std::cout << check_usage;
        return exit_ok;
    }
    std::vector<std::string> workbooks;
    Settings settings;
    if (auto reason = parse_check(args, settings, workbooks))
        return fail(*reason);
    if (settings.audit.format == kpitree::ReportFormat::csv)
        print(kpitree::csv_header());
    return check_all(workbooks, settings);
}

} // namespace

int main(int argc, char** argv) {
    kpitree::cli::guard_process();
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return args.empty() ? exit_unusable : exit_ok;
    }
    if (args[0] == "--version") {
        std::cout << "kpitree " KPITREE_VERSION "\n";
        return exit_ok;
    }
    if (args[0] != "check")
        return fail("unknown command '" + args[0] + "'\n" + usage);
    try {
        return run_check(args);
    } catch (const OutputClosed&) {
        // The office is gone already (check_all's session was unwound): die as a filter does.
        std::signal(SIGPIPE, SIG_DFL);
        raise(SIGPIPE);
        return exit_unusable;
    } catch (const com::sun::star::uno::Exception& e) {
        return fail("LibreOffice: " + kpitree::uno::to_utf8(e.Message));
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
