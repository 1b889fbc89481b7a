// Reading a JSON command output or file inside a parser: errors become diagnostics with the line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "facts/fact_db.h"

namespace shipshape {

// Parses `text`; on malformed JSON reports one Error(category, file, line of the fault) whose
// message never quotes the input, and returns nullopt. `first_line` is the line `text` starts on
// in the file (for outputs with a banner before the JSON).
std::optional<JsonDoc> ParseJsonInput(FactSink& out, std::string_view category, const std::string& file,
                                      std::string_view text, int first_line = 1);

// True when the text holds nothing but white space.
bool IsBlank(std::string_view text);

}  // namespace shipshape
