// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Out of memory through the C ABI (issue 25): every allocating function, with each of its
// allocations failed in turn (harness.hpp). A run either returns MG_ERR_NOMEM with its outputs
// NULL and mg_last_error() "out of memory", or succeeds (an allocation with a fallback) with the
// right answer; it never dies; it leaks nothing; afterwards the engine answers as before; a
// failed load leaves the engine's data as it was.
//
// Usage: test_faults_capi SOURCE_DIR SCRATCH_DIR
#include "harness.hpp"

#include <mamisguide.h>

#include <pthread.h>
#include <sys/stat.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace {

using mg_fault::context;
using mg_fault::scenario;

std::string source_dir, scratch;

std::string file_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
}

std::string sample_master() {
    return source_dir + "/data/sample-municipal.csv";
}
std::string sample_categories() {
    return source_dir + "/data/sample-categories.csv";
}
std::string in_scratch(const char* name) {
    return scratch + "/" + name;
}

/// mg_last_error() says so after MG_ERR_NOMEM.
void check_nomem(context& c, int status) {
    c.check(status == MG_ERR_NOMEM, "status",
            mg_status_name(status) + std::string(" ") + mg_last_error());
    c.check(c.fault(), "MG_ERR_NOMEM without a failed allocation");
    c.check(std::string(mg_last_error()) == "out of memory", "mg_last_error()", mg_last_error());
}

std::string take(char* s) {
    std::string t = s ? s : "(null)";
    mg_free(s);
    return t;
}

/// The whole directory as JSON (with the catalogues): the engine's data.
std::string directory_json(const mg_engine* e) {
    char* out = nullptr;
    const int st = mg_directory_json(e, nullptr, nullptr, nullptr, MG_LANG_EN, &out);
    if (st != MG_OK) mg_fault::fail_run("mg_directory_json", mg_last_error());
    return take(out);
}

std::string notices(mg_engine* e) {
    std::string s;
    for (std::size_t i = 0; i < mg_engine_notice_count(e); ++i) {
        const char* n = mg_engine_notice(e, i, MG_LANG_EN);
        s += n ? n : "(null)";
        s += '\n';
    }
    return s;
}

mg_engine* new_engine() {
    mg_engine* e = nullptr;
    if (mg_engine_new(&e) != MG_OK) mg_fault::fail_run("mg_engine_new", mg_last_error());
    return e;
}

/// An engine with the sample master (and the catalogues).
mg_engine* sample_engine(bool categories = true) {
    mg_engine* e = new_engine();
    if (mg_engine_load_directory(e, sample_master().c_str()) != MG_OK ||
        (categories && mg_engine_load_categories(e, sample_categories().c_str()) != MG_OK))
        mg_fault::fail_run("loading the sample", mg_last_error());
    return e;
}

/// An engine that already holds a little master, so that a failed load has something to keep.
mg_engine* engine_with_previous() {
    mg_engine* e = new_engine();
    if (mg_engine_load_directory(e, in_scratch("previous.csv").c_str()) != MG_OK)
        mg_fault::fail_run("loading previous.csv", mg_last_error());
    return e;
}

// ---- loaders ----------------------------------------------------------------------------------

/// A load: NOMEM leaves the engine's data as it was (and no notices); then, memory back, the
/// load gives `expected`, and the data, the notices and the message are the counting run's.
scenario loader(const char* name, mg_engine* (*setup)(), std::function<int(mg_engine*)> load,
                int expected) {
    return {name, [setup, load, expected](context& c) {
                mg_engine* e = setup();
                const std::string before = directory_json(e);
                int st = c.call([&] { return load(e); });
                if (c.fault() && st == MG_ERR_NOMEM) {
                    check_nomem(c, st);
                    c.check(directory_json(e) == before, "a failed load changed the engine");
                    c.check(mg_engine_notice_count(e) == 0, "notices of a load that failed");
                    st = load(e);
                }
                c.check(st == expected, "status after memory came back",
                        mg_status_name(st) + std::string(" ") + mg_last_error());
                std::string text = std::to_string(st) + " " + mg_last_error() + "\n";
                if (st == MG_ERR_LOAD || st == MG_ERR_IO) {
                    c.check(directory_json(e) == before, "a refused load changed the engine");
                    char* out = nullptr;
                    c.check(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK,
                            "mg_last_load_error_json");
                    text += take(out);
                }
                c.same(text + notices(e) + directory_json(e));
                mg_engine_free(e);
            }};
}

