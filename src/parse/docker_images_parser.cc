// Parser for `docker images` (JSON lines) enriched by `docker image inspect` (JSON array) → table `images`.
#include <cctype>
#include <cmath>
#include <map>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/json_input.h"
#include "parse/parse_util.h"
#include "parse/timestamps.h"

namespace shipshape {
namespace {

const TableDef& kImages = RegisterTable(
    {"images",
     "Docker images of the host, one row per repository:tag (an image with two tags has two rows; an untagged "
     "one has one row with '<none>').",
     {Text("id", "image ID (sha256:…); containers.image_id refers to it"),
      Text("repository", "repository, e.g. nginx or 123.dkr.ecr.eu-west-1.amazonaws.com/app; '<none>' if untagged"),
      Text("tag", "tag, e.g. 1.25 or latest; '<none>' if untagged"),
      Text("created", "when the image was built, RFC 3339 UTC (YYYY-MM-DDTHH:MM:SSZ); compare with the clock"),
      Int("size_bytes", "image size in bytes (exact from docker image inspect, else from the rounded listing)"),
      Int("dangling", "1 if the image has neither repository nor tag (<none>:<none>)"), FileCol(), LineCol(),
      Text("digest", "registry digest (sha256:…) the image was pulled by; '' if unknown or built locally")}});

constexpr const char* kCategory = "images";
constexpr const char* kListFile = "cmd/docker-images.out";
constexpr const char* kInspectFile = "cmd/docker-image-inspect.out";

struct Inspected {
  std::string created;  // RFC 3339 UTC, or ''
  int64_t size = -1;
  std::string digest;
  std::vector<std::string> repo_tags;
};

// "1.2GB", "187MB", "5.59kB", "0B" (Docker prints decimal units); binary units accepted too.
std::optional<int64_t> ParseHumanSize(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  auto number = ParseDouble(s.substr(0, i));
  if (!number) return std::nullopt;
  std::string unit = ToLower(Trim(s.substr(i)));
  static const std::map<std::string, double> kUnits = {{"b", 1},
                                                       {"", 1},
                                                       {"kb", 1e3},
                                                       {"mb", 1e6},
                                                       {"gb", 1e9},
                                                       {"tb", 1e12},
                                                       {"pb", 1e15},
                                                       {"kib", 1024.0},
                                                       {"mib", 1048576.0},
                                                       {"gib", 1073741824.0},
                                                       {"tib", 1099511627776.0}};
  auto it = kUnits.find(unit);
  if (it == kUnits.end()) return std::nullopt;
  double bytes = *number * it->second;
  if (!(bytes >= 0 && bytes < 9e18)) return std::nullopt;
  return static_cast<int64_t>(std::llround(bytes));
}

std::string DigestOf(JsonRef repo_digests) {
  std::string first = repo_digests.At(0).Str();
  size_t at = first.find('@');
  return at == std::string::npos ? "" : first.substr(at + 1);
}

std::map<std::string, Inspected> ReadInspect(const Snapshot& snap, FactSink& out, bool* read) {
  std::map<std::string, Inspected> by_id;
  *read = false;
  const CommandResult* cmd = snap.Command("docker-image-inspect");
  if (!cmd || !cmd->output || IsBlank(*cmd->output)) return by_id;
  auto doc = ParseJsonInput(out, kCategory, kInspectFile, *cmd->output);
  if (!doc) return by_id;
  if (!doc->root().IsArray()) {
    out.Error(kCategory, kInspectFile, 1, "expected a JSON array of images");
    return by_id;
  }
  doc->root().ForEachElement([&](JsonRef img) {
    Inspected info;
    info.created = NormalizeTimestamp(img["Created"].Str()).value_or("");
    if (img["Size"].IsNumber()) info.size = img["Size"].Int();
    info.digest = DigestOf(img["RepoDigests"]);
    img["RepoTags"].ForEachElement([&](JsonRef t) { info.repo_tags.push_back(t.Str()); });
    by_id[img["Id"].Str()] = std::move(info);
  });
  *read = true;
  return by_id;
}

const Inspected* Find(const std::map<std::string, Inspected>& by_id, const std::string& id) {
  auto it = by_id.find(id);
  if (it == by_id.end()) it = by_id.find("sha256:" + id);
  if (it == by_id.end() && id.size() >= 12) {  // a truncated ID: the unique prefix match
    it = by_id.lower_bound("sha256:" + id);
    if (it != by_id.end() && !StartsWith(it->first, "sha256:" + id)) it = by_id.end();
  }
  return it == by_id.end() ? nullptr : &it->second;
}

// One line of `docker images --format '{{json .}}'`; false when the line is not an image.
bool AddListed(JsonRef row, int line, const std::map<std::string, Inspected>& by_id, FactSink& out) {
  std::string id = row["ID"].Str();
  if (id.empty()) return false;
  std::string repo = row["Repository"].Str("<none>"), tag = row["Tag"].Str("<none>");
  const Inspected* info = Find(by_id, id);
  std::string created =
      info && !info->created.empty() ? info->created : NormalizeTimestamp(row["CreatedAt"].Str()).value_or("");
  std::optional<int64_t> size = info && info->size >= 0 ? info->size : ParseHumanSize(row["Size"].Str());
  std::string digest = row["Digest"].Str();
  if (digest.empty() || digest == "<none>") digest = info ? info->digest : "";
  out.Add(kImages,
          {V(id), V(repo), V(tag), created.empty() ? VNull() : V(created), size ? V(*size) : VNull(),
           VBool(repo == "<none>" && tag == "<none>"), V(kListFile), V(static_cast<int64_t>(line)), V(digest)});
  return true;
}

// Reads the listing; returns false when it had errors.
bool ReadList(const std::string& text, const std::map<std::string, Inspected>& by_id, FactSink& out) {
  int n = 0;
  bool ok = true;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    if (IsBlank(line)) continue;
    auto doc = ParseJsonInput(out, kCategory, kListFile, line, n);
    if (!doc) {
      ok = false;
    } else if (!doc->root().IsObject() || !AddListed(doc->root(), n, by_id, out)) {
      out.Error(kCategory, kListFile, n, "expected an image object with an ID");
      ok = false;
    }
  }
  return ok;
}

// Without the listing, the inspected images give one row per tag.
void AddInspectedOnly(const std::map<std::string, Inspected>& by_id, FactSink& out) {
  for (const auto& [id, info] : by_id) {
    std::vector<std::string> tags = info.repo_tags;
    if (tags.empty()) tags.push_back("<none>:<none>");
    for (const std::string& rt : tags) {
      size_t colon = rt.rfind(':');
      std::string repo = rt.substr(0, colon), tag = colon == std::string::npos ? "latest" : rt.substr(colon + 1);
      out.Add(kImages, {V(id), V(repo), V(tag), info.created.empty() ? VNull() : V(info.created),
                        info.size >= 0 ? V(info.size) : VNull(), VBool(info.repo_tags.empty()), V(kInspectFile),
                        V(int64_t{0}), V(info.digest)});
    }
  }
}

void ParseDockerImages(const Snapshot& snap, FactSink& out) {
  bool inspect_read = false;
  auto by_id = ReadInspect(snap, out, &inspect_read);
  const CommandResult* list = snap.Command("docker-images");
  if (list && *list->exit_code != 0) {
    out.Coverage(kCategory, kListFile, CoverageState::kError,
                 "docker images exited " + std::to_string(*list->exit_code));
    return;
  }
  if (list && list->output) {
    if (ReadList(*list->output, by_id, out)) out.Coverage(kCategory, kListFile, CoverageState::kOk);
  } else if (inspect_read) {
    AddInspectedOnly(by_id, out);
    out.Coverage(kCategory, kInspectFile, CoverageState::kOk);
  }
}

const bool kRegistered = RegisterParser({"docker-images",
                                         "container images: tags, age, size, dangling",
                                         ParseDockerImages,
                                         kCategory,
                                         {kListFile, kInspectFile}});

}  // namespace
}  // namespace shipshape
