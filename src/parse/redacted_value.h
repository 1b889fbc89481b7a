// Values of environment-style variables as rules may see them: the collector's redaction token
// "[REDACTED class=C len=N]" parsed, and the same classification applied here to secret-like keys
// whose values arrive unredacted (a stack read in place, an older collector), so no secret value
// ever reaches a fact table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shipshape {

struct RedactedToken {
  std::string cls;  // default | empty | short | ok
  int64_t length = 0;
};

// Parses exactly "[REDACTED class=C len=N]" (surrounding spaces allowed); nullopt otherwise.
std::optional<RedactedToken> ParseRedactedToken(std::string_view text);

// The collector's test for a secret-like key (PASS, PWD, SECRET, TOKEN, KEY, CREDENTIAL, AUTH,
// PRIVATE, …; not *_FILE, *_PATH, *_DIR).
bool IsSecretKey(std::string_view key);
// "${NAME}", "${NAME:-x}" or "$NAME": a reference to another variable, not a value.
bool IsVariableReference(std::string_view value);
// default | empty | short | ok, as the collector classifies a secret value.
std::string ClassifySecret(std::string_view value);

// A variable's value ready for a row: value is nullopt when redacted.
struct EnvValue {
  std::optional<std::string> value;
  bool redacted = false;
  std::string cls;  // the token's class, or "plain" for a kept value
  int64_t length = 0;
};

// Classifies `value` of `key`: a redaction token is parsed; an unredacted secret-like value is
// classified and dropped unless it only refers to a secret elsewhere (secrets::IsSecretReference:
// ${VAR}, vault:…, op://…); anything else is kept as "plain" with its length. "${VAR:-default}" is
// classed by its default when that is a token or the key is secret-like (redacted, with the
// default's class and length).
EnvValue ClassifyEnvValue(std::string_view key, std::string_view value);

}  // namespace shipshape
