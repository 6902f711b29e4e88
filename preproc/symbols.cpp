#include "symbols.hpp"

#include <algorithm>

namespace pgesql::pp {

void Symbols::leave_block() {
  if (depth_ == 0) return;  // an unbalanced '}' is the C compiler's to report
  --depth_;
  auto drop = [this](std::vector<Symbol> &v) {
    v.erase(std::remove_if(v.begin(), v.end(), [this](const Symbol &s) { return s.depth > depth_; }),
            v.end());
  };
  drop(variables_);
  drop(typedefs_);
  drop(tags_);
  drop(namespaces_);
}

void Symbols::add_variable(const std::string &name, TypeP type, Pos at) {
  variables_.push_back({name, std::move(type), at, depth_});
}

void Symbols::add_typedef(const std::string &name, TypeP type, Pos at) {
  typedefs_.push_back({name, std::move(type), at, depth_});
}

void Symbols::add_tag(const std::string &tag, TypeP type, Pos at) {
  tags_.push_back({tag, std::move(type), at, depth_});
}

void Symbols::add_namespace(const std::string &name, Pos at) { namespaces_.push_back({name, nullptr, at, depth_}); }

bool Symbols::namespace_used(const std::string &name) const { return find(namespaces_, name) != nullptr; }

bool Symbols::retype_variable(const std::string &name, TypeP type) {
  for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
    if (it->name == name) {
      it->type = std::move(type);
      return true;
    }
  }
  return false;
}

const Symbol *Symbols::find(const std::vector<Symbol> &v, const std::string &name) {
  for (auto it = v.rbegin(); it != v.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

const Symbol *Symbols::variable(const std::string &name) const { return find(variables_, name); }
const Symbol *Symbols::typedef_named(const std::string &name) const { return find(typedefs_, name); }
const Symbol *Symbols::tag(const std::string &tag) const { return find(tags_, tag); }

std::vector<Symbol> Symbols::variables_declared_here() const {
  std::vector<Symbol> here;
  for (const Symbol &s : variables_)
    if (s.depth == depth_) here.push_back(s);
  return here;
}

}  // namespace pgesql::pp
