/*
 * Parser for MCL, the language of the mgmt configuration engine.
 *
 * Written for rx-lsp to accept exactly the programs mgmt's goyacc parser (lang/parser/parser.y)
 * accepts, with the same grouping of operators, in two dialects chosen with the `legacy` field
 * before parsing (the lexer has the same field and must agree):
 *
 *   legacy == false  mgmt 1.1 and later. Statements end with NEWLINE; lists, maps, structs and
 *                    argument lists are either single-line (no trailing comma) or multi-line (a
 *                    newline after the opener, then `element ,` NEWLINE per element); `<|>` falls
 *                    back on a run-time error; `||` is accepted where mgmt 1.1.0 accepted it, directly
 *                    after an index or field lookup.
 *   legacy == true   mgmt 1.0.x. Newlines are whitespace (the lexer hides them); every list, map and
 *                    struct element is followed by `,`; argument lists may start with a stray `,`;
 *                    struct types may start with a stray `;`; `||` is the lookup default with its
 *                    1.0 precedence; `and`/`or` share a level and `in` binds tightest.
 *
 * Operator precedence, loosest first (mgmt 1.1+):
 *   <|>  left            except level        expr
 *   or   left                                orExpr
 *   and  left                                andExpr
 *   == != < > <= >= in   non-associative     cmpExpr
 *   + -  left                                addExpr
 *   * /  left                                mulExpr
 *   not  prefix                              unaryExpr
 *   [i] ->f  postfix                         postfixExpr / postfixOp
 * The struct-field default `$st->f <|> d` binds to its `->` like a postfix (`$x + $st->f <|> $d` is
 * `$x + ($st->f <|> $d)`), while its default `d` extends over everything tighter than `<|>`; it is
 * therefore parsed inside postfixOp, with its default as an orExpr.
 *
 * mgmt 1.0.x: `and`/`or` share andExpr (orExpr never loops); comparisons exclude `in`; `not` takes a
 * postfix chain; in that chain `in` (inTail) binds tighter than `[i]` and `->f`, so `$a in $l[0]` is
 * `($a in $l)[0]`, and `[i] || d` / `->f || d` take a default that extends only over `[i]` and `in`
 * (defaultOperand), so `$m[k] || "b" + "c"` is `($m[k] || "b") + "c"`.
 *
 * A postfix chain is flat: in `primary inTail? postfixOp*` every element applies to everything on its
 * left, and an inTail inside a postfixOp applies to the chain up to and including that postfixOp.
 * In mgmt's terms: a binary operator or `not` is _operator(op, …); `in` (cmpOp or inTail) is
 * contains(needle, haystack); indexOp is _lookup, with DEFAULT _lookup_default; fieldOp is
 * _struct_lookup, with EXCEPT or DEFAULT _struct_lookup_optional; EXCEPT in expr is ExprExcept.
 *
 * The defaults (exceptOperand, defaultOperand) overlap the operator loops around them, as the yacc
 * grammar does: in `$x + $st->f <|> $a + 1` the `+ 1` could continue either. ANTLR takes the inner,
 * greedy reading, which is yacc's shift and mgmt's grouping; a trailing predicate rejects the one
 * case where the outer reading would accept what mgmt rejects (a second comparison).
 *
 * The dialects are told apart by semantic predicates on `legacy`, placed where one token decides, so
 * prediction never looks far ahead; where possible the predicate follows the deciding token so that
 * an error lands on the token mgmt reports.
 */
parser grammar MclParser;

options { tokenVocab = MclLexer; contextSuperClass = MclRuleContext; }

