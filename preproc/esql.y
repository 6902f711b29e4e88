// Grammar of the statements ECPG embeds in C (EXEC SQL ...) and of C
// declarations in declare sections. SQL that ECPG does not define is not
// parsed at all: the driver keeps it as a token sequence.
%require "3.5"
%language "c++"
%skeleton "lalr1.cc"
%header
%define api.namespace {pgesql::pp}
%define api.parser.class {Parser}
%define api.token.constructor
%define api.value.type variant
%define api.token.prefix {TOK_}
%define api.location.type {pgesql::pp::Span}
%define parse.error detailed
%define parse.lac full
%locations
%param {pgesql::pp::Driver &drv}
%expect 0

%code requires {
#include <string>
#include <vector>
#include "ast.hpp"
#include "location.hpp"
namespace pgesql::pp { class Driver; }
}

%code {
#include "driver.hpp"
namespace pgesql::pp {
Parser::symbol_type yylex(Driver &drv) { return drv.next(); }
}
}

%token START_ECPG START_DECL
%token YYEOF 0 "end of statement"
%token <std::string> IDENT "identifier" QIDENT "quoted identifier" STRING "string constant"
%token <std::string> NUMBER "number" HOSTVAR "host variable" OP "operator" TYPE_NAME "type name"
%token <std::string> PPLINE "preprocessor line" BAD "invalid character" CXX_TYPE "C++ type"
%token <std::string> LPAREN "(" RPAREN ")" LBRACE "{" RBRACE "}" LBRACK "[" RBRACK "]"
%token <std::string> COMMA "," SEMI ";" STAR "*" EQ "=" DOT "." COLON ":"
/* ECPG statement words (SQL mode, any case) */
%token <std::string> ALL ALLOCATE AUTOCOMMIT BEGIN BREAK BY CALL CLOSE CONNECT CONNECTION CONTINUE
%token <std::string> COUNT CURRENT CURSOR DEALLOCATE DECLARE DEFAULT DEFINE DESCRIBE DESCRIPTOR
%token <std::string> DISCONNECT DO ELIF ELSE END ENDIF EXECUTE FETCH FOR FOUND FROM GET GO GOTO
%token <std::string> IDENTIFIED IFDEF IFNDEF IMMEDIATE INCLUDE INDICATOR INPUT INTO IS MOVE NOT OFF
%token <std::string> ON OPEN OUTPUT PREPARE SECTION SET SQL SQLERROR SQLPRINT SQLWARNING STATEMENT
%token <std::string> STOP TO TYPE UNDEF USER USING VALUE VAR WHENEVER AS
%token <std::string> FREE
/* C declaration words */
%token <std::string> CHAR SHORT INT LONG SIGNED UNSIGNED FLOAT DOUBLE BOOL VOID
%token <std::string> STRUCT UNION ENUM TYPEDEF STATIC EXTERN REGISTER AUTO CONST VOLATILE
%token <std::string> VARCHAR BYTEA NUMERIC DECIMAL DATE TIMESTAMP INTERVAL

%nterm <Value> name_or_var conn_name value_item conn_target_value disc_target prep_source desc_name
%nterm <std::string> name any_token kw_plain keyword fetch_token conn_piece cursor_word
%nterm <std::string> type_word storage_word init_item init_items dim_items dim_item balanced balanced_items
%nterm <std::vector<Tok>> tokens tokens_opt fetch_tokens cursor_words
%nterm <std::vector<std::string>> conn_pieces
%nterm <HostRef> hostvar_item using_item
%nterm <std::vector<HostRef>> hostvar_list notify_targets
%nterm <VarList> var_list
%nterm <DeclSpec> decl_specs struct_spec
%nterm <Declarator> declarator direct_declarator init_declarator
%nterm <std::vector<Declarator>> init_declarators init_declarators_opt
%nterm <Declaration> declaration type_spec_decl
%nterm <std::vector<Declaration>> member_decls
%nterm <int> pointers
%nterm <DescItem> desc_item
%nterm <std::vector<DescItem>> desc_items

%start top

%%
top:
    START_ECPG ecpg_stmt
  | START_DECL decls
  ;

