#include "office_session.hpp"

#include "convert.hpp"
#include "debug_log.hpp"
#include "profile_cache.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XInteractionRequest.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <osl/file.hxx>
#include <rtl/digest.h>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace kpitree::cli {

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

// The URE this program is linked with (the system's LibreOffice): its own UNO environment.
const std::string ure_dir = "/usr/lib/libreoffice/program";

// The office to run: the directory of $KPITREE_SOFFICE (another LibreOffice, such as 25.2 in a
// private prefix: the URP bridge connects across versions), else the system's.
std::string office_dir() {
    if (const char* soffice = std::getenv("KPITREE_SOFFICE"); soffice && *soffice)
        return std::filesystem::path(soffice).parent_path().string();
    return ure_dir;
}

std::string file_url(const std::string& path) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(to_oustring(std::filesystem::absolute(path).string()),
                                            url);
    return to_utf8(url);
}

css::beans::PropertyValue property(const char* name, const css::uno::Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

// Calc's text for an error cell ("#DIV/0!", "#N/A", "Err:502").
std::string error_text(const Reference<css::table::XCell>& cell) {
    const std::string shown =
        to_utf8(Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString());
    return shown.empty() ? "Err:" + std::to_string(cell->getError()) : shown;
}

// `grid` with at least `rows` x `columns` cells (the converter may have dropped a blank tail).
Grid at_least(Grid grid, std::size_t rows, std::size_t columns) {
    if (rows <= grid.rows() && columns <= grid.columns())
        return grid;
    Grid bigger(std::max(rows, grid.rows()), std::max(columns, grid.columns()));
    for (std::size_t r = 0; r < grid.rows(); ++r)
        for (std::size_t c = 0; c < grid.columns(); ++c)
            bigger.at(r, c) = std::move(grid.at(r, c));
    return bigger;
}

// getDataArray gives error cells as empty: find the formula cells whose result is an error and
// mark them in `grid` (the cells of `range`), so that an error never reads as a missing value.
// Beyond the first `max_named` error cells the code is not looked up cell by cell.
Grid mark_errors(const Reference<css::table::XCellRange>& range, Grid grid) {
    constexpr std::size_t max_named = 20000;
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    const auto origin =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    const auto found =
        query->queryFormulaCells(css::sheet::FormulaResult::ERROR)->getRangeAddresses();
    std::size_t named = 0;
    for (const auto& block : found) {
        const auto top = std::size_t(block.StartRow - origin.StartRow);
        const auto left = std::size_t(block.StartColumn - origin.StartColumn);
        const auto bottom = std::size_t(block.EndRow - origin.StartRow);
        const auto right = std::size_t(block.EndColumn - origin.StartColumn);
        grid = at_least(std::move(grid), bottom + 1, right + 1);
        for (std::size_t r = top; r <= bottom; ++r)
            for (std::size_t c = left; c <= right; ++c)
                grid.at(r, c) =
                    CellError{named++ < max_named
                                  ? error_text(range->getCellByPosition(sal_Int32(c), sal_Int32(r)))
                                  : "(error)"};
    }
    return grid;
}

Grid read_range(const Reference<css::table::XCellRange>& range) {
    Reference<css::sheet::XCellRangeData> data(range, UNO_QUERY_THROW);
    return mark_errors(range, uno::to_grid(data->getDataArray()));
}

// Whether a formula calls a KPI Tree function (its programmatic name org.kpitree.…, in any case).
bool calls_kpi_function(const OUString& formula) {
    return formula.toAsciiLowerCase().indexOf("org.kpitree.") >= 0;
}

// Which cells of `grid` (the cells of `range`, row-major) hold KPI Tree formulas: a column of
// verdicts or contributions right beside a table (array or fill-down, under any header) is
// never part of it (SPEC), and the table finder is told where they are.
std::vector<bool> kpi_formula_cells(const Reference<css::table::XCellRange>& range,
                                    const Grid& grid) {
    std::vector<bool> marks(grid.rows() * grid.columns(), false);
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    const auto origin =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    const auto found =
        query->queryContentCells(css::sheet::CellFlags::FORMULA)->getRangeAddresses();
    for (const auto& block : found) {
        const auto top = block.StartRow - origin.StartRow;
        const auto left = block.StartColumn - origin.StartColumn;
        Reference<css::sheet::XCellRangeFormula> cells(
            range->getCellRangeByPosition(left, top, block.EndColumn - origin.StartColumn,
                                          block.EndRow - origin.StartRow),
            UNO_QUERY_THROW);
        const auto formulas = cells->getFormulaArray();
        for (sal_Int32 r = 0; r < formulas.getLength(); ++r)
            for (sal_Int32 c = 0; c < formulas[r].getLength(); ++c) {
                const auto row = std::size_t(top + r), column = std::size_t(left + c);
                if (row < grid.rows() && column < grid.columns() &&
                    calls_kpi_function(formulas[r][c]))
                    marks[row * grid.columns() + column] = true;
            }
    }
    return marks;
}

bool ends_with_ignoring_case(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(),
                      [](char a, char b) { return std::tolower((unsigned char)a) == b; });
}

