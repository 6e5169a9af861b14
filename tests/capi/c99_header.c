/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* The header is C99-clean: this compiles as C99 with -pedantic -Werror and links. */
#include <mamisguide.h>

int main(void) {
    mg_engine* e = 0;
    mg_result r = MG_RESULT_INIT; /* the initializers are C99 too */
    mg_holiday_info h[1] = {MG_HOLIDAY_INFO_INIT};
    int ok = mg_engine_new(&e) == MG_OK && mg_version_number() == MG_VERSION_NUMBER &&
             r.version == MG_RESULT_VERSION && h[0].version == MG_HOLIDAY_INFO_VERSION;
    mg_engine_free(e);
    return ok ? 0 : 1;
}
