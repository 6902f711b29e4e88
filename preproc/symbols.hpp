// Host variables, typedefs and struct tags visible at a point of the .pgc,
// scoped by brace depth like C blocks (inner declarations shadow outer ones).
#pragma once
#include <string>
#include <vector>

#include "location.hpp"
#include "types.hpp"

namespace pgesql::pp {

struct Symbol {
  std::string name;
  TypeP type;
  Pos declared;
  int depth = 0;
};

class Symbols {
 public:
  void enter_block() { ++depth_; }
  void leave_block();  // drops everything declared in the closing block
  int depth() const { return depth_; }

  void add_variable(const std::string &name, TypeP type, Pos at);
  void add_typedef(const std::string &name, TypeP type, Pos at);
  void add_tag(const std::string &tag, TypeP type, Pos at);
  // C++ `using namespace name;`: its names may be written unqualified in this block.
  void add_namespace(const std::string &name, Pos at);
  bool namespace_used(const std::string &name) const;
  // EXEC SQL VAR: a variable's type as SQL sees it changes from here on.
  bool retype_variable(const std::string &name, TypeP type);

  const Symbol *variable(const std::string &name) const;
  // The variables declared in the innermost open block (a class body's members).
  std::vector<Symbol> variables_declared_here() const;
  const Symbol *typedef_named(const std::string &name) const;
  const Symbol *tag(const std::string &tag) const;

  int next_varchar_id() { return ++varchar_ids_; }

 private:
  static const Symbol *find(const std::vector<Symbol> &v, const std::string &name);
  std::vector<Symbol> variables_, typedefs_, tags_, namespaces_;
  int depth_ = 0;
  int varchar_ids_ = 0;
};

}  // namespace pgesql::pp
