// A private headless LibreOffice for the command line: a throwaway profile with the extension
// (a copy of a prepared one, see profile_cache.hpp), soffice.bin started on a private pipe (and
// started again when it asks to be, as LibreOffice's launcher would), a UNO connection, and
// everything removed again at the end, also when the constructor fails half-way (the
// process_guard types own the processes and the profile). Throws std::runtime_error with a
// one-line reason when the office cannot be started.
#pragma once

#include "kpitree/model/table.hpp"
#include "process_guard.hpp"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace kpitree::cli {

namespace css = com::sun::star;

struct SheetCells {
    std::string name;
    Grid cells; // from A1 to the end of the used area; error cells (#DIV/0!, #N/A) as CellError
    // Per cell of `cells` (row-major), whether it holds a KPI Tree formula (a verdict column).
    std::vector<bool> kpi_formulas;
    bool is_kpi_formula(std::size_t row, std::size_t column) const {
        const std::size_t k = row * cells.columns() + column;
        return k < kpi_formulas.size() && kpi_formulas[k];
    }
};

class OfficeSession {
public:
    // `oxt` may be empty: then no extension is installed (KPI formulas in the workbook show
    // #NAME?, the audit itself does not need them).
    explicit OfficeSession(const std::string& oxt);
    ~OfficeSession();
    OfficeSession(const OfficeSession&) = delete;
    OfficeSession& operator=(const OfficeSession&) = delete;

    // Opens a workbook read-only and hidden, closing the one opened before. A .csv is read as
    // UTF-8 with comma and double quote. Throws std::runtime_error if it cannot.
    void open(const std::string& path);
    // Whether the office still answers (false after it crashed or was killed).
    bool alive();
    std::vector<SheetCells> sheets() const;
    // The cells of "Sheet.A1:F40", "'My sheet'.A1:F40" or "A1:F40" (first sheet).
    // Throws std::invalid_argument for a range the workbook does not have.
    Grid range(const std::string& address, std::string* canonical_name) const;

private:
    void install(const std::string& oxt);
    void unopkg_add(const std::string& oxt, const std::string& profile,
                    const std::string& shared) const;
    void first_start(const std::string& profile, const std::string& shared);
    void start(const std::string& profile, const std::string& shared);
    std::optional<int> connect(const std::string& pipe);
    void stop();
    std::vector<std::string> children_env() const;
    void close_document();

    TempDir dir_;                   // the profile, the extension cache, the office's temp files
    std::deque<OwnedPath> sockets_; // the office's pipes: stale files once it was killed
    std::optional<ChildGroup> soffice_;
    css::uno::Reference<css::uno::XComponentContext> local_; // our UNO environment, made once
    css::uno::Reference<css::uno::XComponentContext> remote_;
    css::uno::Reference<css::lang::XComponent> document_;
};

} // namespace kpitree::cli
