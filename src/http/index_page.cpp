// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// GET / — the web guide (src/web/index.html, embedded at build time with its script, style
// and icon). The page is the same for every language: its words come from GET /v1/texts, and
// the language is the reader's choice, kept in the browser.
#include "http/assets.hpp"

namespace mg_http {

std::string index_page(mamisguide::lang) {
    const asset* page = find_asset("/index.html");
    return page ? std::string(page->data) : std::string();
}

} // namespace mg_http
