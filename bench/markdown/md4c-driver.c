/* md4c as a command line tool for the Markdown benchmark: md4c-driver [--gfm] FILE writes FILE's HTML
   to standard output (CommonMark dialect, or GitHub's with --gfm). Built by bench/markdown/run.sh. */
#include <md4c-html.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out(const MD_CHAR *text, MD_SIZE size, void *user) { (void)user; fwrite(text, 1, size, stdout); }

int main(int argc, char **argv) {
    FILE *f = argc > 1 ? fopen(argv[argc - 1], "rb") : NULL;
    if (!f) return 2;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buffer = malloc(n > 0 ? n : 1);
    if (!buffer || fread(buffer, 1, n, f) != (size_t)n) return 2;
    unsigned flags = (argc > 2 && strcmp(argv[1], "--gfm") == 0) ? MD_DIALECT_GITHUB : MD_DIALECT_COMMONMARK;
    return md_html(buffer, (MD_SIZE)n, out, NULL, flags, 0) != 0;
}
