#include "help_pages.hpp"

#include "function_table.hpp"

#include <map>

namespace kpitree::help {

namespace {

using lang::Language;
using lang::Msg;

// One example formula per function, on the tree table of help_example_note (A1:F7).
const std::map<std::string_view, std::string_view>& examples() {
    static const std::map<std::string_view, std::string_view> formulas = {
        {"check", "{=KPI.CHECK($A$1:$F$7)}   =KPI.CHECK($A$1:$F$7; \"rounding\"; \"Sales\")"},
        {"expected", "{=KPI.EXPECTED($A$1:$F$7)}"},
        {"residual", "=KPI.RESIDUAL($A$1:$F$7; \"Sales\")"},
        {"lint", "{=KPI.LINT($A$1:$F$7)}"},
        {"granger", "=KPI.GRANGER($D$2:$F$2; $D$7:$F$7; 1)"},
        {"padjust", "{=KPI.PADJUST($B$2:$B$10; \"holm\")}"},
        {"causal", "{=KPI.CAUSAL($A$1:$F$7)}   =KPI.CAUSAL($A$1:$F$7; ; ; A7)"},
        {"contrib", "{=KPI.CONTRIB($A$1:$F$7; 1; 3)}   {=KPI.CONTRIB($A$1:$F$7; 1; 3; ; ; 0.02)}"},
        {"target", "{=KPI.TARGET($A$1:$F$7; 1200000)}   {=KPI.TARGET($A$1:$F$7; \"+10%\"; ; ; ; "
                   "\"Sales\")}"},
        {"rollup", "{=KPI.ROLLUP($A$1:$F$7; 3)}"},
        {"elasticity", "=KPI.ELASTICITY($A$1:$F$7; ; \"Deals\")"},
        {"variance", "{=KPI.VARIANCE($A$1:$F$7; $H$1:$I$7)}"},
        {"whatif", "{=KPI.WHATIF($A$1:$F$7; $H$1:$I$2)}"},
    };
    return formulas;
}

std::string t(Msg id, Language l) {
    return xml_escape(lang::text(id, l));
}

std::string syntax(const addin::FunctionInfo& f, Language l) {
    std::string s = std::string(f.display) + "(";
    for (std::size_t i = 0; i < f.arguments.size(); ++i)
        s += (i ? "; " : "") + std::string(lang::text(f.arguments[i].display, l));
    return xml_escape(s + ")");
}

std::string example(const addin::FunctionInfo& f) {
    const auto it = examples().find(f.method);
    return it == examples().end() ? std::string() : xml_escape(it->second);
}

// Help file names of the .xhp pages: the start page and one per function.
std::string page_name(std::string_view method) {
    return std::string(method) + ".xhp";
}

class Xhp {
public:
    Xhp(Language l, std::string_view title, std::string_view file) : l_(l) {
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<helpdocument version=\"1.0\">\n"
               "<meta>\n<topic id=\"org_kpitree_" +
               std::string(file.substr(0, file.find('.'))) +
               "\" indexer=\"include\" status=\"PUBLISH\">\n<title id=\"tit\" xml-lang=\"" +
               lang_() + "\">" + std::string(title) + "</title>\n<filename>/" +
               std::string(help_folder) + "/" + std::string(file) +
               "</filename>\n</topic>\n</meta>\n<body>\n";
    }
    void paragraph(std::string_view role, std::string_view text, int level = 0) {
        out_ += "<paragraph role=\"" + std::string(role) + "\" id=\"par_id" +
                std::to_string(++id_) + "\"" +
                (level ? " level=\"" + std::to_string(level) + "\"" : std::string()) +
                " xml-lang=\"" + lang_() + "\">" + std::string(text) + "</paragraph>\n";
    }
    void link(std::string_view href, std::string_view text) {
        out_ += "<paragraph role=\"paragraph\" id=\"par_id" + std::to_string(++id_) +
                "\" xml-lang=\"" + lang_() + "\"><link href=\"" + std::string(href) + "\">" +
                std::string(text) + "</link></paragraph>\n";
    }
    std::string done() { return out_ + "</body>\n</helpdocument>\n"; }

private:
    std::string lang_() const { return std::string(lang::code(l_)); }
    Language l_;
    int id_ = 0;
    std::string out_;
};

std::string function_xhp(const addin::FunctionInfo& f, Language l) {
    Xhp page(l, f.display, page_name(f.method));
    page.paragraph("heading", f.display, 1);
    page.paragraph("paragraph", t(f.description, l));
    page.paragraph("heading", t(Msg::help_syntax, l), 2);
    page.paragraph("code", syntax(f, l));
    page.paragraph("heading", t(Msg::help_arguments, l), 2);
    for (const addin::ArgumentInfo& a : f.arguments)
        page.paragraph("paragraph", "<emph>" + t(a.display, l) + "</emph>: " + t(a.description, l));
    if (f.shape == addin::Shape::rows)
        page.paragraph(
            "note",
            t(f.arguments.back().name == "node" ? Msg::hint_array_node : Msg::hint_array, l));
    page.paragraph("heading", t(Msg::help_example, l), 2);
    page.paragraph("code", example(f));
    page.paragraph("paragraph", t(Msg::help_example_note, l));
    page.link("/" + std::string(help_folder) + "/index.xhp", t(Msg::help_title, l));
    return page.done();
}

std::string index_xhp(Language l) {
    Xhp page(l, t(Msg::help_title, l), "index.xhp");
    page.paragraph("heading", t(Msg::help_title, l), 1);
    page.paragraph("paragraph", t(Msg::help_intro, l));
    page.paragraph("heading", t(Msg::help_functions, l), 2);
    for (const addin::FunctionInfo& f : addin::function_table())
        page.link("/" + std::string(help_folder) + "/" + page_name(f.method), f.display);
    page.paragraph("heading", t(Msg::help_sidebar_title, l), 2);
    page.paragraph("paragraph", t(Msg::help_sidebar_body, l));
    page.paragraph("paragraph", t(Msg::help_sidebar_diagram, l));
    page.paragraph("paragraph", t(Msg::help_sidebar_sheet, l));
    page.paragraph("paragraph", t(Msg::help_sidebar_share, l));
    page.paragraph("note", t(Msg::help_wizard_note, l));
    return page.done();
}

std::string help_tree(Language l) {
    const std::string folder = "scalc/" + std::string(help_folder) + "/";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<tree-view version=\"24-Aug-2004\">\n"
                      "<help_section application=\"scalc\" id=\"org.kpitree\" title=\"" +
                      t(Msg::help_title, l) + "\">\n<topic id=\"" + folder + "index.xhp\">" +
                      t(Msg::help_title, l) +
                      "</topic>\n<node id=\"org.kpitree.functions\" "
                      "title=\"" +
                      t(Msg::help_functions, l) + "\">\n";
    for (const addin::FunctionInfo& f : addin::function_table())
        out += "<topic id=\"" + folder + page_name(f.method) + "\">" + std::string(f.display) +
               "</topic>\n";
    return out + "</node>\n</help_section>\n</tree-view>\n";
}

std::string html(Language l) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang::code(l)) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t(Msg::help_title, l) +
                      "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em "
                      "auto;line-height:1.45}code{background:#f2f2f2;padding:0 .2em}</style>\n"
                      "</head>\n<body>\n<h1>" +
                      t(Msg::help_title, l) + "</h1>\n<p>" + t(Msg::help_intro, l) + "</p>\n";
    out += "<h2>" + t(Msg::help_sidebar_title, l) + "</h2>\n<p>" + t(Msg::help_sidebar_body, l) +
           "</p>\n<p>" + t(Msg::help_sidebar_diagram, l) + "</p>\n<p>" +
           t(Msg::help_sidebar_sheet, l) + "</p>\n<p>" + t(Msg::help_sidebar_share, l) +
           "</p>\n<p><em>" + t(Msg::help_wizard_note, l) + "</em></p>\n<h2>" +
           t(Msg::help_functions, l) + "</h2>\n<ul>\n";
    for (const addin::FunctionInfo& f : addin::function_table())
        out += "<li><a href=\"#" + std::string(f.method) + "\">" + std::string(f.display) +
               "</a></li>\n";
    out += "</ul>\n<p>" + t(Msg::help_example_note, l) + "</p>\n";
    for (const addin::FunctionInfo& f : addin::function_table()) {
        out += "<h3 id=\"" + std::string(f.method) + "\">" + std::string(f.display) + "</h3>\n<p>" +
               t(f.description, l) + "</p>\n<p><code>" + syntax(f, l) + "</code></p>\n<ul>\n";
        for (const addin::ArgumentInfo& a : f.arguments)
            out +=
                "<li><strong>" + t(a.display, l) + "</strong>: " + t(a.description, l) + "</li>\n";
        out += "</ul>\n";
        if (f.shape == addin::Shape::rows)
            out +=
                "<p>" +
                t(f.arguments.back().name == "node" ? Msg::hint_array_node : Msg::hint_array, l) +
                "</p>\n";
        out += "<p>" + t(Msg::help_example, l) + ": <code>" + example(f) + "</code></p>\n";
    }
    return out + "</body>\n</html>\n";
}

} // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::vector<File> help_files(Language l) {
    const std::string code(lang::code(l));
    const std::string pages = "help/" + code + "/" + std::string(help_folder) + "/";
    std::vector<File> files;
    files.push_back({"help/" + code + "/help.tree", help_tree(l)});
    files.push_back({pages + "index.xhp", index_xhp(l)});
    for (const addin::FunctionInfo& f : addin::function_table())
        files.push_back({pages + page_name(f.method), function_xhp(f, l)});
    files.push_back({"help/html/" + code + "/index.html", html(l)});
    return files;
}

} // namespace kpitree::help