/* ---- embedded statements ------------------------------------------------ */
ecpg_stmt:
    CONNECT TO conn_target_value conn_as conn_user  { drv.stmt.kind = Stmt::Connect; drv.stmt.target = $3; }
  | CONNECT TO DEFAULT                             { drv.stmt.kind = Stmt::Connect; drv.stmt.target = drv.literal("DEFAULT", @3); }
  | CONNECT TO DEFAULT AS name_or_var conn_user    { drv.stmt.kind = Stmt::Connect; drv.error(@4, "CONNECT TO DEFAULT takes no AS clause (the connection is named DEFAULT)"); }
  | CONNECT TO DEFAULT USER user_spec              { drv.stmt.kind = Stmt::Connect; drv.error(@4, "CONNECT TO DEFAULT takes no USER clause"); }
  | CONNECT user_spec                              { drv.stmt.kind = Stmt::Connect; }
  | DISCONNECT                                     { drv.stmt.kind = Stmt::Disconnect; drv.stmt.name = drv.literal("CURRENT", @1); }
  | DISCONNECT disc_target                         { drv.stmt.kind = Stmt::Disconnect; drv.stmt.name = $2; }
  | SET CONNECTION to_opt disc_target              { drv.stmt.kind = Stmt::SetConnection; drv.stmt.name = $4; }
  | SET AUTOCOMMIT to_opt ON                       { drv.stmt.kind = Stmt::SetAutocommit; drv.stmt.flag = true; }
  | SET AUTOCOMMIT to_opt OFF                      { drv.stmt.kind = Stmt::SetAutocommit; drv.stmt.flag = false; }
  | BEGIN DECLARE SECTION                          { drv.stmt.kind = Stmt::BeginDeclare; }
  | END DECLARE SECTION                            { drv.stmt.kind = Stmt::EndDeclare; }
  | DECLARE name_or_var cursor_words CURSOR cursor_words FOR tokens
        { drv.stmt.kind = Stmt::DeclareCursor; drv.stmt.name = $2; drv.stmt.tokens = std::move($7);
          drv.cursor_options($3, $5); }
  | DECLARE name_or_var STATEMENT                  { drv.stmt.kind = Stmt::DeclareStatement; drv.stmt.name = $2; }
  | OPEN name_or_var                               { drv.stmt.kind = Stmt::Open; drv.stmt.name = $2; }
  | OPEN name_or_var USING var_list                { drv.stmt.kind = Stmt::Open; drv.stmt.name = $2; drv.stmt.using_list = std::move($4); }
  | FETCH fetch_tokens fetch_target                { drv.stmt.kind = Stmt::Fetch; drv.stmt.tokens = std::move($2); }
  | MOVE fetch_tokens                              { drv.stmt.kind = Stmt::Fetch; drv.stmt.flag = true; drv.stmt.tokens = std::move($2); }
  | CLOSE name_or_var                              { drv.stmt.kind = Stmt::Close; drv.stmt.name = $2; }
  | PREPARE name_or_var FROM prep_source           { drv.stmt.kind = Stmt::Prepare; drv.stmt.name = $2; drv.stmt.target = $4; }
  | EXECUTE IMMEDIATE prep_source                  { drv.stmt.kind = Stmt::ExecImmediate; drv.stmt.target = $3; }
  | EXECUTE name_or_var exec_clauses               { drv.stmt.kind = Stmt::Execute; drv.stmt.name = $2; }
  | EXECUTE name_or_var "(" tokens
        { drv.stmt.kind = Stmt::Execute; drv.stmt.name = $2; drv.stmt.flag = true; drv.stmt.tokens = std::move($4); }
  | DEALLOCATE name_or_var                         { drv.stmt.kind = Stmt::Deallocate; drv.stmt.name = $2; }
  | DEALLOCATE PREPARE name_or_var                 { drv.stmt.kind = Stmt::Deallocate; drv.stmt.name = $3; }
  | DEALLOCATE ALL                                 { drv.stmt.kind = Stmt::Deallocate; drv.stmt.flag = true; }
  | DEALLOCATE PREPARE ALL                         { drv.stmt.kind = Stmt::Deallocate; drv.stmt.flag = true; }
  | FREE name_or_var                               { drv.stmt.kind = Stmt::Deallocate; drv.stmt.name = $2; }
  | FREE ALL                                       { drv.stmt.kind = Stmt::Deallocate; drv.stmt.flag = true; }
  | DEALLOCATE sql_opt DESCRIPTOR desc_name        { drv.stmt.kind = Stmt::DeallocDesc; drv.stmt.name = $4; }
  | ALLOCATE sql_opt DESCRIPTOR desc_name          { drv.stmt.kind = Stmt::AllocDesc; drv.stmt.name = $4; }
  | DESCRIBE describe_io name_or_var describe_target { drv.stmt.kind = Stmt::Describe; drv.stmt.name = $3; }
  | GET sql_opt DESCRIPTOR desc_name hostvar_item EQ COUNT
        { drv.stmt.kind = Stmt::GetDescCount; drv.stmt.name = $4; drv.stmt.count = drv.host_value($5); }
  | GET sql_opt DESCRIPTOR desc_name VALUE value_item desc_items
        { drv.stmt.kind = Stmt::GetDesc; drv.stmt.name = $4; drv.stmt.index = $6; drv.stmt.items = std::move($7); }
  | SET sql_opt DESCRIPTOR desc_name COUNT EQ value_item
        { drv.stmt.kind = Stmt::SetDescCount; drv.stmt.name = $4; drv.stmt.count = $7; }
  | SET sql_opt DESCRIPTOR desc_name VALUE value_item desc_items
        { drv.stmt.kind = Stmt::SetDesc; drv.stmt.name = $4; drv.stmt.index = $6; drv.stmt.items = std::move($7); }
  | WHENEVER condition action                      { drv.stmt.kind = Stmt::Whenever; }
  | INCLUDE tokens                                 { drv.stmt.kind = Stmt::Include; drv.stmt.tokens = std::move($2); }
  | DEFINE name tokens_opt                         { drv.stmt.kind = Stmt::Define; drv.stmt.text = $2; drv.stmt.tokens = std::move($3); }
  | UNDEF name                                     { drv.stmt.kind = Stmt::Undef; drv.stmt.text = $2; }
  | IFDEF name                                     { drv.stmt.kind = Stmt::Ifdef; drv.stmt.text = $2; }
  | IFNDEF name                                    { drv.stmt.kind = Stmt::Ifndef; drv.stmt.text = $2; }
  | ELIF name                                      { drv.stmt.kind = Stmt::Elif; drv.stmt.text = $2; }
  | ELSE                                           { drv.stmt.kind = Stmt::Else; }
  | ENDIF                                          { drv.stmt.kind = Stmt::Endif; }
  | TYPE name IS type_spec_decl                    { drv.stmt.kind = Stmt::TypeDef; drv.stmt.text = $2; drv.stmt.type_decl.push_back(std::move($4)); }
  | VAR name IS type_spec_decl                     { drv.stmt.kind = Stmt::VarDef; drv.stmt.text = $2; drv.stmt.type_decl.push_back(std::move($4)); }
  | IDENT FOR IDENT INTO notify_targets wait_timeout
        { drv.wait_for_notification($1, @1, $3, @3, std::move($5)); }
  ;
