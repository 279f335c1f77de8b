/*
 * rx-lsp's own addition to the tree-sitter core library, compiled into it by build-native.sh
 * together with the pinned tree-sitter sources, whose internal headers it reads.
 *
 * It walks a whole tree and writes, for each visible node in pre-order, the facts rx-lsp's copy
 * needs into a buffer. The Java side would otherwise pay several downcalls per node (~100 ns
 * each under the JVM's C1 compiler, which `rx-lsp check` runs on), and a Nix tree has about one
 * node per four bytes of text. The walk visits nodes as tree-sitter's tree cursor does (hidden
 * nodes are looked through, aliases applied) and names fields as ts_tree_cursor_current_field_id
 * does (a node's own field, else that of the nearest hidden ancestor that fills one, not looking
 * past an extra node). rx-lsp's TreeCopierTest compares its copies with the cursor's node by node.
 * Libraries given from outside lack these functions; rx-lsp then walks with the cursor (slower).
 */
#include <stdint.h>
#include "./alloc.h"
#include "./language.h"
#include "./subtree.h"
#include "./tree.h"

#if defined(_WIN32)
#define RXLSP_EXPORT __declspec(dllexport)
#else
#define RXLSP_EXPORT __attribute__((visibility("default")))
#endif

/* A record: RXLSP_RECORD 32-bit values per node (see rxlsp_walk_next). */
#define RXLSP_RECORD 6
#define RXLSP_NAMED 1
#define RXLSP_EXTRA 2
#define RXLSP_MISSING 4
#define RXLSP_HAS_ERROR 8
#define RXLSP_FLAG_BITS 4

/* A node whose children are being walked: a visible one, or a hidden one looked through. */
typedef struct {
  Subtree parent;
  uint32_t child_index;
  uint32_t structural_index;
  /* where the next child starts (its padding skipped) */
  Length position;
  /* depth of the visible nodes found among these children (the root is at 0) */
  uint32_t depth;
  /* the field a child without one of its own fills: the hidden parent's own, or inherited */
  TSFieldId through;
  const TSSymbol *aliases;
  const TSFieldMapEntry *fields;
  const TSFieldMapEntry *fields_end;
} Level;

typedef struct {
  const TSTree *tree;
  uint32_t max_depth;
  Level *stack;
  uint32_t size;
  uint32_t capacity;
  int root_written;
  int cut;
} RxlspWalk;

static int push(RxlspWalk *w, Subtree parent, Length position, uint32_t depth, TSFieldId through) {
  if (w->size == w->capacity) {
    uint32_t capacity = w->capacity ? 2 * w->capacity : 64;
    Level *grown = ts_realloc(w->stack, capacity * sizeof(Level));
    if (!grown) {
      return 0;
    }
    w->stack = grown;
    w->capacity = capacity;
  }
  Level *l = &w->stack[w->size++];
  uint16_t production = parent.ptr->production_id;
  l->parent = parent;
  l->child_index = 0;
  l->structural_index = 0;
  l->position = position;
  l->depth = depth;
  l->through = through;
  l->aliases = ts_language_alias_sequence(w->tree->language, production);
  ts_language_field_map(w->tree->language, production, &l->fields, &l->fields_end);
  return 1;
}

static void write_record(const RxlspWalk *w, int32_t *r, const Subtree *node, TSSymbol alias, uint32_t start, uint32_t depth,
                  TSFieldId field) {
  Subtree t = *node;
  TSSymbol symbol = alias ? alias : ts_subtree_symbol(t);
  int named = alias ? ts_language_symbol_metadata(w->tree->language, alias).named : ts_subtree_named(t);
  int32_t flags = (named ? RXLSP_NAMED : 0) | (ts_subtree_extra(t) ? RXLSP_EXTRA : 0)
                  | (ts_subtree_missing(t) ? RXLSP_MISSING : 0) | (ts_subtree_error_cost(t) > 0 ? RXLSP_HAS_ERROR : 0);
  uint64_t id = (uint64_t) (uintptr_t) node;
  r[0] = (int32_t) ((uint32_t) symbol | (uint32_t) field << 16);
  r[1] = (int32_t) (depth << RXLSP_FLAG_BITS) | flags;
  r[2] = (int32_t) start;
  r[3] = (int32_t) (start + ts_subtree_size(t).bytes);
  r[4] = (int32_t) (uint32_t) id;
  r[5] = (int32_t) (uint32_t) (id >> 32);
}

