// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — a vector of fixed capacity with inline storage: what the hot path uses instead
// of std::vector, so building a plan never touches the heap.
#pragma once

#include <cassert>
#include <cstddef>

namespace mamisguide {

template <class T, std::size_t N>
class fixed_vector {
public:
    using value_type = T;
    using const_iterator = const T*;

    constexpr fixed_vector() noexcept = default;

    constexpr void push_back(const T& v) noexcept {
        assert(size_ < N && "fixed_vector capacity exceeded");
        if (size_ < N) items_[size_++] = v;
    }
    constexpr void clear() noexcept { size_ = 0; }
    constexpr std::size_t size() const noexcept { return size_; }
    static constexpr std::size_t capacity() noexcept { return N; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
    constexpr T& operator[](std::size_t i) noexcept { return items_[i]; }
    constexpr const T* begin() const noexcept { return items_; }
    constexpr const T* end() const noexcept { return items_ + size_; }
    constexpr T* begin() noexcept { return items_; }
    constexpr T* end() noexcept { return items_ + size_; }
    constexpr const T& back() const noexcept { return items_[size_ - 1]; }

private:
    T items_[N]{};
    std::size_t size_ = 0;
};

} // namespace mamisguide