// ---- planning ---------------------------------------------------------------------------------

const char* const plan_request =
    R"({"member":{"mypage":"yes","municipal":"13-chiyoda","levels":["municipal","prefectural","national"],)"
    R"("categories":{"municipal":"A","prefectural":"A","national":"A2B"}},)"
    R"("request":{"operation":"transfer","municipal":"14-yokohama","categories":{"municipal":"Y","prefectural":"K"},)"
    R"("reason":"転勤"},"lang":"ja"})";

/// One mg_plan_json call: NOMEM gives a NULL response; memory back, the counting run's answer.
void plan_json_once(context& c, const mg_engine* e, const std::string& request, int expected) {
    char* out = reinterpret_cast<char*>(&c); // not NULL: the call must set it
    int st = c.call([&] { return mg_plan_json(e, request.data(), request.size(), &out); });
    if (c.fault() && st == MG_ERR_NOMEM) {
        check_nomem(c, st);
        c.check(out == nullptr, "response not NULL after MG_ERR_NOMEM");
        st = mg_plan_json(e, request.data(), request.size(), &out);
    }
    c.check(st == expected, "status", mg_status_name(st) + std::string(" ") + mg_last_error());
    c.check(out != nullptr, "no response");
    c.same(std::to_string(st) + " " + take(out));
}

scenario plan_json(const char* name, std::string request, int expected, bool warm) {
    return {name, [request, expected, warm](context& c) {
                mg_engine* e = sample_engine();
                if (warm) { // a call before: the thread's parser and buffers exist
                    char* out = nullptr;
                    mg_plan_json(e, plan_request, std::strlen(plan_request), &out);
                    mg_free(out);
                }
                plan_json_once(c, e, request, expected);
                mg_engine_free(e);
            }};
}

/// The typed door: the whole result as text.
std::string result_text(int st, const mg_result& r) {
    std::string s = std::to_string(st) + " ";
    if (st == MG_OK) {
        s += r.plan.form_label;
        for (std::size_t i = 0; i < r.plan.n_checked; ++i)
            s += std::string(" ") + r.plan.checked[i].code;
        for (std::size_t i = 0; i < r.plan.n_steps; ++i) s += std::string(" ") + r.plan.steps[i];
        for (std::size_t i = 0; i < r.plan.n_notes; ++i)
            s += std::string(" ") + r.plan.notes[i].text;
    } else {
        s += r.refusal.code_name;
        s += r.refusal.text;
        s += mg_last_error();
    }
    return s;
}

/// A typed call: allocates nothing (the harness checks the count is 0), so never fails.
scenario typed(const char* name, std::function<int(const mg_engine*, mg_result*)> f,
               bool new_thread = false) {
    return {name,
            [f, new_thread](context& c) {
                mg_engine* e = sample_engine();
                std::string text;
                auto body = [&] {
                    mg_result r = MG_RESULT_INIT;
                    const int st = c.call([&] { return f(e, &r); });
                    text = result_text(st, r);
                };
                if (new_thread)
                    std::thread(body).join();
                else
                    body();
                c.same(text);
                mg_engine_free(e);
            },
            0};
}

mg_member holding_all() {
    mg_member m = MG_MEMBER_INIT;
    m.municipal = "13-chiyoda";
    m.levels = MG_LEVELS_ALL;
    m.categories[0] = "A";
    m.categories[1] = "A";
    m.categories[2] = "A2B";
    return m;
}

// ---- writers ----------------------------------------------------------------------------------

