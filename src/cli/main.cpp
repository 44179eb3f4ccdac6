// kpitree check WORKBOOK... [--range Sheet.A1:F40] [--tolerance VALUE|rounding]
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
    "usage: kpitree check WORKBOOK... [--range Sheet.A1:F40] [--tolerance VALUE|rounding]\n"
    "  Audits every KPI tree table on every sheet of each WORKBOOK (any format LibreOffice\n"
    "  opens; periods in columns or in rows), in one private headless LibreOffice.\n"
    "  --range      audit this range only\n"
    "  --tolerance  a relative tolerance (0.001 = 0.1 %) or 'rounding': what rounding the\n"
    "               inputs to their digits can explain, as KPI.CHECK(tree; \"rounding\")\n"
    "  Exit status: 0 all identities hold, 1 a mismatch or an ERROR was found,\n"
    "  2 an input cannot be used (missing file, no tree table, bad range); the worst wins.\n";

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

// How to audit: the range (all tree tables when unset) and KPI.CHECK's options.
struct Settings {
    std::optional<std::string> range;
    kpitree::CheckOptions check;
};

// Audits one table: prints its report, returns its exit status.
int audit_table(const kpitree::Grid& table, const std::string& title, const Settings& settings) {
    const kpitree::AuditReport report = kpitree::audit(table, title, settings.check);
    print(report.text);
    return report.failed() ? exit_failed : exit_ok;
}

// Audits the workbook open in `office`: the range, or every tree table of every sheet, each
// report after the other; the worst status wins.
int audit_open(const kpitree::cli::OfficeSession& office, const std::string& workbook,
               const Settings& settings) {
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
        for (const auto& rect : kpitree::find_tree_tables(sheet.cells)) {
            if (tables++ > 0)
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

// Audits every workbook in one office session (a new one if the office dies on a workbook).
// The exit status is the worst of them: unusable (2) over failed (1) over ok (0).
int check_all(const std::vector<std::string>& workbooks, const Settings& settings) {
    std::optional<kpitree::cli::OfficeSession> office;
    int status = exit_ok;
    for (std::size_t i = 0; i < workbooks.size(); ++i) {
        const std::string& workbook = workbooks[i];
        if (workbooks.size() > 1)
            print((i > 0 ? "\n== " : "== ") + workbook + " ==\n");
        if (!std::filesystem::is_regular_file(workbook)) {
            status = std::max(status, fail("cannot open '" + workbook + "': no such file"));
            continue;
        }
        if (!office || !office->alive())
            start_office(office);
        status = std::max(status, check(*office, workbook, settings));
    }
    return status;
}

} // namespace

int main(int argc, char** argv) {
    kpitree::cli::guard_process();
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return args.empty() ? exit_unusable : exit_ok;
    }
    if (args[0] != "check")
        return fail("unknown command '" + args[0] + "'\n" + usage);
    std::vector<std::string> workbooks;
    Settings settings;
    std::optional<std::string> tolerance;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--range" && i + 1 < args.size())
            settings.range = args[++i];
        else if (args[i].rfind("--range=", 0) == 0)
            settings.range = args[i].substr(8);
        else if (args[i] == "--tolerance" && i + 1 < args.size())
            tolerance = args[++i];
        else if (args[i].rfind("--tolerance=", 0) == 0)
            tolerance = args[i].substr(12);
        else if (!args[i].empty() && args[i][0] == '-')
            return fail("unknown option '" + args[i] + "'\n" + usage);
        else
            workbooks.push_back(args[i]);
    }
    if (workbooks.empty())
        return fail(std::string("no workbook given\n") + usage);
    if (tolerance) {
        try {
            settings.check = kpitree::check_options(kpitree::Cell(*tolerance));
        } catch (const kpitree::ArgumentError& e) {
            return fail("--tolerance " + *tolerance + ": " + e.what());
        }
    }
    try {
        return check_all(workbooks, settings);
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