// Load arguments: hidden, read-only, no macros; for .csv/.tsv the text filter reading UTF-8
// (Calc would guess the system's 8-bit charset) with comma or tab, double quotes, from line 1.
css::uno::Sequence<css::beans::PropertyValue> load_arguments(const std::string& path) {
    std::vector<css::beans::PropertyValue> args = {
        property("Hidden", css::uno::Any(true)), property("ReadOnly", css::uno::Any(true)),
        property("MacroExecutionMode", css::uno::Any(sal_Int16(0)))};
    const bool csv = ends_with_ignoring_case(path, ".csv");
    if (csv || ends_with_ignoring_case(path, ".tsv")) {
        args.push_back(
            property("FilterName", css::uno::Any(OUString("Text - txt - csv (StarCalc)"))));
        args.push_back(property("FilterOptions", css::uno::Any(OUString::createFromAscii(
                                                     csv ? "44,34,76,1" : "9,34,76,1"))));
    }
    return css::uno::Sequence<css::beans::PropertyValue>(args.data(), sal_Int32(args.size()));
}

// Answers every request the office makes while loading by aborting it, and notes whether one
// asked for a password. Used only after a load has failed, to tell a password-protected
// workbook from a damaged one: the load that counts runs without a handler, as before.
class PasswordProbe : public cppu::WeakImplHelper1<css::task::XInteractionHandler> {
public:
    void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override {
        if (request->getRequest().isExtractableTo(cppu::UnoType<css::task::PasswordRequest>::get()))
            asked_ = true;
        for (const auto& continuation : request->getContinuations())
            if (Reference<css::task::XInteractionAbort> abort(continuation, css::uno::UNO_QUERY);
                abort.is()) {
                abort->select();
                return;
            }
    }
    bool asked() const { return asked_; }

private:
    std::atomic<bool> asked_ = false; // set on the bridge's thread, read on ours
};

// Whether loading `path` asks for a password (a second load, with PasswordProbe answering).
bool asks_for_password(const Reference<css::frame::XDesktop2>& desktop, const std::string& path,
                       css::uno::Sequence<css::beans::PropertyValue> args) {
    auto* probe = new PasswordProbe; // owned by `handler`
    const Reference<css::task::XInteractionHandler> handler(probe);
    args.realloc(args.getLength() + 1);
    args.getArray()[args.getLength() - 1] = property("InteractionHandler", css::uno::Any(handler));
    try {
        const auto document =
            desktop->loadComponentFromURL(to_oustring(file_url(path)), "_blank", 0, args);
        if (Reference<css::util::XCloseable> closeable(document, css::uno::UNO_QUERY);
            closeable.is())
            closeable->close(true);
    } catch (const css::uno::Exception&) {
        // The reason is what the probe saw, whatever the load did.
    }
    return probe->asked();
}

// The office's pipes: /tmp/OSL_PIPE_<uid>_<name> whatever TMPDIR says (osl), for the --accept
// pipe and the single-instance pipe, "SingleOfficeIPC_" + the MD5 of the profile URL in UTF-16,
// in hex without leading zeros per byte (desktop/source/app/officeipcthread.cxx; checked on 7.4).
std::vector<std::string> pipe_files(const std::string& accept_pipe, const std::string& profile) {
    const std::string prefix = "/tmp/OSL_PIPE_" + std::to_string(getuid()) + "_";
    const OUString url = to_oustring(profile);
    sal_uInt8 digest[RTL_DIGEST_LENGTH_MD5];
    rtl_digest_MD5(url.getStr(), sal_uInt32(url.getLength()) * sizeof(sal_Unicode), digest,
                   sizeof digest);
    std::string hex;
    for (const sal_uInt8 byte : digest) {
        char text[3];
        std::snprintf(text, sizeof text, "%x", unsigned(byte));
        hex += text;
    }
    return {prefix + accept_pipe, prefix + "SingleOfficeIPC_" + hex};
}