/// A function that writes a char** answer: NOMEM leaves it NULL; memory back, the counting
/// run's answer.
scenario writer(
    const char* name, std::function<int(mg_engine*, char**)> f, int expected = MG_OK,
    mg_engine* (*setup)() = [] { return sample_engine(); }) {
    return {name, [f, expected, setup](context& c) {
                mg_engine* e = setup();
                char* out = reinterpret_cast<char*>(&c);
                int st = c.call([&] { return f(e, &out); });
                if (c.fault() && st == MG_ERR_NOMEM) {
                    check_nomem(c, st);
                    c.check(out == nullptr, "output not NULL after MG_ERR_NOMEM");
                    st = f(e, &out);
                }
                c.check(st == expected, "status",
                        mg_status_name(st) + std::string(" ") + mg_last_error());
                c.same(take(out));
                mg_engine_free(e);
            }};
}

mg_engine* engine_with_refused_load() {
    mg_engine* e = sample_engine();
    if (mg_engine_load_directory(e, in_scratch("refused.csv").c_str()) != MG_ERR_LOAD)
        mg_fault::fail_run("refused.csv was not refused");
    return e;
}

mg_engine* engine_with_notices() {
    mg_engine* e = engine_with_previous();
    if (mg_engine_load_directory(e, in_scratch("notices.csv").c_str()) != MG_OK ||
        mg_engine_notice_count(e) != 1)
        mg_fault::fail_run("notices.csv", mg_last_error());
    return e;
}