notify_targets: hostvar_item         { $$.push_back(std::move($1)); }
  | notify_targets COMMA hostvar_item { $$ = std::move($1); $$.push_back(std::move($3)); }
  ;
/* TIMEOUT :ms | TIMEOUT n (checked by the driver) */
wait_timeout: %empty
  | IDENT value_item                 { drv.wait_timeout($1, @1, $2); }
  ;

conn_target_value:
    conn_pieces                      { $$ = drv.connect_target($1, @1); }
  | QIDENT                           { $$ = drv.literal($1.substr(1, $1.size() - 2), @1); }
  | STRING                           { $$ = drv.literal(drv.unquote($1, @1), @1); }
  ;
conn_pieces: conn_piece              { $$.push_back($1); }
  | conn_pieces conn_piece           { $$ = std::move($1); $$.push_back($2); }
  ;
conn_piece: IDENT | NUMBER | OP | COLON | DOT | EQ | TYPE_NAME | HOSTVAR ;
conn_as: %empty | AS conn_name       { drv.stmt.name = $2; } ;
/* a connection name; quoted as Informix programs write it ('name'), which ecpg rejects */
conn_name:
    name_or_var
  | STRING                           { $$ = drv.literal(drv.unquote($1, @1), @1); }
  ;
conn_user: %empty | USER user_spec ;
user_spec:
    value_item                       { drv.stmt.user = $1; drv.split_user(); }
  | value_item OP value_item         { drv.stmt.user = $1; drv.stmt.password = $3; if ($2 != "/") drv.error(@2, "expected '/' between user name and password"); }
  | value_item IDENTIFIED BY value_item { drv.stmt.user = $1; drv.stmt.password = $4; }
  | value_item USING value_item      { drv.stmt.user = $1; drv.stmt.password = $3; }
  ;
