// Headings of the register's priority sections, shared by the renderers.
#pragma once

#include <string>

#include "rules/rule.h"

namespace shipshape {

// "P1 — Critical: risk of data loss or unrecoverable service failure"
std::string SeverityHeading(Severity s);

}  // namespace shipshape
