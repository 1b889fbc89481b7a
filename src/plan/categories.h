// The scorecard categories, in the order reports show them.
#pragma once

#include <string>
#include <vector>

namespace shipshape {

struct Category {
  std::string id;     // "ssh"
  std::string title;  // "SSH security"
  std::string facts;  // which facts decide it, for docs
};

const std::vector<Category>& AllCategories();
const Category* FindCategory(const std::string& id);

}  // namespace shipshape
