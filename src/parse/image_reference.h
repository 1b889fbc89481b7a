// Docker image references: can a container's image be pulled again by the name it was run with?
#pragma once

#include <string_view>

namespace shipshape {

// True when `ref` (a container's Config.Image, as the user wrote it) is not a pullable name:
// empty, "<none>", an image ID ("sha256:…" or 12 to 64 hex digits) or not a valid reference.
// "myimg" and "registry:5000/x" (implicit :latest), "x:1.2" and "x@sha256:<64 hex>" are pullable.
bool ImageReferenceIsUntagged(std::string_view ref);

}  // namespace shipshape
