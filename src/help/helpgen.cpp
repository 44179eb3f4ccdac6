// kpitree_helpgen OUTPUT_DIR: writes the extension's help (help_pages.hpp) for every shipped UI
// language under OUTPUT_DIR; extension/CMakeLists.txt packs it into the .oxt.
#include "help_pages.hpp"

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: kpitree_helpgen OUTPUT_DIR\n";
        return 2;
    }
    try {
        const std::filesystem::path root = argv[1];
        for (std::size_t l = 0; l < kpitree::lang::language_count; ++l)
            for (const auto& file :
                 kpitree::help::help_files(static_cast<kpitree::lang::Language>(l))) {
                const std::filesystem::path path = root / file.path;
                std::filesystem::create_directories(path.parent_path());
                std::ofstream out(path, std::ios::binary);
                out << file.content;
                if (!out)
                    throw std::runtime_error("cannot write " + path.string());
            }
    } catch (const std::exception& e) {
        std::cerr << "kpitree_helpgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