disc_target:
    conn_name
  | CURRENT                          { $$ = drv.literal("CURRENT", @1); }
  | ALL                              { $$ = drv.literal("ALL", @1); }
  | DEFAULT                          { $$ = drv.literal("DEFAULT", @1); }
  ;
to_opt: %empty | TO | EQ ;
sql_opt: %empty | SQL ;
describe_io: %empty | INPUT { drv.stmt.flag = true; } | OUTPUT ;
describe_target:
    USING SQL DESCRIPTOR desc_name   { drv.stmt.into_list.kind = VarList::SqlDescriptor; drv.stmt.into_list.descriptor = $4; }
  | USING DESCRIPTOR name            { drv.stmt.into_list.kind = VarList::SqlDa; drv.stmt.into_list.descriptor = drv.literal($3, @3); }
  | INTO SQL DESCRIPTOR desc_name    { drv.stmt.into_list.kind = VarList::SqlDescriptor; drv.stmt.into_list.descriptor = $4; }
  | INTO DESCRIPTOR name             { drv.stmt.into_list.kind = VarList::SqlDa; drv.stmt.into_list.descriptor = drv.literal($3, @3); }
  | INTO name                        { drv.stmt.into_list.kind = VarList::SqlDa; drv.stmt.into_list.descriptor = drv.literal($2, @2); }
  ;
desc_name:
    name                             { $$ = drv.literal($1, @1); }
  | HOSTVAR                          { $$ = drv.host_value(drv.host($1, @1)); }
  | STRING                           { $$ = drv.literal(drv.unquote($1, @1), @1); }
  ;
desc_items: desc_item                { $$.push_back(std::move($1)); }
  | desc_items COMMA desc_item       { $$ = std::move($1); $$.push_back(std::move($3)); }
  ;
desc_item:
    hostvar_item EQ name             { $$.item = drv.lower($3); $$.value = drv.host_value($1); $$.loc = @3; }
  | name EQ value_item               { $$.item = drv.lower($1); $$.value = $3; $$.loc = @1; }
  ;
exec_clauses: %empty
  | exec_clauses USING var_list      { drv.stmt.using_list = std::move($3); }
  | exec_clauses INTO var_list       { drv.stmt.into_list = std::move($3); }
  ;
fetch_target: %empty
  | INTO var_list                    { drv.stmt.into_list = std::move($2); }
  | USING var_list                   { drv.stmt.into_list = std::move($2); }
  ;
var_list:
    hostvar_list                     { $$.kind = VarList::Vars; $$.vars = std::move($1); }
  | SQL DESCRIPTOR desc_name         { $$.kind = VarList::SqlDescriptor; $$.descriptor = $3; }
  | DESCRIPTOR name                  { $$.kind = VarList::SqlDa; $$.descriptor = drv.literal($2, @2); }
  ;
hostvar_list: using_item             { $$.push_back(std::move($1)); }
  | hostvar_list COMMA using_item    { $$ = std::move($1); $$.push_back(std::move($3)); }
  ;
using_item:
    hostvar_item
  | NUMBER                           { $$.constant = $1; $$.loc = @1; }
  | OP NUMBER                        { $$.constant = $1 + $2; $$.loc = @1; }
  | STRING                           { $$.constant = drv.unquote($1, @1); $$.loc = @1; }
  ;
