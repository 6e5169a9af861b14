// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's request handler (handler.hpp).
#include "http/handler.hpp"

#include "http/assets.hpp"
#include <batch_lines.hpp>

#include <json.hpp>
#include <mamisguide/texts/http.hpp>

#include <cstring>
#include <ctime>
#include <new>

namespace mg_http {

service::service(std::shared_ptr<const dataset> data) : data_(std::move(data)) {
    now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    started_at = now();
}

void service::publish(std::shared_ptr<const dataset> d) {
    std::atomic_store(&data_, std::move(d));
}

std::optional<single_file> make_single_file(std::string html) {
    static constexpr std::string_view meta =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    const std::size_t at = html.find(meta);
    const std::size_t head_end = html.find("</head>");
    if (at == std::string::npos || head_end == std::string::npos || at > head_end)
        return std::nullopt;
    const std::size_t from = at + meta.size();
    const std::size_t to = html.find('"', from);
    if (to == std::string::npos || to == from) return std::nullopt;
    single_file f;
    f.csp = html.substr(from, to - from);
    for (char c : f.csp) // a header value: printable ASCII only
        if (c < 0x20 || c > 0x7E) return std::nullopt;
    f.html = std::move(html);
    return f;
}

const asset* find_asset(std::string_view path) noexcept {
    for (std::size_t i = 0; i < embedded_asset_count; ++i)
        if (embedded_assets[i].path == path) return &embedded_assets[i];
    return nullptr;
}

namespace {

constexpr std::string_view holidays_prefix = "/v1/holidays/";

/// One query parameter, percent-decoded.
struct param {
    std::string key, value;
};

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decoding (RFC 3986); false on a bad escape. '+' stays '+' (not a space, as in
/// forms), so that ?at=2026-12-30T11:00:00+09:00 works unescaped; a space is %20.
bool url_decode(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int hi = hex_digit(in[i + 1]), lo = hex_digit(in[i + 2]);
            if (hi < 0 || lo < 0) return false;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else
            out.push_back(c);
    }
    return true;
}

/// The query's parameters; false when one cannot be decoded. At most 16 are kept (more is
/// refused by the caller as an unknown parameter anyway).
bool parse_query(std::string_view q, std::vector<param>& out) {
    while (!q.empty()) {
        const std::size_t amp = q.find('&');
        std::string_view item = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        param p;
        if (!url_decode(item.substr(0, eq), p.key)) return false;
        if (eq != std::string_view::npos && !url_decode(item.substr(eq + 1), p.value)) return false;
        out.push_back(std::move(p));
        if (out.size() > 16) return true;
    }
    return true;
}

/// The checked query of a GET endpoint: `names` are the parameters it takes (lang always).
struct query {
    lang l = lang::ja;
    std::vector<param> params;
    std::optional<response> error; ///< a 400 when the query is not acceptable

