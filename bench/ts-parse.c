/*
 * Parses every file named in a list (one path per line) with tree-sitter-nix, as bin/rx-lsp's
 * parser does but without the JVM, and prints the CPU time spent inside the parse calls only
 * (reading files and converting the text are not counted). Used by bench/ts-parse-vs-nix.sh to
 * show how fast tree-sitter itself is on a corpus, next to nix-instantiate --parse.
 *
 *   ts-parse LIST [utf16]     utf16: hand the text over as UTF-16LE, as rx-lsp does
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_nix(void);

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: ts-parse LIST [utf16]\n");
    return 2;
  }
  int utf16 = argc > 2 && strcmp(argv[2], "utf16") == 0;
  FILE *list = fopen(argv[1], "r");
  if (!list) {
    perror(argv[1]);
    return 2;
  }
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_nix());
  char path[8192];
  size_t bytes = 0;
  int files = 0, with_errors = 0;
  double parsing = 0;
  while (fgets(path, sizeof path, list)) {
    path[strcspn(path, "\n")] = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
      perror(path);
      return 2;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t) n) {
      perror(path);
      return 2;
    }
    fclose(f);
    char *input = text;
    long length = n;
    if (utf16) { /* widening is exact for ASCII; other bytes only need to cost the same */
      input = malloc(2 * n + 2);
      for (long i = 0; i < n; i++) {
        input[2 * i] = text[i];
        input[2 * i + 1] = 0;
      }
      length = 2 * n;
    }
    double start = cpu_seconds();
    TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, input, length,
                                                   utf16 ? TSInputEncodingUTF16LE : TSInputEncodingUTF8);
    parsing += cpu_seconds() - start;
    with_errors += ts_node_has_error(ts_tree_root_node(tree));
    ts_tree_delete(tree);
    if (utf16) {
      free(input);
    }
    free(text);
    bytes += n;
    files++;
  }
  printf("%d %zu %.4f %d\n", files, bytes, parsing, with_errors);
  ts_parser_delete(parser);
  return 0;
}