/* A walk of `tree` that leaves out the children of nodes at depth max_depth - 1; NULL without memory. */
RXLSP_EXPORT RxlspWalk *rxlsp_walk_new(const TSTree *tree, uint32_t max_depth) {
  RxlspWalk *w = ts_calloc(1, sizeof(RxlspWalk));
  if (w) {
    w->tree = tree;
    w->max_depth = max_depth;
  }
  return w;
}

/*
 * Writes the next at most `capacity` nodes to `out` and returns how many, 0 when the walk is over,
 * -1 without memory. A record: the symbol (low 16 bits) and field id (high 16 bits); the depth
 * shifted left by RXLSP_FLAG_BITS, with the flags; start and end byte; the node's id (TSNode.id),
 * low then high 32 bits.
 */
RXLSP_EXPORT int32_t rxlsp_walk_next(RxlspWalk *w, int32_t *out, int32_t capacity) {
  int32_t n = 0;
  if (!w->root_written) {
    if (capacity < 1) {
      return 0;
    }
    const Subtree *root = &w->tree->root;
    Length start = ts_subtree_padding(*root);
    write_record(w, out, root, 0, start.bytes, 0, 0);
    n++;
    w->root_written = 1;
    if (ts_subtree_visible_child_count(*root) > 0) {
      if (w->max_depth > 1) {
        if (!push(w, *root, start, 1, 0)) {
          return -1;
        }
      } else {
        w->cut = 1;
      }
    }
  }
  while (w->size > 0 && n < capacity) {
    Level *l = &w->stack[w->size - 1];
    uint32_t count = l->parent.ptr->child_count;
    if (l->child_index == count) {
      w->size--;
      continue;
    }
    const Subtree *children = ts_subtree_children(l->parent);
    const Subtree *child = &children[l->child_index];
    Length start = l->position;
    int extra = ts_subtree_extra(*child);
    int visible = ts_subtree_visible(*child);
    TSSymbol alias = 0;
    TSFieldId own = 0;
    if (!extra) {
      uint32_t structural = l->structural_index++;
      if (l->aliases) {
        alias = l->aliases[structural];
        visible |= alias != 0;
      }
      for (const TSFieldMapEntry *f = l->fields; f < l->fields_end; f++) {
        if (!f->inherited && f->child_index == structural) {
          own = f->field_id;
          break;
        }
      }
    }
    l->position = length_add(start, ts_subtree_size(*child));
    if (++l->child_index < count) {
      l->position = length_add(l->position, ts_subtree_padding(children[l->child_index]));
    }
    /* the field this node fills, and passes on to its children if it is hidden */
    TSFieldId field = extra ? 0 : own ? own : l->through;
    uint32_t depth = l->depth;
    if (visible) {
      write_record(w, out + (size_t) RXLSP_RECORD * n++, child, alias, start.bytes, depth, field);
    }
    if (ts_subtree_visible_child_count(*child) > 0) {
      if (!visible) {
        if (!push(w, *child, start, depth, field)) {
          return -1;
        }
      } else if (depth + 1 < w->max_depth) {
        /* a node made visible only by an alias is looked through when its children's fields are named */
        if (!push(w, *child, start, depth + 1, ts_subtree_visible(*child) ? 0 : field)) {
          return -1;
        }
      } else {
        w->cut = 1;
      }
    }
  }
  return n;
}

/* Frees the walk; returns 1 if it left out the children of nodes at depth max_depth - 1, else 0. */
RXLSP_EXPORT int32_t rxlsp_walk_delete(RxlspWalk *w) {
  int32_t cut = w->cut;
  ts_free(w->stack);
  ts_free(w);
  return cut;
}