@members {
    /** {@code true} selects the mgmt 1.0.x dialect, {@code false} (the default) mgmt 1.1 and later. */
    public boolean legacy = false;

    /**
     * True when the next token is a comparison operator. Used after a default that extends to the
     * comparison level: there a further comparison is the non-associative case mgmt rejects, and it
     * must not be taken by an enclosing comparison instead.
     */
    protected boolean comparisonAhead() {
        switch (_input.LA(1)) {
            case EQ: case NEQ: case LT: case GT: case LTE: case GTE:
                return true;
            case IN:
                return !legacy;
            default:
                return false;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Programs and statements

file : prog EOF ;

// Entry points for error recovery, which re-parses the rest of a block after a broken statement or
// resource item: the parse ends at the block's closing brace, wherever that is in the file.
block : prog CLOSE_CURLY ;

resourceBlock : resourceBody CLOSE_CURLY ;

prog : ( stmt stmtEnd | NEWLINE )* ;

// 1.1+: every statement ends with a newline; 1.0: statements are simply juxtaposed.
stmtEnd
  : NEWLINE
  | {legacy}?<fail={"expecting NEWLINE"}>
  ;

stmt
  : bind
  | panicStmt
  | collectStmt
  | resource
  | edge
  | ifStmt
  | forStmt
  | forKvStmt
  | funcStmt
  | classStmt
  | includeStmt
  | importStmt
  ;

bind : varName type? EQUALS expr ;

// `panic(x)`; with two arguments mgmt calls panic_debug.
panicStmt : PANIC_IDENTIFIER OPEN_PAREN callArgs CLOSE_PAREN ;

collectStmt : COLLECT_IDENTIFIER resource ;

ifStmt : IF expr OPEN_CURLY prog CLOSE_CURLY ( ELSE OPEN_CURLY prog CLOSE_CURLY )? ;

// `for $index, $value in list { … }`
forStmt : FOR varName COMMA varName IN expr OPEN_CURLY prog CLOSE_CURLY ;

// `forkv $key, $value in map { … }`
forKvStmt : FORKV varName COMMA varName IN expr OPEN_CURLY prog CLOSE_CURLY ;

funcStmt : FUNC_IDENTIFIER IDENTIFIER OPEN_PAREN params CLOSE_PAREN type? funcBody ;

// `class a:b { … }` nests class b inside class a.
classStmt : CLASS_IDENTIFIER colonIdent ( OPEN_PAREN params CLOSE_PAREN )? OPEN_CURLY prog CLOSE_CURLY ;

includeStmt : INCLUDE_IDENTIFIER dottedIdent ( OPEN_PAREN callArgs CLOSE_PAREN )? ( AS_IDENTIFIER IDENTIFIER )? ;

importStmt : IMPORT_IDENTIFIER STRING ( AS_IDENTIFIER ( IDENTIFIER | MULTIPLY ) )? ;

// ---------------------------------------------------------------------------------------------
// Resources and edges

// The kind is a colon identifier (`http:server:ui`), the name any expression (str or []str).
resource : colonIdent expr OPEN_CURLY resourceBody CLOSE_CURLY ;

// Items may share a line; newlines may separate them (1.1+), never split one.
resourceBody : ( resItem | NEWLINE )* ;

// With ELVIS the first expression is the condition. A CAPITALIZED_IDENTIFIER item with an edge half
// is an edge property (Before, Depend, Notify, Listen); with an expression it is `Meta => struct{…}`.
// Capitalized names other than Meta in the meta forms are rejected after parsing, as mgmt does.
resItem
  : IDENTIFIER ROCKET expr ( ELVIS expr )? COMMA                                              #resField
  | CAPITALIZED_IDENTIFIER COLON IDENTIFIER ROCKET expr ( ELVIS expr )? COMMA                 #resMeta
  | CAPITALIZED_IDENTIFIER ROCKET ( edgeHalf | expr ( ELVIS ( edgeHalf | expr ) )? ) COMMA    #resProperty
  ;

// `A["a"] -> B["b"] -> …` (a chain; a single half parses and is rejected later) or, with fields,
// exactly two halves: `A["a"].out -> B["b"].in` (send/recv).
edge : edgeHalf ( DOT IDENTIFIER ARROW edgeHalf DOT IDENTIFIER | ( ARROW edgeHalf )* ) ;

edgeHalf : capResIdent OPEN_BRACK expr CLOSE_BRACK ;

// ---------------------------------------------------------------------------------------------
// Expressions, loosest level first

expr : orExpr ( EXCEPT orExpr )* ;

orExpr : andExpr ( OR andExpr )* ;

andExpr : cmpExpr ( ( AND | {legacy}? OR ) cmpExpr )* ;

// Non-associative: at most one comparison per level (`a < b < c` is an error).
cmpExpr : addExpr ( cmpOp addExpr )? ;

cmpOp : EQ | NEQ | LT | GT | LTE | GTE | {!legacy}? IN ;

addExpr : mulExpr ( ( PLUS | MINUS ) mulExpr )* ;

mulExpr : unaryExpr ( ( MULTIPLY | DIVIDE ) unaryExpr )* ;

unaryExpr
  : NOT unaryExpr
  | postfixExpr
  ;

postfixExpr : primary inTail? postfixOp* ;

postfixOp
  : OPEN_BRACK expr CLOSE_BRACK ( inTail | DEFAULT defaultOperand )?                                #indexOp
  | ARROW IDENTIFIER ( inTail | DEFAULT defaultOperand | EXCEPT exceptOperand )?                   #fieldOp
  ;

// 1.0 only: `in` binding tighter than the postfix operators.
inTail : {legacy}? IN inOperand ;

inOperand
  : NOT unaryExpr
  | primary
  ;

// The default after `[i] ||` or `->f ||`. 1.0: only `[i]` and `in` bind tighter than `||`.
// 1.1 (the 1.1.0 form): `||` is the loosest operator, so the default is a whole expression.
defaultOperand
  : {legacy}? NOT unaryExpr
  | {legacy}? primary inTail? legacyIndexOp*
  | {!legacy}? expr {!comparisonAhead()}?<fail={"comparison operators are non-associative"}>
  ;

legacyIndexOp : OPEN_BRACK expr CLOSE_BRACK ( inTail | DEFAULT defaultOperand )? ;

// The default of `$st->f <|> d`: everything tighter than `<|>`.
exceptOperand : orExpr {!comparisonAhead()}?<fail={"comparison operators are non-associative"}> ;

primary
  : BOOL                                                      #boolLit
  | STRING                                                    #stringLit
  | INTEGER                                                   #intLit
  | FLOAT                                                     #floatLit
  | list                                                      #listLit
  | map                                                       #mapLit
  | struct                                                    #structLit
  | dottedIdent OPEN_PAREN callArgs CLOSE_PAREN               #callExpr
  | varRef ( OPEN_PAREN callArgs CLOSE_PAREN )?               #varExpr
  | lambda ( OPEN_PAREN callArgs CLOSE_PAREN )?               #lambdaExpr
  | IF expr OPEN_CURLY NEWLINE* expr NEWLINE* CLOSE_CURLY
        ELSE OPEN_CURLY NEWLINE* expr NEWLINE* CLOSE_CURLY    #ifExpr
  | OPEN_PAREN expr CLOSE_PAREN                               #parenExpr
  ;

lambda : FUNC_IDENTIFIER OPEN_PAREN params CLOSE_PAREN type? funcBody ;

// A function body is a single expression.
funcBody : OPEN_CURLY NEWLINE* expr NEWLINE* CLOSE_CURLY ;

// ---------------------------------------------------------------------------------------------
// Containers and argument lists. 1.1+: empty, single-line (`,` between elements, none after the
// last) or multi-line (NEWLINE after the opener, then every element followed by `,` NEWLINE; blank
// lines allowed). 1.0: literals put `,` after every element; argument lists put `,` between
// elements and accept one stray `,` before the first.

list : OPEN_BRACK
       ( NEWLINE ( expr COMMA NEWLINE | NEWLINE )*
       | expr ( COMMA expr )* trailingComma
       )? CLOSE_BRACK ;

map : OPEN_CURLY
      ( NEWLINE ( mapEntry COMMA NEWLINE | NEWLINE )*
      | mapEntry ( COMMA mapEntry )* trailingComma
      )? CLOSE_CURLY ;

mapEntry : expr ROCKET expr ;

struct : STRUCT_IDENTIFIER OPEN_CURLY
         ( NEWLINE ( structField COMMA NEWLINE | NEWLINE )*
         | structField ( COMMA structField )* trailingComma
         )? CLOSE_CURLY ;

structField : IDENTIFIER ROCKET expr ;

trailingComma
  : {!legacy}?<fail={"expecting COMMA (mgmt 1.0 ends every element with a comma)"}>
  | COMMA {legacy}?<fail={"a single-line list takes no trailing comma"}>
  ;

callArgs
  : ( NEWLINE ( expr COMMA NEWLINE | NEWLINE )*
    | leadingComma? expr ( COMMA expr )*
    )? ;

params
  : ( NEWLINE ( param COMMA NEWLINE | NEWLINE )*
    | leadingComma? param ( COMMA param )*
    )? ;

param : varName type? ;

leadingComma : {legacy}?<fail={"only mgmt 1.0 accepts a leading comma"}> COMMA ;

// ---------------------------------------------------------------------------------------------
// Types

type
  : ( BOOL_IDENTIFIER | STR_IDENTIFIER | INT_IDENTIFIER | FLOAT_IDENTIFIER | VARIANT_IDENTIFIER )   #scalarType
  | OPEN_BRACK CLOSE_BRACK type                                                                     #listType
  | MAP_IDENTIFIER OPEN_CURLY type COLON type CLOSE_CURLY                                           #mapType
  | STRUCT_IDENTIFIER OPEN_CURLY ( leadingSemicolon? structTypeField ( SEMICOLON structTypeField )* )? CLOSE_CURLY  #structType
  | FUNC_IDENTIFIER OPEN_PAREN funcTypeArgs CLOSE_PAREN type                                        #funcType
  ;

structTypeField : IDENTIFIER type ;

leadingSemicolon : {legacy}?<fail={"only mgmt 1.0 accepts a leading semicolon"}> SEMICOLON ;

funcTypeArgs
  : ( NEWLINE ( funcTypeArg COMMA NEWLINE | NEWLINE )*
    | leadingComma? funcTypeArg ( COMMA funcTypeArg )*
    )? ;

funcTypeArg : varName? type ;

// ---------------------------------------------------------------------------------------------
// Names

// A variable being defined (bind, argument, loop variable): `$name`, where `$` is its own token.
varName : DOLLAR undottedIdent ;

// A variable reference: `$name` or `$pkg.name`.
varRef : DOLLAR dottedIdent ;

undottedIdent : IDENTIFIER | MAP_IDENTIFIER | COLLECT_IDENTIFIER ;

dottedIdent : undottedIdent ( DOT undottedIdent )* ;

colonIdent : IDENTIFIER ( COLON IDENTIFIER )* ;

capResIdent : CAPITALIZED_IDENTIFIER ( COLON CAPITALIZED_IDENTIFIER )* ;
