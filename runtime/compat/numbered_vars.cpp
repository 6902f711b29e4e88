// ECPGset_var/ECPGget_var: code preprocessed in Informix/Oracle mode registers
// variables declared outside a declare section by number and looks them up
// when a statement runs. The table is process-wide, as in ECPG.
#include <mutex>
#include <unordered_map>

#include "diag/sqlca.hpp"
#include "ecpglib.h"
#include "pgesql/pgesql.h"

namespace {

std::mutex table_mutex;
std::unordered_map<int, void *> &table() {
  static auto *vars = new std::unordered_map<int, void *>;  // outlives exit handlers
  return *vars;
}

}  // namespace

extern "C" PGESQL_API void ECPGset_var(int number, void *pointer, int /*lineno*/) {
  pgesql::diag::reset_sqlca();
  std::lock_guard<std::mutex> lock(table_mutex);
  table()[number] = pointer;
}

extern "C" PGESQL_API void *ECPGget_var(int number) {
  std::lock_guard<std::mutex> lock(table_mutex);
  auto it = table().find(number);
  return it == table().end() ? nullptr : it->second;
}

extern "C" PGESQL_API void ecpg_pthreads_init(void) {}
