// The --check client module (pgesql-check.so): the server side of the live check, built
// on the runtime's connection code and loaded by the preprocessor only when --check is
// given, so that plain preprocessing never loads OpenSSL or the runtime.
#include "check/live_describe.hpp"

#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"

namespace pgesql::pp::check {
namespace {

using conn::Connection;
using conn::StepResult;

// Statements per pipelined batch: enough to hide round trips, few enough that neither
// side's socket buffer fills while the other is still writing.
constexpr std::size_t batch_size = 100;

std::string field_text(const conn::Result &r, std::size_t row, std::size_t col) {
  const conn::Field f = r.value(row, col);
  return f ? std::string(*f) : std::string();
}

// Resolves the type names and NOT NULL flags the described columns refer to.
void add_catalog_facts(Connection &c, const std::vector<std::string> &sqls, const std::vector<std::vector<bool>> &never_nulls,
                       std::vector<server_answer> &answers,
                       const std::vector<std::vector<conn::ColumnDescription>> &described,
                       const std::vector<std::vector<std::uint32_t>> &param_oids) {
  std::set<std::pair<std::uint32_t, std::int32_t>> types;
  std::set<std::pair<std::uint32_t, int>> attributes;
  for (std::size_t i = 0; i < described.size(); ++i) {
    for (const auto &col : described[i]) {
      types.emplace(col.type_oid, col.type_modifier);
      if (col.table_oid != 0 && col.column_number > 0) attributes.emplace(col.table_oid, col.column_number);
    }
    for (std::uint32_t p : param_oids[i]) types.emplace(p, -1);
  }
  // (oid, typmod) -> (format_type, base type name, declared length)
  std::map<std::pair<std::uint32_t, std::int32_t>, std::pair<std::string, std::string>> type_names;
  std::map<std::pair<std::uint32_t, std::int32_t>, int> lengths;
  if (!types.empty()) {
    std::string values;
    for (const auto &[oid, mod] : types)
      values += (values.empty() ? "(" : ",(") + std::to_string(oid) + "::oid," + std::to_string(mod) + ")";
    const std::string q =
        "select v.t, v.m, format_type(v.t, nullif(v.m, -1)), b.typname, "
        "case when b.typname in ('varchar', 'bpchar') and v.m > 4 then v.m - 4 else 0 end "
        "from (values " + values + ") v(t, m) join pg_type ty on ty.oid = v.t "
        "join pg_type b on b.oid = case when ty.typtype = 'd' then ty.typbasetype else ty.oid end";
    const std::vector<conn::Result> rs = c.simple_query(q);
    for (std::size_t r = 0; r < rs.front().row_count(); ++r) {
      const auto key = std::make_pair(static_cast<std::uint32_t>(std::stoul(field_text(rs.front(), r, 0))),
                                      static_cast<std::int32_t>(std::stol(field_text(rs.front(), r, 1))));
      type_names[key] = {field_text(rs.front(), r, 2), field_text(rs.front(), r, 3)};
      lengths[key] = std::stoi(field_text(rs.front(), r, 4));
    }
  }
  std::map<std::pair<std::uint32_t, int>, bool> not_null;
  if (!attributes.empty()) {
    std::string values;
    for (const auto &[rel, num] : attributes)
      values += (values.empty() ? "(" : ",(") + std::to_string(rel) + "::oid," + std::to_string(num) + ")";
    const std::vector<conn::Result> rs = c.simple_query(
        "select a.attrelid, a.attnum, a.attnotnull from pg_attribute a join (values " + values +
        ") v(r, n) on a.attrelid = v.r and a.attnum = v.n");
    for (std::size_t r = 0; r < rs.front().row_count(); ++r)
      not_null[{static_cast<std::uint32_t>(std::stoul(field_text(rs.front(), r, 0))), std::stoi(field_text(rs.front(), r, 1))}] =
          field_text(rs.front(), r, 2) == "t";
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const bool outer = has_outer_join(sqls[i]);
    std::vector<bool> never_null = never_nulls[i];
    if (never_null.size() != described[i].size()) never_null.assign(described[i].size(), false);
    for (std::size_t k = 0; k < described[i].size(); ++k) {
      const conn::ColumnDescription &col = described[i][k];
      column_fact f;
      f.name = col.name;
      const auto key = std::make_pair(col.type_oid, col.type_modifier);
      const auto t = type_names.find(key);
      f.type = t != type_names.end() ? t->second.first : "oid " + std::to_string(col.type_oid);
      f.base = t != type_names.end() ? t->second.second : std::string();
      f.length = lengths.count(key) ? lengths[key] : 0;
      if (col.table_oid == 0 || col.column_number <= 0) f.nullable = never_null[k] ? "no" : "expression";
      else if (outer) f.nullable = "outer-join";
      else f.nullable = not_null[{col.table_oid, col.column_number}] ? "no" : "yes";
      answers[i].columns.push_back(std::move(f));
    }
    for (std::uint32_t p : param_oids[i]) {
      const auto t = type_names.find({p, -1});
      answers[i].params.push_back(t != type_names.end() ? t->second.second : std::string());
    }
  }
}

server_identity identify(Connection &c) {
  const std::vector<conn::Result> rs = c.simple_query(
      "select current_setting('server_version'), md5(coalesce(string_agg(c.oid::regclass::text || '.' || a.attname "
      "|| ':' || format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then '!' else '' end, ',' "
      "order by c.oid::regclass::text, a.attnum), '')) "
      "from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid "
      "where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'v', 'm', 'p', 'f') "
      "and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'");
  return {field_text(rs.front(), 0, 0), field_text(rs.front(), 0, 1)};
}

std::vector<server_answer> describe_on_server(const std::string &conninfo, const std::vector<std::string> &sqls,
                                              const std::vector<std::vector<bool>> &never_nulls,
                                              server_identity &identity) {
  std::unique_ptr<Connection> c;
  try {
    c = Connection::open(conn::config_from_target(conninfo));
  } catch (const std::exception &e) {
    throw check_unavailable(std::string("could not connect for --check: ") + e.what());
  }
  std::vector<server_answer> answers(sqls.size());
  std::vector<std::vector<conn::ColumnDescription>> described(sqls.size());
  std::vector<std::vector<std::uint32_t>> param_oids(sqls.size());
  try {
    c->simple_query("begin transaction read only; savepoint pgesql_check");
    for (std::size_t first = 0; first < sqls.size(); first += batch_size) {
      const std::size_t last = std::min(sqls.size(), first + batch_size);
      for (std::size_t i = first; i < last; ++i) {
        c->queue_parse("", sqls[i]);
        c->queue_describe_statement("");
        c->queue_sync();
        c->queue_parse("", "rollback to savepoint pgesql_check");
        c->queue_bind("", "", {});
        c->queue_execute("");
        c->queue_sync();
      }
      c->send_queued();
      for (std::size_t i = first; i < last; ++i) {
        for (int step = 0; step < 7; ++step) {
          StepResult r = c->read_step();
          if (step < 3 && r.error && answers[i].sqlstate.empty()) {
            const auto &f = r.error->fields();
            answers[i].sqlstate = f.sqlstate;
            answers[i].message = f.message;
            answers[i].position = f.position.empty() ? 0 : std::stoi(f.position);
          }
          if (step == 1 && !r.error && !r.skipped) {
            described[i] = r.description.columns;
            param_oids[i] = r.description.param_types;
          }
          if (step >= 3 && r.error) throw std::move(*r.error);
        }
      }
    }
    add_catalog_facts(*c, sqls, never_nulls, answers, described, param_oids);
    identity = identify(*c);
    c->simple_query("rollback");
  } catch (const std::exception &e) {
    throw check_unavailable(std::string("--check failed: ") + e.what());
  }
  return answers;
}

}  // namespace
}  // namespace pgesql::pp::check

// The module's one entry point (see check_client.cpp): 0 with `out` and `identity` filled,
// or -1 with the reason in `error`. C++ types cross it: the module is built with the
// preprocessor, by the same compiler, and never mixed with another build.
extern "C" __attribute__((visibility("default"))) int pgesql_check_describe(
    const char *conninfo, const std::vector<std::string> *sqls, const std::vector<std::vector<bool>> *never_nulls,
    std::vector<pgesql::pp::check::server_answer> *out, pgesql::pp::check::server_identity *identity,
    std::string *error) {
  try {
    *out = pgesql::pp::check::describe_on_server(conninfo, *sqls, *never_nulls, *identity);
    return 0;
  } catch (const std::exception &e) {
    *error = e.what();
    return -1;
  }
}