// The client's own UNO environment: the type libraries of the office it talks to (URE and office
// API, or the bridge cannot marshal office interfaces; a newer office's objects name interfaces
// the system's URE does not know) and the service registry of the URE it is linked with.
Reference<css::uno::XComponentContext> local_context(const std::string& dir) {
    const std::string ini = dir + "/kpitreerc";
    {
        std::ofstream rc(ini);
        const std::string lib = "file://" + ure_dir;
        const std::string types = "file://" + office_dir();
        rc << "[Bootstrap]\nURE_INTERNAL_LIB_DIR=" << lib << "\nLO_LIB_DIR=" << lib
           << "\nUNO_TYPES=" << types << "/types.rdb " << types << "/types/offapi.rdb\n"
           << "UNO_SERVICES=" << lib << "/services.rdb\n";
    }
    return cppu::defaultBootstrap_InitialComponentContext(to_oustring(file_url(ini)));
}

// How to start the office. LibreOffice's `soffice` script sets the environment and runs
// oosplash, which runs javaldx (a Java lookup that starts a JVM: about half a second on 7.4)
// and then soffice.bin, starting it again when it exits asking for a restart. We run the script's
// own text with soffice.bin in oosplash's place, so that its environment still applies (25.2 in
// a private prefix sets its libraries there), and restart the office ourselves (start()). A
// script without that line runs as it is.
std::vector<std::string> launch_command() {
    const std::string script = office_dir() + "/soffice";
    std::ifstream in(script, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    std::string text = read.str();
    const std::string oosplash = "\"$sd_prog/oosplash\"";
    const auto at = text.find(oosplash);
    if (at == std::string::npos || access((office_dir() + "/soffice.bin").c_str(), X_OK) != 0) {
        debug_log("starting the office through " + script);
        return {script};
    }
    text.replace(at, oosplash.size(), "\"$sd_prog/soffice.bin\"");
    debug_log("starting " + office_dir() + "/soffice.bin with the environment of " + script);
    return {"/bin/sh", "-c", text, script};
}

// Records the office's version as the last one that ran on its profile. A headless office never
// does, and without it LibreOffice 7.4 takes every start for the first after an upgrade and
// runs its graphics render tests (about 4 s of CPU per start on the development machine).
void record_version(const Reference<css::uno::XComponentContext>& office) {
    try {
        const auto provider = css::configuration::theDefaultProvider::get(office);
        const css::beans::NamedValue node("nodepath",
                                          css::uno::Any(OUString("/org.openoffice.Setup/Product")));
        const css::uno::Any argument(node);
        const auto product = provider->createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            css::uno::Sequence<css::uno::Any>(&argument, 1));
        OUString version;
        Reference<css::container::XNameAccess>(product, UNO_QUERY_THROW)
            ->getByName("ooSetupVersion") >>= version;
        Reference<css::container::XNameReplace>(product, UNO_QUERY_THROW)
            ->replaceByName("ooSetupLastVersion", css::uno::Any(version));
        Reference<css::util::XChangesBatch>(product, UNO_QUERY_THROW)->commitChanges();
        debug_log("recorded the office's version " + to_utf8(version) + " in the profile");
    } catch (const css::uno::Exception& e) {
        throw std::runtime_error("cannot record the office's version: " + to_utf8(e.Message));
    }
}

} // namespace

OfficeSession::OfficeSession(const std::string& oxt) : dir_("kpitree-") {
    std::filesystem::create_directory(dir_.path() + "/tmp");
    if (!oxt.empty())
        install(oxt);
    start(dir_.path() + "/profile", dir_.path() + "/shared");
}

