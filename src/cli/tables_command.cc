// `shipshape tables [--markdown]`: every fact table and column, from the declarations in code.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "facts/schema.h"

namespace shipshape {

int RunTablesCommand(int argc, char** argv) {
  bool markdown = false;
  ArgParser args("tables", "List every fact table and column.");
  args.Flag("--markdown", &markdown, "print docs/tables.md");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) {
    std::cerr << "shipshape tables: " << st.message() << "\n";
    return kExitUsage;
  }
  std::cout << (markdown ? TablesMarkdown() : TablesText());
  return kExitOk;
}

}  // namespace shipshape
