// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// GET / — the web guide (src/web/index.html, embedded at build time with its scripts, style
// and icon). The page is the same for every language: its words come from GET /v1/texts, and
// the language is the reader's choice, kept in the browser. When the server has the single-file
// guide (GET /mamisguide.html), the page's <body> says so and the page offers the download.
#include "http/assets.hpp"

namespace mg_http {

std::string index_page(mamisguide::lang, bool download) {
    const asset* page = find_asset("/index.html");
    std::string html = page ? std::string(page->data) : std::string();
    const std::size_t body = html.find("<body>");
    if (download && body != std::string::npos)
        html.replace(body, 6, "<body data-download=\"mamisguide.html\">");
    return html;
}

} // namespace mg_http
