// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — Graphviz DOT export of the association hierarchy and of the membership state
// machine, for people: a Japanese font named (so that Japanese does not render as boxes), the
// hierarchy top to bottom with one cluster per prefecture laid out in rows, and labels in the
// language asked for.
#pragma once

#include "directory.hpp"
#include "texts/answers.hpp"
#include "texts/cli.hpp"
#include "transitions.hpp"

#include <boost/graph/graphviz.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace mamisguide {

/// The fonts the pictures ask for: Noto Sans CJK JP (Debian's fonts-noto-cjk), else IPAGothic
/// (fonts-ipafont-gothic). Graphviz's Pango renderer takes the first family installed.
inline constexpr const char* dot_fontname = "Noto Sans CJK JP,IPAGothic,sans";

/// How the directory's picture is laid out.
struct directory_dot_options {
    /// 1–47: that prefecture's association and its municipal ones (with JMA above); 0: all.
    unsigned prefecture = 0;
    /// Municipal associations per row inside a prefecture's cluster (0: chosen by size).
    unsigned columns = 0;
    /// Prefecture clusters per row of the whole picture. With two columns each, a generated
    /// 890-association master renders about 3,500 px wide (tests/cli/test_pictures.py).
    unsigned clusters_per_row = 5;
};

namespace detail {

inline void dot_defaults(std::ostream& os) {
    os << "graph [fontname=\"" << dot_fontname << "\", charset=\"UTF-8\"];\n"
       << "node [fontname=\"" << dot_fontname << "\"];\n"
       << "edge [fontname=\"" << dot_fontname << "\"];\n";
}

/// Appends `s` for a quoted DOT string: quotes and backslashes escaped (a name ending in a
/// backslash must not swallow the closing quote).
inline void dot_escape(std::string& out, std::string_view s) {
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
}

inline void dot_node(std::ostream& os, const association& a, association_id v, lang l) {
    const char* shape = a.lvl == level::national      ? "doubleoctagon"
                        : a.lvl == level::prefectural ? "box"
                                                      : "ellipse";
    // Two lines, code over name: narrower boxes, so more of them fit in a row.
    std::string label = "\"";
    dot_escape(label, a.code);
    label += "\\n";
    dot_escape(label, a.name_in(l));
    label += "\"";
    os << v << "[label=" << label << ", shape=" << shape << ", level=" << to_string(a.lvl)
       << "];\n";
}

} // namespace detail