hostvar_item:
    HOSTVAR                          { $$ = drv.host($1, @1); }
  | HOSTVAR HOSTVAR                  { $$ = drv.host($1, @1); drv.add_indicator($$, $2, @2); }
  | HOSTVAR INDICATOR HOSTVAR        { $$ = drv.host($1, @1); drv.add_indicator($$, $3, @3); }
  ;
prep_source:
    HOSTVAR                          { $$ = drv.host_value(drv.host($1, @1)); }
  | STRING                           { $$ = drv.literal(drv.unquote($1, @1), @1); }
  | name                             { $$ = drv.literal($1, @1); if ($1[0] == '"') $$.text = $1.substr(1, $1.size() - 2); else $$.kind = Value::None; }
  ;
value_item:
    name                             { $$ = drv.literal($1, @1); }
  | HOSTVAR                          { $$ = drv.host_value(drv.host($1, @1)); }
  | STRING                           { $$ = drv.literal(drv.unquote($1, @1), @1); }
  | NUMBER                           { $$ = drv.literal($1, @1); }
  | OP NUMBER                        { $$ = drv.literal($1 + $2, @1); }
  ;
name_or_var:
    name                             { $$ = drv.literal($1, @1); }
  | HOSTVAR                          { $$ = drv.host_value(drv.host($1, @1)); }
  ;
cursor_words: %empty                 { }
  | cursor_words cursor_word         { $$ = std::move($1); $$.push_back(drv.token($2, @2)); }
  ;
/* options such as SCROLL or WITH HOLD; numbers and host variables for READAHEAD n (checked by the driver) */
cursor_word: IDENT | NOT | NUMBER | HOSTVAR | OP ;

condition:
    SQLERROR                         { drv.stmt.text = "sqlerror"; }
  | SQLWARNING                       { drv.stmt.text = "sqlwarning"; }
  | NOT FOUND                        { drv.stmt.text = "not found"; }
  ;
action:
    CONTINUE                         { drv.stmt.action = "continue"; }
  | SQLPRINT                         { drv.stmt.action = "sqlprint"; }
  | STOP                             { drv.stmt.action = "stop"; }
  | GOTO name                        { drv.stmt.action = "goto"; drv.stmt.tokens.push_back(drv.token($2, @2)); }
  | GO TO name                       { drv.stmt.action = "goto"; drv.stmt.tokens.push_back(drv.token($3, @3)); }
  | DO tokens                        { drv.do_action(std::move($2)); }
  | CALL tokens                      { drv.stmt.action = "call"; drv.stmt.tokens = std::move($2); }
  | IDENT                            { drv.stmt.action = "throw"; if (Driver::lower($1) != "throw") drv.error(@1, "expected a WHENEVER action (CONTINUE, SQLPRINT, STOP, GOTO, DO, CALL or THROW)"); }
  ;

/* EXEC SQL TYPE/VAR name IS <type>: one abstract declarator */
type_spec_decl:
    decl_specs pointers dims_opt reference_opt { $$.spec = std::move($1); Declarator d; d.pointers = $2 + (drv.reference ? 1 : 0); d.dims = std::move(drv.dims); drv.dims.clear(); $$.declarators.push_back(std::move(d)); $$.loc = @$; }
  ;
reference_opt: %empty | IDENT { if (Driver::lower($1) != "reference") drv.error(@1, "expected REFERENCE or end of statement"); else drv.reference = true; } ;
dims_opt: %empty | dims_opt "[" dim_items "]" { drv.dims.push_back($3); } | dims_opt "[" "]" { drv.dims.push_back(""); } ;

/* ---- generic token sequences ------------------------------------------------ */
tokens_opt: %empty { } | tokens ;
tokens: any_token                    { $$.push_back(drv.token($1, @1)); }
  | tokens any_token                 { $$ = std::move($1); $$.push_back(drv.token($2, @2)); }
  ;
fetch_tokens: fetch_token            { $$.push_back(drv.token($1, @1)); }
  | fetch_tokens fetch_token         { $$ = std::move($1); $$.push_back(drv.token($2, @2)); }
  ;