std::vector<scenario> scenarios() {
    std::vector<scenario> v;

    // The engine, as the first call in the process (the built-in directory is made then).
    v.push_back({"mg_engine_new", [](context& c) {
                     mg_engine* e = reinterpret_cast<mg_engine*>(&c);
                     int st = c.call([&] { return mg_engine_new(&e); });
                     if (c.fault() && st == MG_ERR_NOMEM) {
                         check_nomem(c, st);
                         c.check(e == nullptr, "engine not NULL after MG_ERR_NOMEM");
                         st = mg_engine_new(&e);
                     }
                     c.check(st == MG_OK, "status", mg_last_error());
                     c.same(directory_json(e));
                     mg_engine_free(e);
                 }});

    // Every loader: path and buffer, CSV and JSON, CP932, with notices, refused, unreadable.
    auto from_file = [](const std::string& path) {
        return [path](mg_engine* e) { return mg_engine_load_directory(e, path.c_str()); };
    };
    auto from_buffer = [](const std::string& path) {
        const std::string bytes = file_text(path);
        return [bytes](mg_engine* e) {
            return mg_engine_load_directory_buffer(e, bytes.data(), bytes.size());
        };
    };
    v.push_back(
        loader("load_directory csv", engine_with_previous, from_file(sample_master()), MG_OK));
    v.push_back(loader("load_directory_buffer csv", engine_with_previous,
                       from_buffer(sample_master()), MG_OK));
    v.push_back(loader("load_directory json", engine_with_previous,
                       from_file(in_scratch("master.json")), MG_OK));
    v.push_back(loader("load_directory_buffer json", engine_with_previous,
                       from_buffer(in_scratch("master.json")), MG_OK));
    // CP932 is decoded by the library's own table (detail/cp932.hpp): nothing is loaded on the
    // first conversion, so the first one of the process is tested as any other.
    v.push_back(loader("load_directory cp932", engine_with_previous,
                       from_file(in_scratch("cp932.csv")), MG_OK));
    v.push_back(loader("load_directory notices", engine_with_previous,
                       from_file(in_scratch("notices.csv")), MG_OK));
    v.push_back(loader("load_directory refused", engine_with_previous,
                       from_file(in_scratch("refused.csv")), MG_ERR_LOAD));
    v.push_back(loader("load_directory_buffer refused json", engine_with_previous,
                       from_buffer(in_scratch("refused.json")), MG_ERR_LOAD));
    v.push_back(loader("load_directory unreadable", engine_with_previous,
                       from_file(in_scratch("no-such-file.csv")), MG_ERR_IO));
    auto master_only = [] { return sample_engine(false); };
    v.push_back(loader(
        "load_categories", master_only,
        [path = sample_categories()](mg_engine* e) {
            return mg_engine_load_categories(e, path.c_str());
        },
        MG_OK));
    {
        const std::string bytes = file_text(sample_categories());
        v.push_back(loader(
            "load_categories_buffer", master_only,
            [bytes](mg_engine* e) {
                return mg_engine_load_categories_buffer(e, bytes.data(), bytes.size());
            },
            MG_OK));
    }
    v.push_back(loader(
        "load_categories refused", master_only,
        [path = in_scratch("refused-categories.csv")](mg_engine* e) {
            return mg_engine_load_categories(e, path.c_str());
        },
        MG_ERR_LOAD));

    // mg_plan_json: the first call on a new thread (its parser and buffers are made then), a
    // later call, refusals of every kind of work (candidates, the catalogue's codes, the
    // position of a syntax error), a request that makes the parser grow, a NULL engine.
    v.push_back({"mg_plan_json first call on a thread", [](context& c) {
                     mg_engine* e = sample_engine();
                     std::thread([&] { plan_json_once(c, e, plan_request, MG_OK); }).join();
                     mg_engine_free(e);
                 }});
    v.push_back({"mg_plan_json first refusal on a thread", [](context& c) {
                     mg_engine* e = sample_engine();
                     std::thread([&] {
                         plan_json_once(c, e, R"({"request":{"operation":"join"}})",
                                        MG_INVALID_REQUEST);
                     }).join();
                     mg_engine_free(e);
                 }});
    v.push_back(plan_json("mg_plan_json later call", plan_request, MG_OK, true));
    v.push_back(plan_json(
        "mg_plan_json refusal candidates",
        R"({"request":{"operation":"join","municipal":"13-chiyod","levels":["municipal"],"categories":{"municipal":"A"}}})",
        MG_UNKNOWN_ASSOCIATION, true));
    v.push_back(plan_json(
        "mg_plan_json refusal allowed",
        R"({"request":{"operation":"join","municipal":"13-chiyoda","levels":["municipal"],"categories":{"municipal":"Z"}},"lang":"en"})",
        MG_UNKNOWN_CATEGORY, true));
    v.push_back(plan_json(
        "mg_plan_json refusal suggestion",
        R"({"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},"request":{"operation":"withdraw","levels":["municipal"]}})",
        MG_ILLEGAL_LEVELS, true));
    v.push_back(plan_json("mg_plan_json syntax error",
                          "{\"request\":{\"operation\":\"join\",\n \"levels\": [\"municipal\" }}",
                          MG_INVALID_REQUEST, true));
    v.push_back(plan_json("mg_plan_json large request",
                          R"({"member":{"municipal":"13-chiyoda","levels":["municipal"]},)"
                          R"("request":{"operation":"change_facility","reason":")" +
                              std::string(300000, 'x') + R"("}})",
                          MG_OK, true));
    v.push_back({"mg_plan_json NULL engine", [](context& c) {
                     char* out = reinterpret_cast<char*>(&c);
                     int st = c.call([&] { return mg_plan_json(nullptr, "{}", 2, &out); });
                     if (c.fault() && st == MG_ERR_NOMEM) {
                         check_nomem(c, st);
                         c.check(out == nullptr, "response not NULL after MG_ERR_NOMEM");
                         st = mg_plan_json(nullptr, "{}", 2, &out);
                     }
                     c.check(st == MG_ERR_ARGUMENT, "status", mg_status_name(st));
                     c.same(take(out));
                 }});

    // The typed door allocates nothing: its count must be 0.
    v.push_back(typed("mg_plan", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        mg_request q = MG_REQUEST_INIT;
        q.operation = MG_OP_WITHDRAW;
        q.levels = MG_LEVEL_NATIONAL;
        return mg_plan(e, &m, &q, MG_LANG_JA, r);
    }));
    v.push_back(typed("mg_plan refusal", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        mg_request q = MG_REQUEST_INIT;
        q.operation = MG_OP_WITHDRAW;
        q.levels = MG_LEVEL_MUNICIPAL;
        return mg_plan(e, &m, &q, MG_LANG_EN, r);
    }));
    v.push_back(typed(
        "mg_plan refusal on a new thread",
        [](const mg_engine* e, mg_result* r) {
            mg_member m = holding_all();
            mg_request q = MG_REQUEST_INIT;
            q.operation = MG_OP_JOIN;
            q.municipal = "13-chiyoda";
            q.levels = MG_LEVEL_MUNICIPAL;
            return mg_plan(e, &m, &q, MG_LANG_JA, r);
        },
        true));
    v.push_back(typed("mg_join", [](const mg_engine* e, mg_result* r) {
        mg_member m = MG_MEMBER_INIT;
        const char* cats[3] = {"A", "A", "A1"};
        return mg_join(e, &m, "13-chiyoda", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, r);
    }));
    v.push_back(typed("mg_additional_join", [](const mg_engine* e, mg_result* r) {
        mg_member m = MG_MEMBER_INIT;
        m.municipal = "13-chiyoda";
        m.levels = MG_LEVEL_MUNICIPAL;
        const char* cats[3] = {nullptr, "A", "A2B"};
        return mg_additional_join(e, &m, MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL, cats, 1,
                                  MG_LANG_EN, r);
    }));
    v.push_back(typed("mg_change_category", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        const char* cats[3] = {"B", nullptr, "B"};
        return mg_change_category(e, &m, cats, 0, MG_LANG_JA, r);
    }));
    v.push_back(typed("mg_change_facility", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        return mg_change_facility(e, &m, "moved", 0, MG_LANG_JA, r);
    }));
    v.push_back(typed("mg_transfer", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        const char* cats[3] = {"Y", "K", nullptr};
        return mg_transfer(e, &m, "14-yokohama", cats, "transfer", 0, MG_LANG_JA, r);
    }));
    v.push_back(typed("mg_withdraw", [](const mg_engine* e, mg_result* r) {
        mg_member m = holding_all();
        return mg_withdraw(e, &m, MG_LEVEL_MUNICIPAL, 1, 0, MG_LANG_JA, r);
    }));

    // Every *_json writer, the DOT writers, the guide.
    v.push_back(writer("mg_directory_json", [](mg_engine* e, char** out) {
        return mg_directory_json(e, nullptr, nullptr, nullptr, MG_LANG_JA, out);
    }));
    v.push_back(writer("mg_directory_json search", [](mg_engine* e, char** out) {
        return mg_directory_json(e, "chiyoda", "東京都", nullptr, MG_LANG_EN, out);
    }));
    v.push_back(writer("mg_association_json", [](mg_engine* e, char** out) {
        return mg_association_json(e, "13-chiyoda", MG_LANG_JA, out);
    }));
    v.push_back(writer("mg_support_json", [](mg_engine* e, char** out) {
        return mg_support_json(e, INT64_C(1798675200), MG_LANG_JA, out); // 2026-12-31
    }));
    v.push_back(writer("mg_holidays_json", [](mg_engine*, char** out) {
        return mg_holidays_json(2026, MG_LANG_EN, out);
    }));
    v.push_back(writer("mg_mypage_step_json", [](mg_engine*, char** out) {
        return mg_mypage_step_json(MG_MYPAGE_UNKNOWN, MG_LANG_JA, out);
    }));
    v.push_back(writer(
        "mg_last_load_error_json",
        [](mg_engine*, char** out) { return mg_last_load_error_json(MG_LANG_JA, out); }, MG_OK,
        engine_with_refused_load));
    v.push_back(writer("mg_web_texts_json",
                       [](mg_engine*, char** out) { return mg_web_texts_json(MG_LANG_JA, out); }));
    v.push_back(writer("mg_guide_json",
                       [](mg_engine*, char** out) { return mg_guide_json(MG_LANG_JA, out); }));
    v.push_back(writer("mg_guide_categories_json", [](mg_engine* e, char** out) {
        return mg_guide_categories_json(e, "change.transfer", "13-chiyoda", MG_LEVELS_ALL,
                                        "14-yokohama", 0, MG_LANG_JA, out);
    }));
    v.push_back(writer(
        "mg_guide_categories_json refusal",
        [](mg_engine* e, char** out) {
            return mg_guide_categories_json(e, "join.national", nullptr, 0, "13-nowhere", 0,
                                            MG_LANG_EN, out);
        },
        MG_UNKNOWN_ASSOCIATION));
    v.push_back(writer("mg_directory_dot", [](mg_engine* e, char** out) {
        return mg_directory_dot(e, MG_LANG_JA, out);
    }));
    v.push_back(writer("mg_transitions_dot",
                       [](mg_engine*, char** out) { return mg_transitions_dot(MG_LANG_EN, out); }));

    // C ABI 1.1: the bundled sample, a batch, a response into the caller's buffer.
    v.push_back(
        loader("mg_engine_load_sample", engine_with_previous, mg_engine_load_sample, MG_OK));
    const std::string batch_input =
        std::string(plan_request) + "\n{\"member\":1}\n\n" + plan_request + "\r\n" + plan_request;
    v.push_back(writer("mg_batch_json", [batch_input](mg_engine* e, char** out) {
        return mg_batch_json(e, batch_input.data(), batch_input.size(), out);
    }));
    v.push_back({"mg_plan_json_to", [](context& c) {
                     mg_engine* e = sample_engine();
                     char buf[8192];
                     std::size_t len = 0;
                     const std::size_t n = std::strlen(plan_request);
                     int st = c.call([&] {
                         return mg_plan_json_to(e, plan_request, n, buf, sizeof buf, &len);
                     });
                     if (c.fault() && st == MG_ERR_NOMEM) {
                         check_nomem(c, st);
                         st = mg_plan_json_to(e, plan_request, n, buf, sizeof buf, &len);
                     }
                     c.check(st == MG_OK, "status",
                             mg_status_name(st) + std::string(" ") + mg_last_error());
                     c.same(std::string(buf, st == MG_OK ? len : 0));
                     mg_engine_free(e);
                 }});

    // The buffer's name in a refusal (mg_engine_set_buffer_name), and mg_check_file's refusal
    // of a file that is not text (a picture), both read back through mg_last_load_error_json.
    v.push_back(
        {"mg_engine_set_buffer_name", [](context& c) {
             mg_engine* e = engine_with_previous();
             int st = c.call([&] { return mg_engine_set_buffer_name(e, "会員医師会一覧.csv"); });
             if (c.fault() && st == MG_ERR_NOMEM) {
                 check_nomem(c, st);
                 st = mg_engine_set_buffer_name(e, "会員医師会一覧.csv");
             }
             c.check(st == MG_OK, "status", mg_status_name(st));
             const std::string bad = "code,name\n\"unterminated\n";
             st = mg_engine_load_directory_buffer(e, bad.data(), bad.size());
             char* out = nullptr;
             c.check(st == MG_ERR_LOAD && mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK,
                     "the refusal", mg_last_error());
             c.same(take(out));
             mg_engine_free(e);
         }});
    v.push_back(
        {"mg_check_file", [](context& c) {
             static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
             int st =
                 c.call([&] { return mg_check_file("写真.png", 200000, png, sizeof png - 1); });
             if (c.fault() && st == MG_ERR_NOMEM) {
                 check_nomem(c, st);
                 st = mg_check_file("写真.png", 200000, png, sizeof png - 1);
             }
             c.check(st == MG_ERR_LOAD, "status", mg_status_name(st));
             char* out = nullptr;
             c.check(mg_last_load_error_json(MG_LANG_JA, &out) == MG_OK, "mg_last_load_error_json");
             c.same(std::string(mg_last_error()) + "\n" + take(out));
         }});

    // mg_engine_notice formats its text: NULL and "out of memory" when it cannot.
    v.push_back({"mg_engine_notice", [](context& c) {
                     mg_engine* e = engine_with_notices();
                     const char* n = c.call([&] { return mg_engine_notice(e, 0, MG_LANG_JA); });
                     if (c.fault() && !n) {
                         c.check(std::string(mg_last_error()) == "out of memory", "mg_last_error()",
                                 mg_last_error());
                         n = mg_engine_notice(e, 0, MG_LANG_JA);
                     }
                     c.check(n != nullptr, "no notice");
                     c.same(n);
                     mg_engine_free(e);
                 }});

    // An error on a thread with no error state yet: making the state is the call's only
    // allocation. Without it, mg_last_error() says "out of memory" (a mark, no state); the next
    // call clears the mark, and a later error is described in full.
    v.push_back(
        {"error state on a new thread",
         [](context& c) {
             std::string text;
             std::thread([&] {
                 std::int64_t t = 0;
                 int st = c.call([&] { return mg_parse_instant("not a time", &t); });
                 c.check(st == MG_ERR_PARSE, "status", mg_status_name(st));
                 if (c.fault())
                     c.check(std::string(mg_last_error()) == "out of memory",
                             "mg_last_error() after the state's allocation failed",
                             mg_last_error());
                 st = mg_parse_instant("2026-12-07T09:00:00+09:00", &t);
                 c.check(st == MG_OK && t == 1796601600, "a later call", mg_status_name(st));
                 c.check(*mg_last_error() == '\0', "mg_last_error() after MG_OK", mg_last_error());
                 st = mg_parse_instant("not a time", &t);
                 c.check(st == MG_ERR_PARSE, "status", mg_status_name(st));
                 text = mg_last_error();
             }).join();
             c.check(text != "out of memory" && !text.empty(), "the error", text);
             c.same(text);
         },
         // (With MG_FAULT_KEYS, glibc's block of key values is a second allocation.)
         std::getenv("MG_FAULT_KEYS") ? 2 : 1});

    // A batch whose lines are too long to be requests: one in the middle, one at the end with
    // no line end (answered when the input ends); each answered with a refusal.
    {
        // Past max_request_bytes plus a CR: the end is skipped unread.
        const std::string too_long((std::size_t(1) << 20) + 2, ' ');
        const std::string input =
            std::string(plan_request) + "\n" + too_long + "x\n" + plan_request + "\n" + too_long;
        v.push_back(writer("mg_batch_json oversized lines", [input](mg_engine* e, char** out) {
            return mg_batch_json(e, input.data(), input.size(), out);
        }));
        // Only that line: its refusal is the batch's first answer, and makes the answers' block.
        v.push_back(
            writer("mg_batch_json only an oversized line", [too_long](mg_engine* e, char** out) {
                return mg_batch_json(e, too_long.data(), too_long.size(), out);
            }));
    }
    // A syntax error as a thread's first request: the DOM reader that says where is made then.
    v.push_back(plan_json("mg_plan_json syntax error first",
                          "{\"lang\":null,\"n\":1,\"request\":{\"operation\":\"join\",}}",
                          MG_INVALID_REQUEST, false));
    // A thread whose only call failed to make its error state ends: the key's destructor is
    // given the "out of memory" mark, not a state, and frees nothing.
    v.push_back({"error state on a thread that then ends",
                 [](context& c) {
                     std::string text;
                     int st = 0;
                     std::thread([&] {
                         std::int64_t t = 0;
                         st = c.call([&] { return mg_parse_instant("not a time", &t); });
                         text = mg_last_error();
                     }).join();
                     c.check(st == MG_ERR_PARSE, "status", mg_status_name(st));
                     if (c.fault())
                         c.check(text == "out of memory", "mg_last_error()", text);
                     else
                         c.check(!text.empty() && text != "out of memory", "mg_last_error()", text);
                 },
                 1});
    // A typed refusal is the first call on a thread (it records its code and static message
    // without memory); mg_last_error() then makes the state to write "code: message" in. Without
    // it, the static message alone.
    v.push_back({"typed refusal on a new thread, then mg_last_error",
                 [](context& c) {
                     mg_engine* e = nullptr;
                     c.check(mg_engine_new(&e) == MG_OK && mg_engine_load_sample(e) == MG_OK,
                             "engine");
                     std::string text, code, message;
                     int st = 0;
                     std::thread([&] {
                         mg_member m = MG_MEMBER_INIT;
                         mg_request q = MG_REQUEST_INIT;
                         q.operation = MG_OP_WITHDRAW;
                         q.levels = MG_LEVEL_MUNICIPAL;
                         mg_result r = MG_RESULT_INIT;
                         st = mg_plan(e, &m, &q, MG_LANG_EN, &r);
                         code = r.refusal.code_name ? r.refusal.code_name : "";
                         message = r.refusal.message ? r.refusal.message : "";
                         text = c.call([] { return mg_last_error(); });
                     }).join();
                     mg_engine_free(e);
                     c.check(st == MG_NOT_A_MEMBER, "status", mg_status_name(st));
                     c.check(code == "not_a_member" && !message.empty(), "refusal", code);
                     if (c.fault())
                         c.check(text == message, "mg_last_error(): the message alone", text);
                     else
                         c.check(text == code + ": " + message, "mg_last_error()", text);
                 },
                 1});
    return v;
}

