#include "office_session.hpp"

#include "convert.hpp"
#include "profile_cache.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
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
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <osl/file.hxx>
#include <rtl/digest.h>
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

} // namespace

OfficeSession::OfficeSession(const std::string& oxt) : dir_("kpitree-") {
    const std::string profile = file_url(dir_.path() + "/profile");
    const std::vector<std::string> env = {"-env:UserInstallation=" + profile,
                                          "-env:UNO_SHARED_PACKAGES_CACHE=" +
                                              file_url(dir_.path() + "/shared")};
    std::filesystem::create_directory(dir_.path() + "/tmp");
    if (!oxt.empty())
        install(oxt);
    static int sessions = 0;
    const std::string pipe =
        "kpitree_cli_" + std::to_string(getpid()) + "_" + std::to_string(sessions++);
    std::vector<std::string> args = {office_dir() + "/soffice",
                                     "--headless",
                                     "--invisible",
                                     "--norestore",
                                     "--nologo",
                                     "--nodefault",
                                     "--nolockcheck",
                                     "--accept=pipe,name=" + pipe + ";urp;"};
    args.insert(args.end(), env.begin(), env.end());
    for (const auto& file : pipe_files(pipe, profile))
        sockets_.emplace_back(file);
    soffice_.emplace(args, std::getenv("KPITREE_DEBUG") == nullptr, children_env());
    connect(pipe);
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
    provide_profile(oxt, office_dir() + "/versionrc", dir_.path(),
                    [&](const std::string& profile, const std::string& shared) {
                        unopkg_add(oxt, profile, shared);
                    });
}

void OfficeSession::unopkg_add(const std::string& oxt, const std::string& profile,
                               const std::string& shared) const {
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

void OfficeSession::connect(const std::string& pipe) {
    auto resolver = css::bridge::UnoUrlResolver::create(local_context(dir_.path()));
    const OUString url = to_oustring("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        try {
            remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
            return;
        } catch (const css::connection::NoConnectException&) {
            if (soffice_->wait(std::chrono::milliseconds(0)))
                throw std::runtime_error("LibreOffice exited while starting");
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("LibreOffice did not answer within 120 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
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
