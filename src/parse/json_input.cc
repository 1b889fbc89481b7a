// JSON inputs of the parsers, with messages that name the fault but never the input's bytes.
#include "parse/json_input.h"

namespace shipshape {

std::optional<JsonDoc> ParseJsonInput(FactSink& out, std::string_view category, const std::string& file,
                                      std::string_view text, int first_line) {
  auto doc = ParseJson(text, file);
  if (doc.ok()) return std::move(doc).value();
  // nlohmann's message ends with "; last read: '<bytes>'": input bytes, which may be a secret.
  std::string message = doc.status().message();
  size_t cut = message.find("; last read");
  if (cut != std::string::npos) message.resize(cut);
  // "at line 3, column 7" counts from the start of `text`; the diagnostic's line is the file's.
  size_t at = message.find(" at line ");
  size_t colon = at == std::string::npos ? at : message.find(": ", at);
  if (colon != std::string::npos) message.erase(at, colon - at);
  int line = doc.status().line() > 0 ? doc.status().line() : 1;
  out.Error(category, file, first_line - 1 + line, message);
  return std::nullopt;
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace shipshape
