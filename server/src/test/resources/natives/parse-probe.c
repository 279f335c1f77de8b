/*
 * Loads the two tree-sitter libraries of a natives folder the way the server does (the core first,
 * with its symbols global, then the grammar), parses a file with tree_sitter_nix and prints the
 * tree's S-expression, then the records rx-lsp's own walk (grammar/native/rxlsp-walk.c) writes for
 * it, without the node ids (addresses). PackagedNativesIT builds it for the host and for
 * linux-aarch64 (run under qemu-aarch64) and compares the outputs: a cross-built library that loads
 * but parses or walks differently fails there. Only exported functions are used, through dlsym, so
 * no header is needed.
 *
 *   parse-probe NATIVES_DIR FILE
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* TSNode as api.h declares it: four uint32_t of context, the subtree id and the tree */
typedef struct {
    uint32_t context[4];
    const void *id;
    const void *tree;
} TSNode;

static void *load(const char *dir, const char *name, int flags) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    void *lib = dlopen(path, flags);
    if (lib == NULL) {
        fprintf(stderr, "parse-probe: %s\n", dlerror());
        exit(2);
    }
    return lib;
}

static void *symbol(void *lib, const char *name) {
    void *s = dlsym(lib, name);
    if (s == NULL) {
        fprintf(stderr, "parse-probe: no %s\n", name);
        exit(2);
    }
    return s;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: parse-probe NATIVES_DIR FILE\n");
        return 2;
    }
    void *core = load(argv[1], "libtree-sitter.so", RTLD_NOW | RTLD_GLOBAL);
    void *nix = load(argv[1], "libtree-sitter-nix.so", RTLD_NOW);
    void *(*parser_new)(void) = symbol(core, "ts_parser_new");
    int (*set_language)(void *, const void *) = symbol(core, "ts_parser_set_language");
    void *(*parse)(void *, const void *, const char *, uint32_t) = symbol(core, "ts_parser_parse_string");
    TSNode (*root_node)(const void *) = symbol(core, "ts_tree_root_node");
    char *(*node_string)(TSNode) = symbol(core, "ts_node_string");
    const void *(*language)(void) = symbol(nix, "tree_sitter_nix");

    FILE *f = fopen(argv[2], "rb");
    if (f == NULL) {
        perror(argv[2]);
        return 2;
    }
    static char text[1 << 22];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);

    void *parser = parser_new();
    if (!set_language(parser, language())) {
        fprintf(stderr, "parse-probe: ts_parser_set_language refused tree_sitter_nix\n");
        return 3;
    }
    void *tree = parse(parser, NULL, text, (uint32_t) n);
    printf("%s\n", node_string(root_node(tree)));

    void *(*walk_new)(const void *, uint32_t) = symbol(core, "rxlsp_walk_new");
    int32_t (*walk_next)(void *, int32_t *, int32_t) = symbol(core, "rxlsp_walk_next");
    int32_t (*walk_delete)(void *) = symbol(core, "rxlsp_walk_delete");
    void *walk = walk_new(tree, 2000);
    static int32_t records[6 * 64];
    int32_t count;
    while ((count = walk_next(walk, records, 64)) > 0) {
        for (int32_t i = 0; i < count; i++) {
            int32_t *r = records + 6 * i;
            printf("%d %d %d %d %d\n", r[0], r[1], r[2], r[3], r[4] == 0 && r[5] == 0);
        }
    }
    printf("walk %d, cut %d\n", count, walk_delete(walk));
    return 0;
}
