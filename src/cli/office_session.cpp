#include "office_session.hpp"

#include "convert.hpp"

#include <chrono>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <osl/file.hxx>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace kpitree::cli {

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

const std::string program_dir = "/usr/lib/libreoffice/program";

std::string file_url(const std::string& path) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(to_oustring(std::filesystem::absolute(path).string()),
                                            url);
    return to_utf8(url);
}

pid_t spawn(const std::vector<std::string>& args, bool quiet, bool new_group) {
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet) {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    if (new_group) {
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
    }
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        throw std::runtime_error("cannot start " + args[0]);
    return pid;
}

int wait_for(pid_t pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
}

css::beans::PropertyValue property(const char* name, const css::uno::Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

Grid read_range(const Reference<css::table::XCellRange>& range) {
    Reference<css::sheet::XCellRangeData> data(range, UNO_QUERY_THROW);
    return uno::to_grid(data->getDataArray());
}

} // namespace

OfficeSession::OfficeSession(const std::string& oxt) {
    char tmpl[] = "/tmp/kpitree-XXXXXX";
    if (!mkdtemp(tmpl))
        throw std::runtime_error("cannot create a temporary directory");
    dir_ = tmpl;
    const std::vector<std::string> env = {"-env:UserInstallation=" + file_url(dir_ + "/profile"),
                                          "-env:UNO_SHARED_PACKAGES_CACHE=" +
                                              file_url(dir_ + "/shared")};
    if (!oxt.empty()) {
        std::vector<std::string> add = {program_dir + "/unopkg", "add", "--shared", "-f", oxt};
        add.insert(add.end(), env.begin(), env.end());
        const pid_t unopkg = spawn(add, true, true);
        if (wait_for(unopkg, std::chrono::seconds(300)) != 0)
            throw std::runtime_error("installing " + oxt + " into a throwaway profile failed");
    }
    const std::string pipe = "kpitree_cli_" + std::to_string(getpid());
    std::vector<std::string> args = {program_dir + "/soffice",
                                     "--headless",
                                     "--invisible",
                                     "--norestore",
                                     "--nologo",
                                     "--nodefault",
                                     "--nolockcheck",
                                     "--accept=pipe,name=" + pipe + ";urp;"};
    args.insert(args.end(), env.begin(), env.end());
    soffice_ = spawn(args, std::getenv("KPITREE_DEBUG") == nullptr, true);

    // The client's own UNO environment: the office's type libraries (URE and office API, or
    // the bridge cannot marshal office interfaces) and its service registry.
    const std::string ini = dir_ + "/kpitreerc";
    {
        std::ofstream rc(ini);
        const std::string dir = "file://" + program_dir;
        rc << "[Bootstrap]\nURE_INTERNAL_LIB_DIR=" << dir << "\nLO_LIB_DIR=" << dir
           << "\nUNO_TYPES=" << dir << "/types.rdb " << dir << "/types/offapi.rdb\n"
           << "UNO_SERVICES=" << dir << "/services.rdb\n";
    }
    Reference<css::uno::XComponentContext> local =
        cppu::defaultBootstrap_InitialComponentContext(to_oustring(file_url(ini)));
    auto resolver = css::bridge::UnoUrlResolver::create(local);
    const OUString url = to_oustring("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        try {
            remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
            break;
        } catch (const css::connection::NoConnectException&) {
            int status = 0;
            if (waitpid(soffice_, &status, WNOHANG) == soffice_) {
                soffice_ = -1;
                throw std::runtime_error("LibreOffice exited while starting");
            }
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
    if (soffice_ > 0 && wait_for(soffice_, std::chrono::seconds(30)) < 0) {
        kill(-soffice_, SIGKILL);
        waitpid(soffice_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void OfficeSession::open(const std::string& path) {
    close_document();
    auto desktop = css::frame::Desktop::create(remote_);
    css::uno::Sequence<css::beans::PropertyValue> args(3);
    args.getArray()[0] = property("Hidden", css::uno::Any(true));
    args.getArray()[1] = property("ReadOnly", css::uno::Any(true));
    args.getArray()[2] = property("MacroExecutionMode", css::uno::Any(sal_Int16(0)));
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
        out.push_back({to_utf8(named->getName()),
                       read_range(sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow))});
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
