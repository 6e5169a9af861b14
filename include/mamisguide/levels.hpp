// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the three levels of the hierarchy and the legal membership chains (rules.md §1–§2).
#pragma once

#include "text.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace mamisguide {

/// A level of the hierarchy, bottom to top. The values are stable (they are bit positions and
/// the C ABI's MG_LEVEL_* bits).
enum class level : std::uint8_t { municipal = 0, prefectural = 1, national = 2 };

inline constexpr std::array<level, 3> all_levels{level::municipal, level::prefectural,
                                                 level::national};

constexpr std::size_t index_of(level l) noexcept {
    return static_cast<std::size_t>(l);
}

/// The JSON name: "municipal", "prefectural", "national".
constexpr std::string_view to_string(level l) noexcept {
    switch (l) {
    case level::municipal:
        return "municipal";
    case level::prefectural:
        return "prefectural";
    case level::national:
        return "national";
    }
    return "municipal";
}

/// Parses a JSON level name; false for anything else (names are case-sensitive).
constexpr bool parse_level(std::string_view s, level& out) noexcept {
    for (level l : all_levels)
        if (to_string(l) == s) return out = l, true;
    return false;
}

/// The level's name for people: 郡市区医師会 / 都道府県医師会 / 日本医師会.
constexpr bitext label(level l) noexcept {
    switch (l) {
    case level::municipal:
        return texts::level_municipal;
    case level::prefectural:
        return texts::level_prefectural;
    case level::national:
        return texts::level_national;
    }
    return {"", ""};
}

/// A set of levels: three bits. Iterates bottom first.
class level_set {
public:
    constexpr level_set() noexcept = default;
    constexpr level_set(std::initializer_list<level> ls) noexcept {
        for (level l : ls) insert(l);
    }
    static constexpr level_set from_bits(unsigned bits) noexcept {
        level_set s;
        s.bits_ = static_cast<std::uint8_t>(bits & 7u);
        return s;
    }
    /// The chain of the given length: 0 → {}, 1 → {municipal}, 2 → {municipal, prefectural},
    /// 3 → all three.
    static constexpr level_set chain(unsigned length) noexcept {
        return from_bits((1u << (length > 3 ? 3 : length)) - 1u);
    }
    /// The levels from `from` up to `to` inclusive.
    static constexpr level_set range(level from, level to) noexcept {
        level_set s;
        for (level l : all_levels)
            if (index_of(l) >= index_of(from) && index_of(l) <= index_of(to)) s.insert(l);
        return s;
    }

    constexpr unsigned bits() const noexcept { return bits_; }
    constexpr bool contains(level l) const noexcept { return (bits_ >> index_of(l)) & 1u; }
    constexpr void insert(level l) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(l)); }
    constexpr void erase(level l) noexcept {
        bits_ = static_cast<std::uint8_t>(bits_ & ~bit(l) & 7u);
    }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr unsigned size() const noexcept {
        return (bits_ & 1u) + ((bits_ >> 1) & 1u) + ((bits_ >> 2) & 1u);
    }
    /// True for {}, {municipal}, {municipal, prefectural} and all three: the legal states.
    constexpr bool is_chain() const noexcept {
        return bits_ == 0 || bits_ == 1 || bits_ == 3 || bits_ == 7;
    }
    /// The lowest / highest level held; undefined for the empty set (returns municipal).
    constexpr level bottom() const noexcept {
        for (level l : all_levels)
            if (contains(l)) return l;
        return level::municipal;
    }
    constexpr level top() const noexcept {
        for (std::size_t i = 3; i-- > 0;)
            if (contains(all_levels[i])) return all_levels[i];
        return level::municipal;
    }
    constexpr bool includes(level_set o) const noexcept { return (bits_ & o.bits_) == o.bits_; }

    friend constexpr level_set operator|(level_set a, level_set b) noexcept {
        return from_bits(a.bits_ | b.bits_);
    }
    friend constexpr level_set operator&(level_set a, level_set b) noexcept {
        return from_bits(a.bits_ & b.bits_);
    }
    friend constexpr level_set operator-(level_set a, level_set b) noexcept {
        return from_bits(a.bits_ & ~b.bits_ & 7u);
    }
    friend constexpr bool operator==(level_set a, level_set b) noexcept {
        return a.bits_ == b.bits_;
    }
    friend constexpr bool operator!=(level_set a, level_set b) noexcept {
        return a.bits_ != b.bits_;
    }

    class iterator {
    public:
        constexpr iterator(std::uint8_t bits, unsigned i) noexcept : bits_(bits), i_(i) { skip(); }
        constexpr level operator*() const noexcept { return all_levels[i_]; }
        constexpr iterator& operator++() noexcept {
            ++i_;
            skip();
            return *this;
        }
        constexpr bool operator!=(const iterator& o) const noexcept { return i_ != o.i_; }
        constexpr bool operator==(const iterator& o) const noexcept { return i_ == o.i_; }

    private:
        constexpr void skip() noexcept {
            while (i_ < 3 && !((bits_ >> i_) & 1u)) ++i_;
        }
        std::uint8_t bits_;
        unsigned i_;
    };
    constexpr iterator begin() const noexcept { return {bits_, 0}; }
    constexpr iterator end() const noexcept { return {bits_, 3}; }

private:
    static constexpr std::uint8_t bit(level l) noexcept {
        return static_cast<std::uint8_t>(1u << index_of(l));
    }
    std::uint8_t bits_ = 0;
};

/// One value per level, indexed by level.
template <class T>
struct per_level {
    std::array<T, 3> values{};
    constexpr T& operator[](level l) noexcept { return values[index_of(l)]; }
    constexpr const T& operator[](level l) const noexcept { return values[index_of(l)]; }
};

} // namespace mamisguide
