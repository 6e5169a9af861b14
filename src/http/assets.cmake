# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The HTTP service's static assets (src/http/assets.hpp), embedded into the binary at build
# time: pairs of URL and file. Included by src/CMakeLists.txt and tests/fuzz/CMakeLists.txt.
# The web guide's files (src/web/): GET / serves /index.html (index_page.cpp).
include(EmbedAssets)
set(MG_HTTP_ASSETS
  /v1/openapi.json ${PROJECT_SOURCE_DIR}/docs/openapi.json
  /index.html ${PROJECT_SOURCE_DIR}/src/web/index.html
  /backend.js ${PROJECT_SOURCE_DIR}/src/web/backend.js
  /app.js ${PROJECT_SOURCE_DIR}/src/web/app.js
  /style.css ${PROJECT_SOURCE_DIR}/src/web/style.css
  /icon.svg ${PROJECT_SOURCE_DIR}/src/web/icon.svg)