    const std::string* get(std::string_view k) const {
        for (const param& p : params)
            if (p.key == k) return &p.value;
        return nullptr;
    }
};

query read_query(std::string_view raw, std::initializer_list<std::string_view> names) {
    query q;
    if (!parse_query(raw, q.params)) {
        q.error = error_response(400, "invalid_parameter", texts::http_bad_parameter);
        return q;
    }
    // lang first, so that the other errors speak it.
    if (const std::string* v = q.get("lang")) {
        if (!parse_lang(v->c_str(), q.l) || std::strlen(v->c_str()) != v->size()) {
            q.error =
                error_response(400, "invalid_parameter", texts::http_bad_lang, lang::ja, "lang");
            return q;
        }
    }
    for (std::size_t i = 0; i < q.params.size(); ++i) {
        const param& p = q.params[i];
        bool known = p.key == "lang";
        for (std::string_view n : names) known = known || p.key == n;
        if (!known) {
            q.error = error_response(400, "invalid_parameter", texts::http_unknown_parameter, q.l,
                                     p.key.size() <= 64 ? std::string_view(p.key) : "");
            return q;
        }
        for (std::size_t j = 0; j < i; ++j)
            if (q.params[j].key == p.key) {
                q.error =
                    error_response(400, "invalid_parameter", texts::http_bad_parameter, q.l, p.key);
                return q;
            }
    }
    return q;
}

response json_ok(endpoint ep) {
    response r;
    r.ep = ep;
    r.content_type = json_type;
    return r;
}

response bad_parameter(endpoint ep, const bitext& message, lang l, std::string_view field) {
    response e = error_response(400, "invalid_parameter", message, l, field);
    e.ep = ep;
    return e;
}

response not_found(endpoint ep) {
    response e = error_response(404, "not_found", texts::http_not_found);
    e.ep = ep;
    return e;
}

response do_plan(const dataset& d, std::string_view body) {
    response r = json_ok(endpoint::plan);
    if (body.size() > max_body_bytes) return plan_too_large();
    r.body.reserve(2048);
    const int rc = json::respond(d.dir, body, r.body);
    if (rc < 0) throw std::bad_alloc(); // respond()'s one failure: handle_safe answers 503
    r.counts[static_cast<std::size_t>(rc)] = 1;
    if (rc > 0) r.code = to_string(static_cast<refusal_code>(rc));
    r.status = rc == static_cast<int>(refusal_code::invalid_request) ? 400 : 200;
    return r;
}

} // namespace

int plan_into(const dataset& d, std::string_view body, json::out_buffer& out,
              bool padded) noexcept {
    return json::respond(d.dir, body, out, 0, padded);
}

namespace {

response do_batch(const dataset& d, std::string_view body) {
    response r;
    r.ep = endpoint::batch;
    r.content_type = ndjson_type;
    json::batch_lines lines(d.dir);
    json::out_buffer out;
    while (!body.empty()) body.remove_prefix(lines.feed(body, out));
    lines.finish(out);
    r.body.assign(out.data(), out.size());
    r.lines = lines.lines();
    for (std::size_t i = 0; i < r.counts.size(); ++i) r.counts[i] = lines.counts()[i];
    return r;
}

} // namespace

namespace {
/// The language a target's query asks for (`lang=en`), found without allocating.
lang query_lang(std::string_view target) noexcept {
    const std::size_t q = target.find('?');
    if (q == std::string_view::npos) return lang::ja;
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        if (rest.substr(0, amp) == "lang=en") return lang::en;
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return lang::ja;
}
} // namespace

response handle_safe(const service& s, const dataset& d, const request& r) {
    try {
        return handle(s, d, r);
    } catch (const std::bad_alloc&) {
        // What the request had allocated is given back by now: the 503 usually fits.
    }
    response e =
        error_response(503, "out_of_memory", texts::http_out_of_memory, query_lang(r.target));
    e.ep = classify(r.target.substr(0, r.target.find('?')));
    return e;
}

response error_response(unsigned status, std::string_view code, const bitext& message, lang l,
                        std::string_view field) {
    response r;
    r.status = status;
    r.content_type = json_type;
    r.code = code;
    json::write_http_error(r.body, code, message, field, l);
    return r;
}

response plan_too_large() {
    response r;
    r.status = 413;
    r.ep = endpoint::plan;
    r.content_type = json_type;
    r.code = "invalid_request";
    json::write_refusal_only(r.body, texts::json_too_large, "", lang::ja);
    r.counts[static_cast<std::size_t>(refusal_code::invalid_request)] = 1;
    return r;
}

endpoint classify(std::string_view path) noexcept {
    if (path == "/") return endpoint::index;
    if (path == "/v1/plan") return endpoint::plan;
    if (path == "/v1/batch") return endpoint::batch;
    if (path == "/healthz") return endpoint::healthz;
    if (path == "/metrics") return endpoint::metrics;
    if (path == "/v1/guide") return endpoint::guide;
    if (path == "/v1/guide/categories") return endpoint::guide_categories;
    if (path == "/v1/texts") return endpoint::texts;
    if (path == "/v1/directory") return endpoint::directory;
    if (path == "/v1/support") return endpoint::support;
    if (path.size() > holidays_prefix.size() &&
        path.substr(0, holidays_prefix.size()) == holidays_prefix &&
        path.find('/', holidays_prefix.size()) == std::string_view::npos)
        return endpoint::holidays;
    if (path == "/v1/openapi.json") return endpoint::openapi;
    if (path == "/mamisguide.html") return endpoint::single_file;
    if (find_asset(path)) return endpoint::asset;
    return endpoint::other;
}

std::string_view allowed_methods(endpoint e) noexcept {
    switch (e) {
    case endpoint::plan:
    case endpoint::batch:
        return "POST, OPTIONS";
    default: // endpoint::other never gets here: handle() answers it 404 first
        return "GET, HEAD, OPTIONS";
    }
}

response handle(const service& s, const dataset& d, const request& r) {
    const std::size_t qmark = r.target.find('?');
    const std::string_view path = r.target.substr(0, qmark);
    const std::string_view raw_query =
        qmark == std::string_view::npos ? std::string_view() : r.target.substr(qmark + 1);
    const endpoint ep = classify(path);
    if (ep == endpoint::other) return not_found(ep);
    const bool post = ep == endpoint::plan || ep == endpoint::batch;
    const bool method_ok = post ? r.method == "POST" : (r.method == "GET" || r.method == "HEAD");
    if (r.method == "OPTIONS") { // a CORS preflight (the server adds the CORS headers)
        response o;
        o.status = 204;
        o.ep = ep;
        o.allow = allowed_methods(ep);
        return o;
    }
    if (!method_ok) {
        response e = error_response(405, "method_not_allowed", texts::http_method_not_allowed);
        e.ep = ep;
        e.allow = allowed_methods(ep);
        return e;
    }
    if (!post && r.body.size() > max_body_bytes) {
        response e = error_response(413, "payload_too_large", texts::http_body_too_large);
        e.ep = ep;
        return e;
    }

    switch (ep) {
    case endpoint::plan:
        return do_plan(d, r.body);
    case endpoint::batch:
        return do_batch(d, r.body);
    default:
        break;
    }

    // GET endpoints: each takes lang and its own parameters.
    const auto checked = [&](std::initializer_list<std::string_view> names) {
        query q = read_query(raw_query, names);
        if (q.error) q.error->ep = ep;
        return q;
    };
    switch (ep) {
    case endpoint::index: {
        // The web guide keeps its walk in the query (?path=…&member=…): the page reads it, the
        // server takes it as it is.
        response out;
        out.ep = ep;
        out.content_type = html_type;
        out.body = index_page(lang::ja, s.guide_file != nullptr);
        return out;
    }
    case endpoint::single_file: {
        // Like /, the page reads its walk from the query; the server takes it as it is.
        if (!s.guide_file) {
            response e = error_response(404, "not_found", texts::http_guide_file_missing);
            e.ep = ep;
            return e;
        }
        response out;
        out.ep = ep;
        out.content_type = html_type;
        out.csp = s.guide_file->csp;
        out.body = s.guide_file->html;
        return out;
    }
    case endpoint::healthz: {
        query q = checked({});
        if (q.error) return std::move(*q.error);
        response out = json_ok(ep);
        json::health_info h;
        h.associations = d.dir.size();
        h.master_rows = d.master_rows;
        h.loaded_at = d.loaded_at;
        h.started_at = s.started_at;
        h.reloads = s.reloads.load(std::memory_order_relaxed);
        json::write_health(out.body, h);
        return out;
    }
    case endpoint::metrics: {
        query q = checked({});
        if (q.error) return std::move(*q.error);
        response out;
        out.ep = ep;
        out.content_type = prometheus_type;
        s.stats.write(out.body, d.dir.size(), d.master_rows, d.load_seconds, d.loaded_at,
                      s.started_at);
        return out;
    }
    case endpoint::guide: {
        query q = checked({});
        if (q.error) return std::move(*q.error);
        response out = json_ok(ep);
        json::write_guide(out.body, q.l);
        return out;
    }
    case endpoint::texts: {
        query q = checked({});
        if (q.error) return std::move(*q.error);
        response out = json_ok(ep);
        json::write_web_texts(out.body, q.l);
        return out;
    }
    case endpoint::guide_categories: {
        // leaf: a guide leaf's id; member, to: codes; held, levels: comma-separated level names.
        query q = checked({"leaf", "member", "held", "to", "levels"});
        if (q.error) return std::move(*q.error);
        level_set sets[2];
        const char* names[2] = {"held", "levels"};
        for (int i = 0; i < 2; ++i) {
            const std::string* v = q.get(names[i]);
            if (!v || v->empty()) continue;
            std::string_view rest = *v;
            while (true) {
                const std::size_t comma = rest.find(',');
                level x{};
                if (!parse_level(rest.substr(0, comma), x) || sets[i].contains(x))
                    return bad_parameter(ep, texts::http_bad_parameter, q.l, names[i]);
                sets[i].insert(x);
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
        }
        const auto text = [&](const char* k) {
            const std::string* v = q.get(k);
            return v ? std::string_view(*v) : std::string_view();
        };
        response out = json_ok(ep);
        const int rc = json::write_guide_categories(out.body, d.dir, text("leaf"), text("member"),
                                                    sets[0], text("to"), sets[1], q.l);
        if (rc > 0) out.code = to_string(static_cast<refusal_code>(rc));
        // As /v1/plan: 400 for a question that is not well-formed, 200 for a refusal.
        out.status = rc == static_cast<int>(refusal_code::invalid_request) ? 400 : 200;
        return out;
    }
    case endpoint::directory: {
        query q = checked({"q", "prefecture", "code", "level"});
        if (q.error) return std::move(*q.error);
        directory_query dq;
        if (const std::string* v = q.get("q")) dq.text = *v;
        if (const std::string* v = q.get("code")) dq.code = *v;
        if (const std::string* v = q.get("prefecture")) {
            const auto n = parse_prefecture(*v);
            if (!n) return bad_parameter(ep, texts::http_bad_parameter, q.l, "prefecture");
            dq.prefecture = *n;
        }
        if (const std::string* v = q.get("level")) {
            level lv;
            if (!parse_level(*v, lv))
                return bad_parameter(ep, texts::http_bad_parameter, q.l, "level");
            dq.lvl = lv;
        }
        response out = json_ok(ep);
        json::write_directory(out.body, d.dir, search(d.dir, dq), q.l);
        return out;
    }
    case endpoint::support: {
        query q = checked({"at"});
        if (q.error) return std::move(*q.error);
        std::int64_t at = s.now();
        if (const std::string* v = q.get("at")) {
            const auto parsed = parse_instant(*v);
            if (!parsed) return bad_parameter(ep, texts::http_bad_instant, q.l, "at");
            at = *parsed;
        }
        response out = json_ok(ep);
        if (!json::write_support(out.body, default_desk(), at, q.l))
            return bad_parameter(ep, texts::http_bad_year, q.l, "at");
        return out;
    }
    case endpoint::holidays: {
        query q = checked({});
        if (q.error) return std::move(*q.error);
        const std::string_view y = path.substr(holidays_prefix.size());
        int year = 0;
        bool digits = y.size() == 4;
        for (std::size_t i = 0; digits && i < y.size(); ++i) { // four digits at most: no overflow
            digits = y[i] >= '0' && y[i] <= '9';
            year = year * 10 + (y[i] - '0');
        }
        response out = json_ok(ep);
        if (!digits || !json::write_holidays(out.body, year, q.l))
            return bad_parameter(ep, texts::http_bad_year, q.l, "year");
        return out;
    }
    case endpoint::openapi:
    case endpoint::asset: {
        const asset* a = find_asset(path);
        if (!a) break; // an OpenAPI document not embedded: 404 below
        response out;
        out.ep = ep;
        out.content_type = a->content_type;
        out.body.assign(a->data);
        return out;
    }
    default:
        break;
    }
    // Not reached: each endpoint the switch names answers above, and the others (plan, batch,
    // other) before it; the embedded assets always include the OpenAPI document.
    return not_found(ep);
}

} // namespace mg_http