// Starts the office on `profile` and `shared` (paths) and connects to it. An office that has
// just synchronised the extensions of a profile exits asking to be started again (status 81,
// EXITHELPER_NORMAL_RESTART); oosplash would start it again, so we do, twice at most.
void OfficeSession::start(const std::string& profile, const std::string& shared) {
    static int sessions = 0;
    const std::string pipe =
        "kpitree_cli_" + std::to_string(getpid()) + "_" + std::to_string(sessions++);
    const std::string profile_url = file_url(profile);
    std::vector<std::string> args = launch_command();
    args.insert(args.end(), {"--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                             "--nolockcheck", "--accept=pipe,name=" + pipe + ";urp;",
                             "-env:UserInstallation=" + profile_url,
                             "-env:UNO_SHARED_PACKAGES_CACHE=" + file_url(shared)});
    for (const auto& file : pipe_files(pipe, profile_url))
        sockets_.emplace_back(file);
    constexpr int restart_requested = 81, max_starts = 3;
    for (int starts = 1;; ++starts) {
        soffice_.emplace(args, !debugging(), children_env());
        const std::optional<int> exit = connect(pipe);
        if (!exit) {
            debug_log("the office answers after " + std::to_string(starts) +
                      (starts == 1 ? " start" : " starts"));
            break;
        }
        if (*exit != restart_requested || starts == max_starts)
            throw std::runtime_error("LibreOffice exited while starting");
        debug_log("the office asked to be started again (exit status 81)");
    }
    for (const auto& path : soffice_->socket_paths()) // any other pipe this version opens
        if (std::none_of(sockets_.begin(), sockets_.end(),
                         [&](const OwnedPath& known) { return known.path() == path; }))
            sockets_.emplace_back(path);
}

// The office's and unopkg's own temporary files go into our directory, so that they go with it
// even when the office is killed. DISPLAY is emptied: the office is headless, and LibreOffice 25.2
// runs its graphics render tests at the first start of a profile (every run's copy is new) unless
// DISPLAY is set to something that is not a local display.
std::vector<std::string> OfficeSession::children_env() const {
    return {"TMPDIR=" + dir_.path() + "/tmp", "DISPLAY="};
}

// A profile with the extension: a copy of the prepared one for this .oxt (profile_cache.hpp),
// prepared by `unopkg add` when there is none yet.
void OfficeSession::install(const std::string& oxt) {
    if (!std::filesystem::is_regular_file(oxt))
        throw std::runtime_error("the extension " + oxt + " does not exist");
    provide_profile(
        oxt, office_dir() + "/versionrc", dir_.path(),
        [&](const std::string& profile, const std::string& shared) {
            unopkg_add(oxt, profile, shared);
        },
        [&](const std::string& profile, const std::string& shared) {
            first_start(profile, shared);
        });
}

// The office's first start on a prepared profile, so that every copy starts as on a profile
// used before: it synchronises the extension into the profile (and asks for a restart), we
// record its version, and it ends cleanly, writing its configuration.
void OfficeSession::first_start(const std::string& profile, const std::string& shared) {
    start(profile, shared);
    record_version(remote_);
    stop();
    if (soffice_->wait(std::chrono::milliseconds(0)) != 0)
        throw std::runtime_error("LibreOffice did not end cleanly after its first start");
}

void OfficeSession::unopkg_add(const std::string& oxt, const std::string& profile,
                               const std::string& shared) const {
    debug_log("unopkg add " + oxt);
    // -s: a throwaway profile of our own, not the user's installation: no licence dialog.
    const std::vector<std::string> add = {office_dir() + "/unopkg",
                                          "add",
                                          "--shared",
                                          "-s",
                                          "-f",
                                          oxt,
                                          "-env:UserInstallation=" + file_url(profile),
                                          "-env:UNO_SHARED_PACKAGES_CACHE=" + file_url(shared)};
    ChildGroup unopkg(add, true, children_env());
    if (unopkg.wait(std::chrono::seconds(300)) != 0)
        throw std::runtime_error("installing " + oxt + " into a throwaway profile failed");
}

