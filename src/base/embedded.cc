// Look-up of embedded files.
#include "base/embedded.h"

namespace shipshape {

std::string_view EmbeddedFileContent(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == path) return f.content;
  }
  return {};
}

}  // namespace shipshape
