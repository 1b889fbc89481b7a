// Fuzzes nginx in a stack folder: the bytes are a conf.d file no root includes (an implicit root),
// beside a compose file that runs nginx, so root finding, inheritance and the public deriver run.
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shipshape;
  Snapshot snap = FuzzSnapshot();
  snap.meta().method = "stack";
  std::string bytes(reinterpret_cast<const char*>(data), size);
  snap.PutFile("/nginx/conf.d/site.conf", bytes);
  snap.PutFile("/nginx/conf.d/upstreams.conf", "upstream api { server api:4000; }\n");
  snap.PutFile("/docker-compose.yml",
               "services:\n  nginx:\n    image: nginx\n    ports: [\"80:80\", \"8000-8010:8000-8010\"]\n"
               "    volumes: [\"./nginx/conf.d:/etc/nginx/conf.d:ro\"]\n");
  return LoadAndDerive(snap);
}
