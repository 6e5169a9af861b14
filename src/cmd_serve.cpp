// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide serve — the JSON contract over HTTP (src/http/): POST /v1/plan, POST /v1/batch,
// the guide, the directory, the support desk, holidays, OpenAPI, health and metrics.
#include "cli.hpp"
#include "http/server.hpp"

#include <mamisguide/texts/http.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>

namespace mg_cli {
namespace {

/// "https://desk.example.jp" or "http://localhost:3000": a scheme, a host, maybe a port, and
/// nothing a header could be split with.
bool valid_origin(const std::string& o) {
    std::string_view rest;
    if (o.rfind("https://", 0) == 0)
        rest = std::string_view(o).substr(8);
    else if (o.rfind("http://", 0) == 0)
        rest = std::string_view(o).substr(7);
    else
        return false;
    if (rest.empty() || rest.size() > 253) return false;
    for (char c : rest) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':' || c == '[' ||
                        c == ']';
        if (!ok) return false;
    }
    return true;
}

class serve_cmd final : public command {
public:
    explicit serve_cmd(CLI::App& parent) {
        app = parent.add_subcommand(
            "serve", "The JSON contract over HTTP: POST /v1/plan, POST /v1/batch (JSON Lines), "
                     "GET /v1/guide, /v1/directory, /v1/support, /v1/holidays/YEAR, "
                     "/v1/openapi.json, /healthz, /metrics.");
        app->add_option("--listen", listen_,
                        "ADDR:PORT to listen on (default 127.0.0.1:8080; port 0: any free port). "
                        "Anything but a loopback address must be given here explicitly")
            ->type_name("ADDR:PORT");
        add_directory_options(*app, dopts_);
        app->add_option("--threads", threads_,
                        "Threads serving requests (default: one per usable processor)")
            ->check(CLI::Range(1u, 256u));
        app->add_option("--cors", cors_,
                        "Allow this one origin (e.g. https://desk.example.jp) to call the API "
                        "from a browser; default: no CORS headers")
            ->type_name("ORIGIN");
        app->add_option("--max-connections", max_connections_,
                        "Connections served at once; more get 503 (default 512)")
            ->check(CLI::Range(1u, 1000000u));
        app->add_option("--timeout", timeout_,
                        "Seconds allowed for a request's header, for each piece of its body, for "
                        "each write, and for an idle keep-alive connection (default 10)")
            ->check(CLI::Range(0.05, 3600.0));
        app->add_flag("-q,--quiet", quiet_, "No access log (one JSON line per request)");
        app->add_option("--guide-html", guide_html_,
                        "The single-file web guide served at /mamisguide.html (default: "
                        "../share/mamisguide/mamisguide.html next to this program; in a build "
                        "tree, build-wasm/mamisguide.html). Without one, that path is a 404")
            ->type_name("FILE");
        add_lang_option(*app, lang_);
        app->footer("On SIGTERM or SIGINT it stops accepting, answers the requests in flight and "
                    "exits 0. On SIGHUP it reloads the master and the catalogues; a file that is "
                    "refused is logged and the previous data keeps serving.\n"
                    "Log on standard error: the URL when ready, then one JSON line per request "
                    "(time, method, path, status, us, code); bodies are never logged.");
    }

    int run() override {
        const lang l = to_lang(lang_);
        mg_http::server_options o;
        if (!listen_.empty() && !mg_http::parse_listen(listen_, o.address, o.port)) {
            print_error(std::string(texts::http_bad_listen.get(l)) + listen_);
            return exit_usage;
        }
        if (!cors_.empty() && !valid_origin(cors_)) {
            print_error(std::string(texts::http_bad_cors.get(l)) + cors_);
            return exit_usage;
        }
        std::string error;
        auto data = load(l, error);
        if (!data) {
            print_error(error);
            return exit_usage;
        }
        mg_http::service svc(std::move(data));
        const std::string guide = guide_html_.empty() ? single_file_guide_path() : guide_html_;
        if (!guide.empty()) {
            auto file = read_guide(guide);
            if (!file) {
                print_error(std::string(texts::http_guide_file_bad.get(l)) + guide);
                return exit_usage;
            }
            svc.guide_file = std::make_shared<const mg_http::single_file>(std::move(*file));
        }
        o.threads = threads_;
        o.max_connections = max_connections_;
        o.timeout = std::chrono::milliseconds(static_cast<long long>(timeout_ * 1000));
        o.cors_origin = cors_;
        o.access_log = !quiet_;
        o.log_lang = l;
        o.reload = [this, l](std::string& err) { return load(l, err); };
        std::fflush(stdout);
        return mg_http::run_server(svc, o);
    }

private:
    /// The single file, read once at start (at most 8 MiB: the build makes it at most 2 MiB).
    static std::optional<mg_http::single_file> read_guide(const std::string& path) {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return std::nullopt;
        std::string html;
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && html.size() <= (8u << 20))
            html.append(buf, n);
        const bool bad = std::ferror(f) != 0 || html.size() > (8u << 20);
        std::fclose(f);
        if (bad) return std::nullopt;
        return mg_http::make_single_file(std::move(html));
    }

    std::shared_ptr<const mg_http::dataset> load(lang l, std::string& error) const {
        const auto t0 = std::chrono::steady_clock::now();
        auto dir = load_directory(dopts_, l, &error);
        if (!dir) return nullptr;
        auto d = std::make_shared<mg_http::dataset>(mg_http::dataset{std::move(*dir)});
        d->master_rows = d->dir.size() - directory::builtin().size();
        d->loaded_at = static_cast<std::int64_t>(std::time(nullptr));
        d->load_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return d;
    }

    directory_options dopts_;
    std::string listen_, cors_, guide_html_, lang_ = "ja";
    unsigned threads_ = 0;
    std::size_t max_connections_ = 512;
    double timeout_ = 10;
    bool quiet_ = false;
};

} // namespace

std::unique_ptr<command> make_serve_command(CLI::App& parent) {
    return std::make_unique<serve_cmd>(parent);
}

} // namespace mg_cli
