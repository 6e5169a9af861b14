/* The header is C99-clean: this compiles as C99 with -pedantic -Werror and links. */
#include <mamisguide.h>

int main(void) {
    mg_engine* e = 0;
    int ok = mg_engine_new(&e) == MG_OK && mg_version_number() == MG_VERSION_NUMBER;
    mg_engine_free(e);
    return ok ? 0 : 1;
}
