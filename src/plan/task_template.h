// Filling a catalog task's title and steps with the values of the findings it resolves.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace shipshape {

using TemplateVars = std::map<std::string, std::string>;

// Replaces every {name} (lower-case letters, digits, '_') found in `vars`; anything else stays as
// written, so shell and Go templates ({{.Image}}, ${VAR}, awk '{print $1}') pass through.
std::string ExpandTemplate(std::string_view text, const TemplateVars& vars);
// The names of the {placeholders} `text` uses.
std::vector<std::string> TemplateNames(std::string_view text);

// A finding's values: every column its query returned, then host, subject, evidence, file, line,
// rule and id (the register id).
TemplateVars FindingVars(const Finding& f);

// The title of an instance: each placeholder becomes the distinct values of its findings joined
// with ", " ({host}: the instance's hosts).
std::string ExpandTitle(const std::string& title, const std::vector<std::string>& hosts,
                        const std::vector<const Finding*>& findings);
// The steps of an instance: a step naming only {host} (or nothing) is written once; a step naming a
// finding's values is written once per finding with distinct text.
std::vector<std::string> ExpandSteps(const std::vector<std::string>& steps, const std::vector<std::string>& hosts,
                                     const std::vector<const Finding*>& findings);

}  // namespace shipshape
