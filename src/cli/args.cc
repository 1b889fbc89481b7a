// CLI11 adapter: every CLI11 exception stops here.
#include "cli/args.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace shipshape {

ArgParser::ArgParser(std::string command, std::string description)
    : app_(std::make_unique<CLI::App>(std::move(description), "shipshape " + command)) {}
ArgParser::~ArgParser() = default;

void ArgParser::Option(const std::string& names, std::string* out, const std::string& help) {
  app_->add_option(names, *out, help);
}
void ArgParser::Option(const std::string& names, int* out, const std::string& help) {
  app_->add_option(names, *out, help);
}
void ArgParser::Option(const std::string& names, std::vector<std::string>* out, const std::string& help) {
  app_->add_option(names, *out, help)->take_all()->allow_extra_args(false);
}
void ArgParser::Flag(const std::string& names, bool* out, const std::string& help) {
  app_->add_flag(names, *out, help);
}
void ArgParser::Positional(const std::string& name, std::vector<std::string>* out, const std::string& help) {
  app_->add_option(name, *out, help);
}
void ArgParser::Positional(const std::string& name, std::string* out, const std::string& help, bool required) {
  auto* opt = app_->add_option(name, *out, help);
  if (required) opt->required();
}

Status ArgParser::Parse(int argc, char** argv, bool* help_shown) {
  *help_shown = false;
  try {
    app_->parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app_->help();
    *help_shown = true;
  } catch (const CLI::ParseError& e) {
    return Status::Error(StatusCode::kUsage, e.what());
  } catch (const std::exception& e) {
    return Status::Error(StatusCode::kUsage, e.what());
  }
  return Status::Ok();
}

}  // namespace shipshape
