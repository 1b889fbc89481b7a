// Reading sshd_config as sshd does: keywords, quoting, Include (globs, relative to /etc/ssh) and Match.
#pragma once

#include <string>
#include <vector>

#include "facts/fact_db.h"
#include "parse/sshd_keywords.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// One keyword line, after Include expansion. Include and Match lines themselves are consumed.
struct SshdDirective {
  const SshdKeyword* keyword = nullptr;
  // Arguments without quotes and comments. Values of kFlag/kEnum/kInt/kTime/kUpper keywords are
  // already checked and normalized (exactly one argument).
  std::vector<std::string> args;
  // "" in the global section; else the Match criteria that apply, as written ("User anoncvs").
  // A Match inside a file included from a Match block adds its criteria to the outer ones (both
  // must hold), and ends with that file, as in sshd.
  std::string criteria;
  std::string file;
  int line = 0;
};

struct SshdConfigText {
  std::vector<SshdDirective> directives;  // in sshd's reading order, included files in place
  int errors = 0;                         // lines sshd would refuse (each reported to the sink)
};

// Reads `path` (normally /etc/ssh/sshd_config) and what it includes from the snapshot. Every
// malformed line is reported as out.Error("ssh", file, line, message) naming keywords only, and
// skipped. Deprecated keywords are warnings. Included files missing from the snapshot are skipped
// (sshd skips globs that match nothing, and a snapshot may lack them).
SshdConfigText ReadSshdConfig(const Snapshot& snap, const std::string& path, FactSink& out);

}  // namespace shipshape
