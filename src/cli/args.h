// The one door to CLI11: declare a subcommand's options, parse, get a Status (never an exception).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace CLI {
class App;
}

namespace shipshape {

class ArgParser {
 public:
  ArgParser(std::string command, std::string description);
  ~ArgParser();
  void Option(const std::string& names, std::string* out, const std::string& help);
  void Option(const std::string& names, int* out, const std::string& help);
  void Option(const std::string& names, std::vector<std::string>* out, const std::string& help);
  void Flag(const std::string& names, bool* out, const std::string& help);
  void Positional(const std::string& name, std::vector<std::string>* out, const std::string& help);
  void Positional(const std::string& name, std::string* out, const std::string& help, bool required);
  // Parses argv (argv[0] is the subcommand). Returns kUsage with CLI11's message on a bad
  // command line; sets *help_shown and prints help on --help.
  Status Parse(int argc, char** argv, bool* help_shown);

 private:
  std::unique_ptr<CLI::App> app_;
};

}  // namespace shipshape
