// mamisguide — Graphviz DOT export of the association hierarchy and of the membership state
// machine, with boost::write_graphviz.
#pragma once

#include "directory.hpp"
#include "transitions.hpp"

#include <boost/graph/graphviz.hpp>

#include <ostream>
#include <string>

namespace mamisguide {

/// The hierarchy: one node per association (labelled "code name"), edges pointing up.
/// `lang` picks the names; the graph is written as a DOT digraph.
inline void write_directory_dot(std::ostream& out, const directory& dir, lang l = lang::ja) {
    const association_graph& g = dir.graph();
    auto vertex_writer = [&](std::ostream& os, association_id v) {
        const association& a = g[v];
        const char* shape = a.lvl == level::national      ? "doubleoctagon"
                            : a.lvl == level::prefectural ? "box"
                                                          : "ellipse";
        os << "[label=" << boost::escape_dot_string(a.code + " " + std::string(a.name_in(l)))
           << ", shape=" << shape << ", level=" << to_string(a.lvl) << "]";
    };
    auto edge_writer = [](std::ostream&, association_graph::edge_descriptor) {};
    auto graph_writer = [](std::ostream& os) { os << "rankdir=BT;\nnode [fontname=\"sans\"];\n"; };
    boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
}

/// The membership state machine: states as nodes, applications as labelled edges.
inline void write_transitions_dot(std::ostream& out, const transition_graph& g, lang l = lang::ja) {
    auto vertex_writer = [&](std::ostream& os, transition_graph::vertex_descriptor v) {
        os << "[label=" << boost::escape_dot_string(std::string(g[v].label.get(l))) << "]";
    };
    auto edge_writer = [&](std::ostream& os, transition_graph::edge_descriptor e) {
        std::string label(to_string(g[e].op));
        if (!g[e].levels.empty()) {
            label += " [";
            bool first = true;
            for (level x : g[e].levels) {
                if (!first) label += ",";
                label += to_string(x);
                first = false;
            }
            label += "]";
        }
        os << "[label=" << boost::escape_dot_string(label) << "]";
    };
    auto graph_writer = [](std::ostream& os) { os << "rankdir=LR;\n"; };
    boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
}

} // namespace mamisguide
