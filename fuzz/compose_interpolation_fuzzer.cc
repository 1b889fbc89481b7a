// Fuzzes Compose interpolation and the dotenv reader: the first line of the bytes is a value to
// interpolate, the rest a .env file providing the variables.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parse/compose_dotenv.h"
#include "parse/compose_interpolation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  size_t nl = bytes.find('\n');
  std::string value = bytes.substr(0, nl);
  auto vars = shipshape::compose::ProjectVariables(nl == std::string::npos ? "" : bytes.substr(nl + 1));
  shipshape::compose::VarLookup lookup = [&vars](std::string_view name) -> const std::string* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  };
  (void)shipshape::compose::Interpolate(value, lookup);
  return 0;
}