/// The scratch files: a previous master, the sample master as JSON and in CP932, one with a
/// column to ignore, refused ones.
void make_files() {
    write_file(in_scratch("previous.csv"),
               "code,name,prefecture\n90-prev-a,Previous A,13\n90-prev-b,Previous B,27\n");
    write_file(
        in_scratch("master.json"),
        "[\n"
        R"({"code":"13-chiyoda","name":"千代田区医師会","prefecture":"13","name_en":"Chiyoda"},)"
        "\n"
        R"({"code":"14-yokohama","name":"横浜市医師会","prefecture":"神奈川県","name_en":null},)"
        "\n"
        R"({"code":"27-kita","name":"北区医師会","prefecture":"27"})"
        "\n]\n");
    // 千代田区医師会 and 横浜市医師会 in CP932 (Shift_JIS)
    write_file(in_scratch("cp932.csv"),
               "code,name,prefecture\n"
               "13-chiyoda,\x90\xe7\x91\xe3\x93\x63\x8b\xe6\x88\xe3\x8e\x74"
               "\x89\xef,13\n"
               "14-yokohama,\x89\xa1\x95\x6c\x8e\x73\x88\xe3\x8e\x74\x89"
               "\xef,14\n");
    write_file(in_scratch("notices.csv"), "code,name,prefecture,phone\n"
                                          "13-chiyoda,Chiyoda,13,03-0000-0000\n");
    write_file(in_scratch("refused.csv"),
               "code,name,prefecture\n13-a,A,13\n13-b,B,13\n13-a,A again,13\n");
    write_file(in_scratch("refused.json"), "[{\"code\":\"13-a\",\"name\":\"A\",\"prefecture\":"
                                           "\"13\",\"colour\":\"red\"}]\n");
    write_file(in_scratch("refused-categories.csv"),
               "association,code,label\n13-chiyoda,A,A\n99-nowhere,A,A\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR SCRATCH_DIR\n", argv[0]);
        return 2;
    }
    source_dir = argv[1];
    scratch = argv[2];
    ::mkdir(scratch.c_str(), 0755);
    // MG_FAULT_KEYS=n: n thread keys taken before the library's, as a host may have. Past the
    // first 32, glibc's pthread_setspecific allocates a thread's second block of values, and
    // that allocation can fail too (test_faults_capi_keys).
    if (const char* n = std::getenv("MG_FAULT_KEYS"))
        for (long i = std::strtol(n, nullptr, 10); i > 0; --i) {
            pthread_key_t key;
            if (pthread_key_create(&key, nullptr) != 0) return 2;
        }
    // MG_FAULT_KEYS_NEXT=n: keys taken until the next one made is n (glibc hands out the least
    // free one). With 29, the error state's three keys are the last of glibc's first 32 and the
    // request readers' key the first past them: setting it allocates the thread's second block
    // of values, and that failing is the readers' own failure (test_faults_capi_readers).
    if (const char* n = std::getenv("MG_FAULT_KEYS_NEXT")) {
        const unsigned long want = std::strtoul(n, nullptr, 10);
        pthread_key_t key;
        do
            if (pthread_key_create(&key, nullptr) != 0) return 2;
        while (static_cast<unsigned long>(key) + 1 < want);
        if (static_cast<unsigned long>(key) + 1 != want)
            std::fprintf(stderr, "note: key %lu was taken already\n",
                         static_cast<unsigned long>(key));
    }
    make_files();
    return mg_fault::run_all("test_faults_capi", scenarios());
}
