#!/bin/sh
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Builds the C consumer with pkg-config against the installed prefix and runs it.
set -eu
prefix=$1 src=$2 out=$3
mkdir -p "$out"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/x86_64-linux-gnu/pkgconfig:$prefix/share/pkgconfig"
cc -std=c11 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags mamisguide) "$src/consumer.c" \
   -o "$out/consumer_pc" $(pkg-config --libs mamisguide)
libdir=$(pkg-config --variable=libdir mamisguide)
LD_LIBRARY_PATH="$libdir" "$out/consumer_pc"
