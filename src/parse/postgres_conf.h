// Reading PostgreSQL configuration as the server does: clusters, postgresql.conf lines, includes.
// Shared by the postgresql.conf and pg_hba.conf parsers.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// A Debian-style cluster: /etc/postgresql/<version>/<name>/ holding postgresql.conf or pg_hba.conf.
struct PgCluster {
  std::string name;     // "15/main"
  std::string version;  // "15"
  std::string dir;      // "/etc/postgresql/15/main"
};
// Every cluster folder with a postgresql.conf or a pg_hba.conf in the snapshot, sorted by name.
std::vector<PgCluster> FindPostgresClusters(const Snapshot& snap);

// One `key = value` line of postgresql.conf, or an error message naming no value.
struct PgConfLine {
  bool blank = false;  // empty or a comment
  std::string key;     // lower case
  std::string value;   // quotes removed, '' and backslash escapes resolved
  std::string error;   // non-empty: the line is malformed
};
PgConfLine ParsePgConfLine(std::string_view line);

// The files an include directive names, resolved as the server does: a relative path is relative
// to the folder of the file that holds the directive; include_dir takes the *.conf files directly
// in that folder (not starting with '.') in name order. Only files present in the snapshot.
std::vector<std::string> PgIncludeTargets(const Snapshot& snap, const std::string& including_file,
                                          std::string_view directive, const std::string& target);
bool IsPgIncludeDirective(std::string_view key);  // include | include_if_exists | include_dir

// A libpq connection string (primary_conninfo) with the value of password=… and the password of a
// postgresql://user:password@host URI replaced by their redaction tokens: postgresql.conf is
// collected unredacted.
std::string RedactConninfo(const std::string& value);

struct PgSetting {
  std::string value;
  std::string file;
  int line = 0;
};

// postgresql.conf of a cluster with its includes: the last occurrence of each key wins.
struct PgConf {
  std::map<std::string, PgSetting> settings;  // by lower-case key
  std::map<std::string, bool> files;          // every file read → read without malformed lines
};

// Reads `path` and what it includes. Malformed lines and missing `include` files are reported to
// `out` (category "databases") when it is not null; a null `out` reads silently.
PgConf ReadPostgresConf(const Snapshot& snap, const std::string& path, FactSink* out);

}  // namespace shipshape
