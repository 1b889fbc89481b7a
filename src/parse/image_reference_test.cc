// Tests of the image reference check: which container images can be pulled again by name.
#include "parse/image_reference.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(ImageReference, NamesTagsAndDigestsArePullable) {
  for (const char* ref :
       {"myimg", "nginx:1.25", "registry:5000/x", "localhost/app:dev",
        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/pinbox24/v42:4.2.17",
        "private-registry.dev.pinbox24.com/p24/git-deploy:latest", "ghcr.io/owner/repo_name:v1.0-rc.1",
        "x@sha256:4d7ad3ca1b4b0b1ff2f0e5a6e3f7d4c9a8b2e1f0d3c6b5a4978e6d5c4b3a2f10",
        "nginx:1.25@sha256:4d7ad3ca1b4b0b1ff2f0e5a6e3f7d4c9a8b2e1f0d3c6b5a4978e6d5c4b3a2f10"}) {
    EXPECT_FALSE(ImageReferenceIsUntagged(ref)) << ref;
  }
}

TEST(ImageReference, IdsAndBrokenReferencesAreUntagged) {
  for (const char* ref : {"", "sha256:cd258c7a8cb87e2d90dcf9047bd89b46074e9decd7d68737458ef1322629e785", "4c1d2e3f5a6b",
                          "cd258c7a8cb87e2d90dcf9047bd89b46074e9decd7d68737458ef1322629e785", "<none>:<none>",
                          "<none>@<none>", "MyImage", "x@sha256:abc", "app:", "a//b", "-x"}) {
    EXPECT_TRUE(ImageReferenceIsUntagged(ref)) << ref;
  }
}

}  // namespace
}  // namespace shipshape
