// docs/rules.md, generated from the embedded rules.
#pragma once

#include <string>

namespace shipshape {

std::string RulesMarkdown();

}  // namespace shipshape
