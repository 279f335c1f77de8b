/*
 * Lexer for MCL, the language of the mgmt configuration engine.
 *
 * Written for rx-lsp from the behaviour of mgmt's nex lexer (lang/parser/lexer.nex) as documented in
 * the project's MCL reference. Token names follow mgmt's so that messages can use the same vocabulary.
 *
 * Matching is longest-match, ties going to the rule listed first, exactly as in mgmt; the rule order
 * below therefore matters: keywords precede IDENTIFIER, so `in` is IN but `int8` is an IDENTIFIER.
 *
 * One set of generated classes serves both dialects, chosen with the `legacy` field before lexing:
 *   legacy == false  mgmt 1.1 and later: `\n` is the NEWLINE token, `<|>` is EXCEPT.
 *   legacy == true   mgmt 1.0.x: `\n` is whitespace (NEWLINE goes to the HIDDEN channel), there is no
 *                    `<|>` (its `<` lexes as LT and the `|` as ERROR).
 * `||` (DEFAULT, the lookup default of 1.0.x and 1.1.0) is produced in both dialects; the parser
 * decides where it may appear.
 */
lexer grammar MclLexer;

channels { COMMENTS }

@members {
    /** {@code true} selects the mgmt 1.0.x dialect, {@code false} (the default) mgmt 1.1 and later. */
    public boolean legacy = false;
}

WS : [ \t]+ -> skip ;

NEWLINE : '\n' { if (legacy) setChannel(HIDDEN); } ;

// `#` to the end of the line. Kept (mgmt collects comments on a side list for its formatter); the
// newline after it is a NEWLINE of its own. A `\r` before that newline belongs to the comment.
COMMENT : '#' ~'\n'* -> channel(COMMENTS) ;

OPEN_CURLY  : '{' ;
CLOSE_CURLY : '}' ;
OPEN_PAREN  : '(' ;
CLOSE_PAREN : ')' ;
OPEN_BRACK  : '[' ;
CLOSE_BRACK : ']' ;

IF   : 'if' ;
ELSE : 'else' ;

ELVIS   : '?:' ;
EXCEPT  : '<|>' {!legacy}? ;
DEFAULT : '||' ;
ROCKET  : '=>' ;

COMMA     : ',' ;
COLON     : ':' ;
SEMICOLON : ';' ;
EQUALS    : '=' ;

PLUS     : '+' ;
MINUS    : '-' ;
MULTIPLY : '*' ;
DIVIDE   : '/' ;

EQ  : '==' ;
NEQ : '!=' ;
LT  : '<' ;
GT  : '>' ;
LTE : '<=' ;
GTE : '>=' ;

AND : 'and' ;
OR  : 'or' ;
NOT : 'not' ;
IN  : 'in' ;

FOR   : 'for' ;
FORKV : 'forkv' ;

ARROW  : '->' ;
DOT    : '.' ;
DOLLAR : '$' ;

BOOL_IDENTIFIER    : 'bool' ;
STR_IDENTIFIER     : 'str' ;
INT_IDENTIFIER     : 'int' ;
FLOAT_IDENTIFIER   : 'float' ;
MAP_IDENTIFIER     : 'map' ;
STRUCT_IDENTIFIER  : 'struct' ;
FUNC_IDENTIFIER    : 'func' ;
CLASS_IDENTIFIER   : 'class' ;
INCLUDE_IDENTIFIER : 'include' ;
IMPORT_IDENTIFIER  : 'import' ;
AS_IDENTIFIER      : 'as' ;
VARIANT_IDENTIFIER : 'variant' ;

BOOL : 'true' | 'false' ;

PANIC_IDENTIFIER   : 'panic' ;
COLLECT_IDENTIFIER : 'collect' ;

// Quotes included; escapes are not decoded here (mgmt does that at its Interpolate stage). May span
// lines. As in mgmt a backslash may also stand for itself, so with longest match a literal ending
// in an escaped backslash runs on to a later quote when there is one.
STRING : '"' ( '\\' . | ~'"' )* '"' ;

// The sign belongs to the number: `1-2` is INTEGER INTEGER (a syntax error), as in mgmt. Range
// (int64, float64) is checked after lexing.
INTEGER : '-'? [0-9]+ ;
FLOAT   : '-'? [0-9]+ '.' [0-9]+ ;

// Lower case only, may not start or end with `_`.
IDENTIFIER : [a-z] ( [a-z0-9_]* [a-z0-9] )? ;

// Only the first letter upper case (mgmt lower-cases the value: `Pkg` means `pkg`).
CAPITALIZED_IDENTIFIER : [A-Z] ( [a-z0-9_]* [a-z0-9] )? ;

// Anything else, including `\r` (mgmt rejects CRLF input) and a lone `|`. The parser accepts this
// token nowhere; MclSyntax reports it as mgmt's lexer error `unrecognized`.
ERROR : . ;
