// What the parser builds: embedded statements and C declarations of declare sections.
#pragma once
#include <string>
#include <vector>

#include "location.hpp"
#include "token.hpp"

namespace pgesql::pp {

// :var[.member|->member|[i]]... with its optional indicator.
struct HostRef {
  std::string expr;      // C expression without the colon, e.g. "s.m", "arr[2]"
  Span loc;
  std::string ind_expr;  // empty when there is no indicator
  std::string constant;  // a literal in a USING list instead of a variable (expr empty)
  Span ind_loc;
};

// A place where either a literal (name, string, number) or a host variable may stand.
struct Value {
  enum Kind { None, Literal, Host };
  Kind kind = None;
  std::string text;  // Literal: the value itself (quotes removed for strings)
  HostRef host;
  Span loc;
};

// USING / INTO lists: host variables, or a descriptor standing in for them.
struct VarList {
  enum Kind { None, Vars, SqlDescriptor, SqlDa };
  Kind kind = None;
  std::vector<HostRef> vars;
  Value descriptor;  // SqlDescriptor: its name; SqlDa: the sqlda_t * variable
};

struct DescItem {
  std::string item;  // lower-case item name as written ("data", "indicator", ...)
  Value value;       // the host variable (GET) or value (SET)
  Span loc;
};


struct Declaration;

// The type part of a declaration.
struct DeclSpec {
  enum TypeKind { None, Words, Named, Record, Enum, Varchar, Bytea, Cxx };
  std::vector<std::string> storage;  // typedef static extern register auto const volatile ...
  TypeKind kind = None;
  std::vector<std::string> words;    // e.g. unsigned long int
  std::string named;                 // typedef name, pgtypes type word, or C++ type (Cxx)
  bool is_union = false;
  std::string tag;
  bool has_body = false;
  std::vector<Declaration> members;
  std::string enum_text;
  Span loc;
};

struct Declarator {
  int pointers = 0;
  std::string name;
  std::vector<std::string> dims;  // array dimensions as written ("" for [])
  std::string init;               // initializer text without '='
  bool direct_init = false;       // C++ T name{...} or T name(...): init is the braces or parentheses, written without '='
  Span loc;
};

struct Declaration {
  DeclSpec spec;
  std::vector<Declarator> declarators;
  std::string pp_line;  // set instead of the above for a # line kept as is
  Span loc;
};

struct Stmt {
  enum Kind {
    Generic, Connect, Disconnect, SetConnection, SetAutocommit, BeginDeclare, EndDeclare,
    DeclareCursor, DeclareStatement, Open, Fetch, Close, Prepare, Execute, ExecImmediate,
    Deallocate, Describe, AllocDesc, DeallocDesc, GetDescCount, GetDesc, SetDescCount, SetDesc,
    Whenever, Include, Define, Undef, Ifdef, Ifndef, Elif, Else, Endif, TypeDef, VarDef,
    Copy,             // COPY ... FROM STDIN / TO STDOUT [USING :fp]: tokens, target = the FILE * (or None)
    WaitNotification  // WAIT FOR NOTIFICATION INTO ... [TIMEOUT n]: into_list, count = the timeout
  };

  Kind kind = Generic;
  Span loc;
  Value at;                 // AT connection
  Value name;               // cursor, statement, connection or descriptor name
  Value target, user, password;  // CONNECT
  bool flag = false;        // SET AUTOCOMMIT ON; DESCRIBE INPUT; DEALLOCATE ALL; INCLUDE <..>
  std::vector<Tok> tokens;  // generic SQL, cursor query, FETCH body, DEFINE value, WHENEVER action
  std::string text;         // cursor options; WHENEVER condition; INCLUDE file name
  std::string action;       // WHENEVER action kind
  VarList using_list, into_list;
  Value index;              // GET/SET DESCRIPTOR ... VALUE n
  Value count;              // GET/SET DESCRIPTOR ... COUNT
  Value batch_rows;         // FOR :n / FOR n (Oracle) or FOR :n ROWS (Db2): rows of host arrays to run
  Value readahead;          // DECLARE c READAHEAD n|:v CURSOR (NO READAHEAD is "1"): the cursor's window cap
  std::vector<DescItem> items;
  std::vector<Declaration> type_decl;  // EXEC SQL TYPE/VAR: the type (one declarator)
};

}  // namespace pgesql::pp