fetch_token: kw_plain | IDENT | QIDENT | STRING | NUMBER | HOSTVAR | OP | TYPE_NAME | PPLINE | BAD
  | "(" | ")" | "{" | "}" | "[" | "]" | "," | ";" | "*" | "=" | "." | ":" ;
any_token: fetch_token | INTO | USING ;
keyword: kw_plain | INTO | USING ;
kw_plain: ALL | ALLOCATE | AUTOCOMMIT | BEGIN | BREAK | BY | CALL | CLOSE | CONNECT | CONNECTION | CONTINUE
  | COUNT | CURRENT | CURSOR | DEALLOCATE | DECLARE | DEFAULT | DEFINE | DESCRIBE | DESCRIPTOR
  | DISCONNECT | DO | ELIF | ELSE | END | ENDIF | EXECUTE | FETCH | FOR | FOUND | FROM | GET | GO | GOTO
  | IDENTIFIED | IFDEF | IFNDEF | IMMEDIATE | INCLUDE | INDICATOR | INPUT | IS | MOVE | NOT | OFF
  | ON | OPEN | OUTPUT | PREPARE | SECTION | SET | SQL | SQLERROR | SQLPRINT | SQLWARNING | STATEMENT
  | STOP | TO | TYPE | UNDEF | USER | VALUE | VAR | WHENEVER | AS | FREE
  | type_word | storage_word | STRUCT | UNION | ENUM ;

/* words usable as a cursor, statement, connection or descriptor name */
name: IDENT | QIDENT | TYPE_NAME | type_word
  | CONNECTION | COUNT | SECTION | STATEMENT | TYPE | VALUE | VAR | FOUND | AUTOCOMMIT
  | SQLERROR | SQLWARNING | SQLPRINT | STOP | BREAK | CALL | UNDEF | ELIF | ENDIF | IFDEF | IFNDEF | INDICATOR
  | FREE ;

/* ---- C declarations ------------------------------------------------------- */
decls: %empty | decls declaration    { drv.declaration(std::move($2)); } ;

declaration:
    decl_specs init_declarators_opt ";" { $$.spec = std::move($1); $$.declarators = std::move($2); $$.loc = @$; }
  | PPLINE                           { $$.pp_line = $1; $$.loc = @1; }
  | error ";"                        { $$.loc = @$; }
  ;
decl_specs:
    storage_word                     { $$.storage.push_back($1); $$.loc = @1; }
  | type_word                        { $$.kind = DeclSpec::Words; $$.words.push_back($1); $$.loc = @1; }
  | TYPE_NAME                        { $$.kind = DeclSpec::Named; $$.named = $1; $$.loc = @1; }
  | CXX_TYPE                         { $$.kind = DeclSpec::Cxx; $$.named = $1; $$.loc = @1; }
  | struct_spec                      { $$ = std::move($1); }
  | ENUM enum_body                   { $$.kind = DeclSpec::Enum; $$.enum_text = drv.take_text(); $$.loc = @1; }
  | decl_specs storage_word          { $$ = std::move($1); $$.storage.push_back($2); }
  | decl_specs type_word             { $$ = std::move($1); drv.add_type_word($$, $2, @2); }
  | decl_specs TYPE_NAME             { $$ = std::move($1); drv.add_named_type($$, $2, @2); }
  | decl_specs CXX_TYPE              { $$ = std::move($1); drv.add_cxx_type($$, $2, @2); }
  | decl_specs struct_spec           { $$ = std::move($1); drv.add_record($$, std::move($2), @2); }
  ;
storage_word: TYPEDEF | STATIC | EXTERN | REGISTER | AUTO | CONST | VOLATILE ;
type_word: CHAR | SHORT | INT | LONG | SIGNED | UNSIGNED | FLOAT | DOUBLE | BOOL | VOID
  | VARCHAR | BYTEA | NUMERIC | DECIMAL | DATE | TIMESTAMP | INTERVAL ;