/// The hierarchy, top to bottom: JMA, then one cluster per prefecture holding its association
/// and, below it, its municipal associations in a grid; the clusters wrap into rows so that
/// ~890 associations stay readable. Nodes are labelled "code\nname" (DOT's line break); each
/// edge goes from an association to one of its members, drawn with the arrow at the parent
/// (dir=back); edges from one association are merged into one trunk (concentrate).
inline void write_directory_dot(std::ostream& out, const directory& dir, lang l,
                                const directory_dot_options& o) {
    out << "digraph G {\nrankdir=TB;\nnewrank=true;\nconcentrate=true;\n";
    detail::dot_defaults(out);
    out << "label=" << boost::escape_dot_string(std::string(texts::graph_directory_title.get(l)))
        << ";\nlabelloc=t;\n";
    const association_id jma = directory::national();
    detail::dot_node(out, dir[jma], jma, l);
    std::vector<unsigned> prefs;
    for (unsigned p = 1; p <= 47; ++p)
        if (o.prefecture == 0 || o.prefecture == p) prefs.push_back(p);
    // The node each cluster ends with (its last row), to hang the next row of clusters under.
    std::vector<association_id> bottom;
    for (unsigned p : prefs) {
        const association_id pv = directory::prefecture(p);
        const std::vector<association_id>& ms = dir.municipal_of(pv);
        unsigned columns = o.columns;
        if (columns == 0) {
            columns = 1;
            while (columns * columns * 2 < ms.size()) ++columns; // about twice as tall as wide
            columns = std::min(columns, o.prefecture ? 8u : 2u);
        }
        std::string title = "\"";
        detail::dot_escape(title, dir[pv].name_in(l));
        title += "\"";
        out << "subgraph cluster_" << p << " {\nlabel=" << title << ";\nstyle=rounded;\n";
        detail::dot_node(out, dir[pv], pv, l);
        for (association_id m : ms) detail::dot_node(out, dir[m], m, l);
        // The grid: the first row under the prefecture, each next row under the one above.
        for (std::size_t i = 0; i < ms.size(); ++i) {
            if (i >= columns) out << ms[i - columns] << "->" << ms[i] << " [style=invis];\n";
        }
        out << "}\n";
        bottom.push_back(ms.empty() ? pv : ms.back());
    }
    // The hierarchy's edges (municipal ones inside the clusters' grid rows).
    for (std::size_t k = 0; k < prefs.size(); ++k) {
        const association_id pv = directory::prefecture(prefs[k]);
        // Only the first row of clusters hangs directly under JMA; the others are placed
        // under the row above, so the edges from JMA do not decide their rank.
        const bool first_row = k < o.clusters_per_row;
        out << jma << "->" << pv << " [dir=back" << (first_row ? "" : ", constraint=false")
            << "];\n";
        for (association_id m : dir.municipal_of(pv)) out << pv << "->" << m << " [dir=back];\n";
    }
    // Rows of clusters: cluster k + clusters_per_row under cluster k, and the prefectures of
    // one row side by side.
    for (std::size_t k = 0; k + o.clusters_per_row < prefs.size(); ++k)
        out << bottom[k] << "->" << directory::prefecture(prefs[k + o.clusters_per_row])
            << " [style=invis];\n";
    for (std::size_t k = 0; k < prefs.size(); k += o.clusters_per_row) {
        out << "{rank=same;";
        for (std::size_t i = k; i < prefs.size() && i < k + o.clusters_per_row; ++i)
            out << " " << directory::prefecture(prefs[i]);
        out << "}\n";
    }
    out << "}\n";
}

inline void write_directory_dot(std::ostream& out, const directory& dir, lang l = lang::ja) {
    write_directory_dot(out, dir, l, directory_dot_options{});
}

/// An operation's name in the state machine's picture.
constexpr const bitext& operation_label(operation op) noexcept {
    switch (op) {
    case operation::join:
        return texts::graph_op_join;
    case operation::additional_join:
        return texts::graph_op_additional_join;
    case operation::change_category:
        return texts::graph_op_change_category;
    case operation::change_facility:
        return texts::graph_op_change_facility;
    case operation::transfer:
        return texts::graph_op_transfer;
    case operation::withdraw:
        return texts::graph_op_withdraw;
    }
    return texts::graph_op_join;
}

/// An edge's label: the operation and the levels it names, in `l`: "退会（都道府県・日医）",
/// "withdraw (prefectural, JMA)".
inline std::string transition_label(const membership_transition& t, lang l) {
    static constexpr const bitext* level_names[] = {&texts::graph_level_municipal,
                                                    &texts::graph_level_prefectural,
                                                    &texts::graph_level_national};
    std::string label = operation_label(t.op).get(l);
    if (!t.levels.empty()) {
        label += texts::cli::paren_open.get(l);
        bool first = true;
        for (level x : t.levels) {
            if (!first) label += texts::cli::list_sep.get(l);
            label += level_names[index_of(x)]->get(l);
            first = false;
        }
        label += texts::cli::paren_close.get(l);
    }
    return label;
}

/// The membership state machine: states as nodes, applications as labelled edges, all in the
/// language asked for.
inline void write_transitions_dot(std::ostream& out, const transition_graph& g, lang l = lang::ja) {
    auto vertex_writer = [&](std::ostream& os, transition_graph::vertex_descriptor v) {
        os << "[label=" << boost::escape_dot_string(std::string(g[v].label.get(l))) << "]";
    };
    auto edge_writer = [&](std::ostream& os, transition_graph::edge_descriptor e) {
        os << "[label=" << boost::escape_dot_string(transition_label(g[e], l)) << "]";
    };
    auto graph_writer = [](std::ostream& os) {
        os << "rankdir=LR;\n";
        detail::dot_defaults(os);
    };
    boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
}

} // namespace mamisguide
