# The HTTP service's static assets (src/http/assets.hpp), embedded into the binary at build
# time: pairs of URL and file. Included by src/CMakeLists.txt and tests/fuzz/CMakeLists.txt.
# The web guide adds its files (src/web/…) here.
include(EmbedAssets)
set(MG_HTTP_ASSETS
  /v1/openapi.json ${PROJECT_SOURCE_DIR}/docs/openapi.json)