// Connects to the office on `pipe`; nullopt once connected, the office's exit status when it
// exits before it answers. Throws std::runtime_error when it does not answer within 120 s.
std::optional<int> OfficeSession::connect(const std::string& pipe) {
    if (!local_.is())
        local_ = local_context(dir_.path());
    auto resolver = css::bridge::UnoUrlResolver::create(local_);
    const OUString url = to_oustring("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        try {
            remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
            return std::nullopt;
        } catch (const css::connection::NoConnectException&) {
            if (const auto exit = soffice_->wait(std::chrono::milliseconds(0)))
                return exit;
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("LibreOffice did not answer within 120 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
}

void OfficeSession::close_document() {
    if (!document_.is())
        return;
    Reference<css::util::XCloseable> closeable(document_, css::uno::UNO_QUERY);
    document_.clear();
    if (closeable.is())
        closeable->close(true);
}

OfficeSession::~OfficeSession() {
    stop();
}

// Asks the office to end and waits up to 30 s for it, then ends its process group.
void OfficeSession::stop() {
    try {
        close_document();
        if (remote_.is())
            css::frame::Desktop::create(remote_)->terminate();
    } catch (...) {
        // The office may already be gone (the bridge throws DisposedException then).
    }
    remote_.clear();
    if (soffice_)
        soffice_->end(std::chrono::seconds(30));
}

bool OfficeSession::alive() {
    if (!remote_.is() || soffice_->wait(std::chrono::milliseconds(0)))
        return false;
    try {
        return remote_->getServiceManager().is();
    } catch (const css::uno::RuntimeException&) {
        return false;
    }
}

void OfficeSession::open(const std::string& path) {
    close_document();
    auto desktop = css::frame::Desktop::create(remote_);
    const auto args = load_arguments(path);
    try {
        document_ = desktop->loadComponentFromURL(to_oustring(file_url(path)), "_blank", 0, args);
    } catch (const css::uno::Exception& e) {
        throw std::runtime_error("cannot open " + path + ": " + to_utf8(e.Message));
    }
    if (!document_.is() && asks_for_password(desktop, path, args))
        throw std::runtime_error("cannot open " + path +
                                 ": it is protected by a password; save a copy without the "
                                 "password (File > Save As, untick \"Save with password\") "
                                 "and check the copy");
    if (!document_.is())
        throw std::runtime_error("cannot open " + path + ": LibreOffice cannot read it");
    if (!Reference<css::sheet::XSpreadsheetDocument>(document_, css::uno::UNO_QUERY).is())
        throw std::runtime_error(path + " is not a spreadsheet");
}

std::vector<SheetCells> OfficeSession::sheets() const {
    std::vector<SheetCells> out;
    Reference<css::sheet::XSpreadsheetDocument> doc(document_, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        Reference<css::container::XNamed> named(sheet, UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                             ->getRangeAddress();
        const auto used_range = sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
        Grid cells = read_range(used_range);
        std::vector<bool> marks = kpi_formula_cells(used_range, cells);
        out.push_back({to_utf8(named->getName()), std::move(cells), std::move(marks)});
    }
    return out;
}

Grid OfficeSession::range(const std::string& address, std::string* canonical_name) const {
    std::string sheet_name, cells = address;
    if (!address.empty() && address[0] == '\'') {
        std::size_t i = 1;
        for (; i < address.size(); ++i) {
            if (address[i] == '\'' && i + 1 < address.size() && address[i + 1] == '\'') {
                sheet_name += '\'';
                ++i;
            } else if (address[i] == '\'') {
                break;
            } else {
                sheet_name += address[i];
            }
        }
        cells = i + 2 <= address.size() ? address.substr(i + 2) : "";
    } else if (const auto dot = address.rfind('.'); dot != std::string::npos) {
        sheet_name = address.substr(0, dot);
        cells = address.substr(dot + 1);
    }
    std::erase(sheet_name, '$');
    std::erase(cells, '$');
    Reference<css::sheet::XSpreadsheetDocument> doc(document_, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> sheet;
    if (sheet_name.empty()) {
        sheet.set(sheets->getByIndex(0), UNO_QUERY_THROW);
        sheet_name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
    } else {
        Reference<css::container::XNameAccess> by_name(sheets, UNO_QUERY_THROW);
        if (!by_name->hasByName(to_oustring(sheet_name)))
            throw std::invalid_argument("the workbook has no sheet named '" + sheet_name + "'");
        sheet.set(by_name->getByName(to_oustring(sheet_name)), UNO_QUERY_THROW);
    }
    try {
        auto range = sheet->getCellRangeByName(to_oustring(cells));
        if (canonical_name)
            *canonical_name = sheet_name + "." + cells;
        return read_range(range);
    } catch (const css::uno::RuntimeException&) {
        throw std::invalid_argument("'" + cells + "' is not a cell range");
    }
}

} // namespace kpitree::cli
