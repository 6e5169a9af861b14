// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's static assets: files embedded into the binary at build time
// (cmake/EmbedAssets.cmake, listed in src/CMakeLists.txt), served by GET at their URL with the
// content type of their extension. Nothing is read from disk at run time.
#pragma once

#include <mamisguide/text.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace mg_http {

struct asset {
    std::string_view path;         ///< the URL path, e.g. "/v1/openapi.json"
    std::string_view content_type; ///< e.g. "application/json; charset=utf-8"
    std::string_view data;         ///< the file's bytes
};

/// The table (generated): embedded_asset_count entries, then one empty entry.
extern const asset embedded_assets[];
extern const std::size_t embedded_asset_count;

/// The asset served at `path`, or nullptr.
const asset* find_asset(std::string_view path) noexcept;

/// GET / — the page a browser sees first: the web guide (src/web/index.html, embedded; its words
/// come from GET /v1/texts, so `l` changes nothing). `download`: the server has the single-file
/// guide, which the page then offers (its <body> says so: data-download="mamisguide.html").
std::string index_page(mamisguide::lang l, bool download = false);

} // namespace mg_http
