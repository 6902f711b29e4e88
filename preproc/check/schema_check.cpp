#include "check/schema_check.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

#include "check/check_cache.hpp"
#include "check/host_compat.hpp"
#include "check/live_describe.hpp"
#include "sema/syntax_check.hpp"

namespace pgesql::pp::check {
namespace {

// What is sent to the server: ? placeholders numbered as the runtime numbers them.
std::string sent_text(const checked_statement &s) {
  return s.question_marks ? sema::number_question_marks(s.sql).text : s.sql;
}

// The .pgc position of the server's error position (characters from 1 in the sent text).
Pos error_position(const checked_statement &s, int position) {
  if (position <= 0) return s.at;
  if (!s.question_marks) return sema::source_position(s.origins, sema::byte_offset(s.sql, position), s.at);
  const sema::numbered_text numbered = sema::number_question_marks(s.sql);
  const std::size_t at = sema::original_offset(numbered, sema::byte_offset(numbered.text, position));
  return sema::source_position(s.origins, at, s.at);
}

const char *null_reason(const std::string &nullable) {
  if (nullable == "yes") return "its table column allows NULL";
  if (nullable == "outer-join") return "it comes from an outer join";
  return "it is an expression, whose nullability the server does not describe";
}

class reporter {
 public:
  reporter(const Options &opt, Diagnostics &diag) : strict_(opt.check_strict), diag_(diag) {}
  void error(const Pos &at, const std::string &m) { diag_.error(at, m); }
  void warning(const Pos &at, const std::string &m) {
    if (strict_) diag_.error(at, m + " [--check-strict]");
    else diag_.warning(at, m);
  }
  void verdict_of(const Pos &at, const judgement &j) {
    if (j.severity == verdict::error) error(at, j.why);
    else if (j.severity == verdict::warning) warning(at, j.why);
  }

 private:
  bool strict_;
  Diagnostics &diag_;
};

}  // namespace

void judge_statement(const Options &opt, const checked_statement &s, const server_answer &a, Diagnostics &diag) {
  reporter report(opt, diag);
  if (!a.sqlstate.empty()) {
    if (s.report_server_errors)
      report.error(error_position(s, a.position), a.message + " (SQLSTATE " + a.sqlstate + ")");
    return;
  }
  // ECPG's no_indicator rule and Informix mode store NULLs without an indicator.
  const bool nulls_need_indicator = !opt.rule_no_indicator && opt.compat != Compat::Informix &&
                                    opt.compat != Compat::InformixSE;
  bool arity_known = s.into_checked;
  for (const host_slot &h : s.outputs) arity_known = arity_known && !may_spread(h);
  if (arity_known) {
    if (s.outputs.size() != a.columns.size()) {
      report.error(s.outputs.empty() ? s.at : s.outputs.front().at,
                   s.what + " returns " + std::to_string(a.columns.size()) + " column" +
                       (a.columns.size() == 1 ? "" : "s") + " but INTO names " + std::to_string(s.outputs.size()) +
                       " host variable" + (s.outputs.size() == 1 ? "" : "s"));
    } else {
      for (std::size_t i = 0; i < s.outputs.size(); ++i) {
        const host_slot &h = s.outputs[i];
        const column_fact &c = a.columns[i];
        report.verdict_of(h.at, judge_output(c, h));
        if (nulls_need_indicator && c.nullable != "no" && !h.indicator && !h.type.empty())
          report.warning(h.at, "column \"" + c.name + "\" may be NULL (" + null_reason(c.nullable) +
                                   ") but \"" + h.name + "\" has no indicator: a NULL fails with sqlcode -213");
      }
    }
  }
  for (std::size_t i = 0; i < s.inputs.size() && i < a.params.size(); ++i)
    if (!s.inputs[i].type.empty()) report.verdict_of(s.inputs[i].at, judge_input(a.params[i], s.inputs[i]));
}

void run_schema_check(const Options &opt, const std::vector<checked_statement> &statements, Diagnostics &diag) {
  if (statements.empty()) return;
  // One Parse+Describe per distinct text: a cursor's FETCHes share its query's answer.
  std::map<std::string, std::size_t> index;
  std::vector<std::string> texts;
  for (const checked_statement &s : statements) {
    const std::string t = sent_text(s);
    if (index.emplace(t, texts.size()).second) texts.push_back(t);
  }
  server_identity id;
  std::vector<server_answer> answers;
  try {
    answers = describe_live(opt.check_conninfo, texts, id);
  } catch (const check_unavailable &e) {
    diag.fatal(e.what());
    return;
  }
  std::set<std::string> written;  // a statement repeated word for word has one entry
  for (const checked_statement &s : statements) {
    const server_answer &a = answers[index[sent_text(s)]];
    judge_statement(opt, s, a, diag);
    std::string error;
    if (!opt.check_cache.empty() && written.insert(cache_key(s)).second &&
        !write_cache_entry(opt.check_cache, s, a, id, error)) {
      diag.fatal(error);
      return;
    }
  }
}

void cache_replay::judge(const checked_statement &s) {
  const std::string key = cache_key(s) + s.sql;  // the text too: a hash collision is not the same statement
  auto it = read_.find(key);
  if (it == read_.end()) it = read_.emplace(key, read_cache_entry(opt_.check_cache, s)).first;
  if (it->second) {
    judge_statement(opt_, s, *it->second, diag_);
    return;
  }
  reporter(opt_, diag_).warning(s.at, "statement is not in the check cache \"" + opt_.check_cache +
                                          "\"; refresh it with pgesql --check=CONNINFO --check-cache=" +
                                          opt_.check_cache);
}

}  // namespace pgesql::pp::check
