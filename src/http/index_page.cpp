// GET / — a plain page that links to the API (assets.hpp). The web guide replaces this file.
#include "http/assets.hpp"

#include <mamisguide/texts/http.hpp>

#include <mamisguide/version.hpp>

namespace mg_http {
namespace {

/// Text inserted into HTML as text: &, <, >, " and ' escaped.
void html_text(std::string& out, std::string_view s) {
    for (char c : s) switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
}

} // namespace

std::string index_page(mamisguide::lang l) {
    using namespace mamisguide;
    struct link {
        const char* method;
        const char* href; ///< our own literal URLs: nothing to escape
        const bitext* what;
    };
    const bool en = l == lang::en;
    const link links[] = {
        {"POST", "/v1/plan", &texts::http_page_plan},
        {"POST", "/v1/batch", &texts::http_page_batch},
        {"GET", en ? "/v1/guide?lang=en" : "/v1/guide", &texts::http_page_guide},
        {"GET", "/v1/directory", &texts::http_page_directory},
        {"GET", "/v1/support", &texts::http_page_support},
        {"GET", "/v1/holidays/2026", &texts::http_page_holidays},
        {"GET", "/v1/openapi.json", &texts::http_page_openapi},
        {"GET", "/healthz", &texts::http_page_health},
        {"GET", "/metrics", &texts::http_page_metrics},
    };
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += en ? "en" : "ja";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\">\n<title>";
    html_text(out, texts::http_page_title.get(l));
    out += "</title>\n</head>\n<body>\n<h1>";
    html_text(out, texts::http_page_title.get(l));
    out += "</h1>\n<p>";
    html_text(out, texts::http_page_intro.get(l));
    out += "</p>\n<ul>\n";
    for (const link& k : links) {
        out += "<li><code>";
        out += k.method;
        out += "</code> ";
        if (k.method[0] == 'G') {
            out += "<a href=\"";
            out += k.href;
            out += "\">";
            out += k.href;
            out += "</a>";
        } else {
            out += "<code>";
            out += k.href;
            out += "</code>";
        }
        out += " — ";
        html_text(out, k.what->get(l));
        out += "</li>\n";
    }
    out += "</ul>\n<p><a href=\"";
    out += en ? "/" : "/?lang=en";
    out += "\">";
    html_text(out, texts::http_page_other_lang.get(l));
    out += "</a> · mamisguide " MAMISGUIDE_VERSION_STRING "</p>\n</body>\n</html>\n";
    return out;
}

} // namespace mg_http
