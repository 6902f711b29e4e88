// The statement descriptors the preprocessor's golden outputs contain
// (tests/unit/preproc/golden/*.c) carry their class as facts, and those facts
// say what the runtime would otherwise have read out of the SQL text: the
// runtime takes a static statement's class from its descriptor only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "exec/statement_class.hpp"

namespace {

using namespace pgesql::exec;

struct golden_descriptor {
  std::string where;
  std::string kind;
  std::string sql;  // empty when the descriptor has none
  int facts = 0;
};

int facts_of(const std::string &expr) {
  static const std::map<std::string, int> bits = {
      {"PGESQL_FACT_KNOWN", PGESQL_FACT_KNOWN},
      {"PGESQL_FACT_READAHEAD_SAFE", PGESQL_FACT_READAHEAD_SAFE},
      {"PGESQL_FACT_POSITIONED", PGESQL_FACT_POSITIONED},
      {"PGESQL_FACT_CURRENT_OF", PGESQL_FACT_CURRENT_OF},
      {"PGESQL_FACT_CACHEABLE", PGESQL_FACT_CACHEABLE},
      {"PGESQL_FACT_OWN_TRANSACTION", PGESQL_FACT_OWN_TRANSACTION},
      {"PGESQL_FACT_BEGIN", PGESQL_FACT_BEGIN},
      {"PGESQL_FACT_COMMIT", PGESQL_FACT_COMMIT},
      {"PGESQL_FACT_SET", PGESQL_FACT_SET},
      {"PGESQL_FACT_SQL_EXECUTE", PGESQL_FACT_SQL_EXECUTE},
      {"PGESQL_FACT_SQL_PREPARE", PGESQL_FACT_SQL_PREPARE},
      {"PGESQL_FACT_COPY_IN", PGESQL_FACT_COPY_IN},
      {"PGESQL_FACT_COPY_OUT", PGESQL_FACT_COPY_OUT}};
  int facts = 0;
  std::istringstream names(expr);
  for (std::string name; names >> name;) {
    if (name == "|" || name == "0") continue;
    const auto it = bits.find(name);
    if (it == bits.end()) ADD_FAILURE() << "unknown fact " << name;
    else facts |= it->second;
  }
  return facts;
}

std::string c_string_body(const std::string &literal) {
  std::string out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] != '\\') {
      out += literal[i];
      continue;
    }
    const char e = literal[++i];
    if (e >= '0' && e <= '7') {  // octal, up to three digits (\000 ends the SQL before its position map)
      int v = 0;
      for (int n = 0; n < 3 && i + 1 < literal.size() && literal[i] >= '0' && literal[i] <= '7'; ++n, ++i)
        v = v * 8 + (literal[i] - '0');
      --i;
      out += static_cast<char>(v);
      continue;
    }
    out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
  }
  return out.substr(0, out.find('\0'));  // the SQL; a position map may follow its NUL
}

// The fields of "{KIND, flags, "sql" | 0, name, "file", line, column, FACTS, relations}"
// (no std::regex: GCC 12 warns inside <regex> under the sanitizer build's flags).
std::vector<std::string> initializer_fields(const std::string &line) {
  std::vector<std::string> fields;
  std::size_t i = line.find("= {");
  if (i == std::string::npos) return fields;
  std::string field;
  for (i += 3; i < line.size() && line[i] != '}'; ++i) {
    const char c = line[i];
    if (c == '"') {
      const std::size_t start = i;
      for (++i; i < line.size() && line[i] != '"'; ++i)
        if (line[i] == '\\') ++i;
      field += line.substr(start, i - start + 1);
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else if (c != ' ' || !field.empty()) {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

std::vector<golden_descriptor> golden_descriptors() {
  std::vector<golden_descriptor> found;
  for (const auto &entry : std::filesystem::directory_iterator(PGESQL_GOLDEN_DIR)) {
    if (entry.path().extension() != ".c") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (line.find("pgesql_stmt pgesql_st") == std::string::npos) continue;
      const std::vector<std::string> f = initializer_fields(line);
      if (f.size() != 9 || f[0].rfind("PGESQL_STMT_", 0) != 0) {
        ADD_FAILURE() << entry.path().filename() << ": unreadable descriptor " << line;
        continue;
      }
      golden_descriptor d;
      d.where = entry.path().filename().string() + ":" + f[5];
      d.kind = f[0];
      d.sql = f[2] == "0" ? std::string() : c_string_body(f[2]);
      d.facts = facts_of(f[7]);
      found.push_back(std::move(d));
    }
  }
  return found;
}

TEST(GoldenDescriptors, EveryOneCarriesItsClass) {
  const std::vector<golden_descriptor> all = golden_descriptors();
  ASSERT_GT(all.size(), 100u);
  int classified = 0;
  for (const golden_descriptor &d : all) {
    EXPECT_TRUE(d.facts & PGESQL_FACT_KNOWN) << d.where;
    if (d.sql.empty() || (d.kind != "PGESQL_STMT_NORMAL" && d.kind != "PGESQL_STMT_TRANSACTION")) continue;
    // what the facts say is what reading the text would have said
    const pgesql_stmt stmt = {PGESQL_STMT_NORMAL, 0, d.sql.c_str(), nullptr, "golden", 1, 1, d.facts, nullptr};
    EXPECT_EQ(class_of(&stmt, "not read"), class_of_text(d.sql)) << d.where << ": " << d.sql;
    ++classified;
  }
  EXPECT_GT(classified, 50);
}

}  // namespace