struct_spec:
    STRUCT IDENT                     { $$.kind = DeclSpec::Record; $$.tag = $2; $$.loc = @$; }
  | UNION IDENT                      { $$.kind = DeclSpec::Record; $$.is_union = true; $$.tag = $2; $$.loc = @$; }
  | STRUCT IDENT "{" member_decls "}" { $$.kind = DeclSpec::Record; $$.tag = $2; $$.has_body = true; $$.members = std::move($4); $$.loc = @$; }
  | UNION IDENT "{" member_decls "}" { $$.kind = DeclSpec::Record; $$.is_union = true; $$.tag = $2; $$.has_body = true; $$.members = std::move($4); $$.loc = @$; }
  | STRUCT "{" member_decls "}"      { $$.kind = DeclSpec::Record; $$.has_body = true; $$.members = std::move($3); $$.loc = @$; }
  | UNION "{" member_decls "}"       { $$.kind = DeclSpec::Record; $$.is_union = true; $$.has_body = true; $$.members = std::move($3); $$.loc = @$; }
  ;
member_decls: %empty { }
  | member_decls decl_specs init_declarators_opt ";"
        { $$ = std::move($1); Declaration d; d.spec = std::move($2); d.declarators = std::move($3); d.loc = @2; $$.push_back(std::move(d)); }
  ;
enum_body: IDENT { drv.keep_text($1); } | enum_tag_opt "{" balanced_items "}" { drv.keep_text("{" + $3 + "}"); } ;
enum_tag_opt: %empty | IDENT { drv.keep_text($1); } ;

init_declarators_opt: %empty { } | init_declarators ;
init_declarators: init_declarator   { $$.push_back(std::move($1)); }
  | init_declarators "," init_declarator { $$ = std::move($1); $$.push_back(std::move($3)); }
  ;
init_declarator:
    declarator                       { $$ = std::move($1); }
  | declarator "=" init_items        { $$ = std::move($1); $$.init = $3; }
  | declarator "{" balanced_items "}" { $$ = std::move($1); $$.init = "{" + $3 + "}"; $$.direct_init = true; }
  ;
declarator:
    pointers direct_declarator       { $$ = std::move($2); $$.pointers = $1; $$.loc = @$; }
  ;
pointers: %empty { $$ = 0; } | pointers "*" { $$ = $1 + 1; } ;
direct_declarator:
    IDENT                            { $$.name = $1; }
  | "(" declarator ")"               { $$ = std::move($2); }
  | direct_declarator "[" dim_items "]" { $$ = std::move($1); $$.dims.push_back($3); }
  | direct_declarator "[" "]"        { $$ = std::move($1); $$.dims.push_back(""); }
  | direct_declarator "(" balanced_items ")" {
        $$ = std::move($1);
        if ($$.dims.empty() && $$.init.empty() && drv.direct_init_arguments($3)) {
          $$.init = "(" + $3 + ")";  // C++ T name(args): direct-initialization
          $$.direct_init = true;
        } else {
          $$.name = "(" + $$.name;
          drv.error(@2, "function declarations are not allowed in a declare section");
        }
      }
  ;
dim_items: dim_item | dim_items dim_item { $$ = $1 + " " + $2; } ;
dim_item: IDENT | NUMBER | OP | "*" | TYPE_NAME | CXX_TYPE | keyword | "(" balanced_items ")" { $$ = "(" + $2 + ")"; } ;
init_items: init_item | init_items init_item { $$ = $1 + " " + $2; } ;
init_item: IDENT | QIDENT | STRING | NUMBER | OP | "*" | "." | ":" | TYPE_NAME | CXX_TYPE | keyword | HOSTVAR | "[" balanced_items "]" { $$ = "[" + $2 + "]"; }
  | "(" balanced_items ")" { $$ = "(" + $2 + ")"; } | "{" balanced_items "}" { $$ = "{" + $2 + "}"; } ;
balanced_items: %empty { } | balanced_items balanced { $$ = $1.empty() ? $2 : $1 + " " + $2; } ;
balanced: init_item | "," | ";" | "=" ;
%%

namespace pgesql::pp {
void Parser::error(const Span &at, const std::string &message) { drv.error(at, message); }
}  // namespace pgesql::pp
