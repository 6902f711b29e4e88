// The ecpg-compatible command line.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace pgesql::pp {
namespace {

CliAction parse(std::vector<std::string> args, Options &opt, std::string *err = nullptr) {
  std::vector<char *> argv;
  static std::string prog = "pgesql";
  argv.push_back(prog.data());
  for (auto &a : args) argv.push_back(a.data());
  std::ostringstream e;
  CliAction r = parse_command_line(static_cast<int>(argv.size()), argv.data(), opt, e);
  if (err) *err = e.str();
  return r;
}

TEST(Cli, TheFormCMakeUses) {
  Options opt;
  ASSERT_EQ(parse({"--lang=c++", "-I", "/a", "-I/b", "--depfile", "o.d", "-o", "o.cpp", "in.pgc"}, opt),
            CliAction::Run);
  EXPECT_EQ(opt.lang, OutputLang::Cxx);
  EXPECT_EQ(opt.include_dirs, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(opt.depfile, "o.d");
  EXPECT_EQ(opt.output, "o.cpp");
  EXPECT_EQ(opt.inputs, (std::vector<std::string>{"in.pgc"}));
}

TEST(Cli, EcpgOptions) {
  Options opt;
  ASSERT_EQ(parse({"-C", "INFORMIX", "-r", "no_indicator", "-rprepare", "-t", "-c", "-i", "-DX=1", "-D", "Y", "a.pgc"},
                  opt),
            CliAction::Run);
  EXPECT_EQ(opt.compat, Compat::Informix);
  EXPECT_TRUE(opt.rule_no_indicator);
  EXPECT_TRUE(opt.rule_prepare);
  EXPECT_TRUE(opt.autocommit);
  EXPECT_TRUE(opt.c_types);
  EXPECT_TRUE(opt.system_includes);
  ASSERT_EQ(opt.defines.size(), 2u);
  EXPECT_EQ(opt.defines[0], (std::pair<std::string, std::string>{"X", "1"}));
  EXPECT_EQ(opt.defines[1], (std::pair<std::string, std::string>{"Y", "1"}));
}

TEST(Cli, HelpVersionAndErrors) {
  Options opt;
  EXPECT_EQ(parse({"--help"}, opt), CliAction::Help);
  EXPECT_EQ(parse({"--version"}, opt), CliAction::Version);
  std::string err;
  EXPECT_EQ(parse({"-C", "DB2", "a.pgc"}, opt, &err), CliAction::Error);
  EXPECT_NE(err.find("unknown compatibility mode"), std::string::npos);
  Options none;
  EXPECT_EQ(parse({}, none, &err), CliAction::Error);
  EXPECT_NE(err.find("no input files"), std::string::npos);
  Options bad;
  EXPECT_EQ(parse({"-r", "fast", "a.pgc"}, bad, &err), CliAction::Error);
}

TEST(Cli, CxxSourcesGiveCxxUnlessLangSaysOtherwise) {
  for (const char *name : {"orders.pgcc", "dir/orders.pgcpp", "orders.pgc++"}) {
    Options opt;
    ASSERT_EQ(parse({name}, opt), CliAction::Run);
    EXPECT_EQ(opt.lang, OutputLang::Cxx) << name;
    EXPECT_EQ(default_output_name(name, opt).substr(default_output_name(name, opt).size() - 4), ".cpp") << name;
  }
  Options c;
  ASSERT_EQ(parse({"orders.pgc"}, c), CliAction::Run);
  EXPECT_EQ(c.lang, OutputLang::C);
  Options forced;
  ASSERT_EQ(parse({"orders.pgcc", "--lang=c"}, forced), CliAction::Run);
  EXPECT_EQ(forced.lang, OutputLang::C);
}

TEST(Cli, ReadaheadAndSqlSyntaxOptions) {
  Options opt;
  ASSERT_EQ(parse({"-r", "readahead=500", "--sql-syntax=warning", "a.pgc"}, opt), CliAction::Run);
  EXPECT_EQ(opt.rule_readahead, "500");
  EXPECT_EQ(opt.sql_syntax, SqlSyntax::Warning);
  std::string err;
  for (const char *bad : {"readahead=0", "readahead=x", "readahead", "readahead=1000000000"}) {
    Options o;
    EXPECT_EQ(parse({"-r", bad, "a.pgc"}, o, &err), CliAction::Error) << bad;
    EXPECT_NE(err.find("readahead=N"), std::string::npos) << err;
  }
  Options o;
  EXPECT_EQ(parse({"--sql-syntax=maybe", "a.pgc"}, o, &err), CliAction::Error);
  EXPECT_NE(err.find("error, warning or off"), std::string::npos) << err;
}

TEST(Cli, DefaultOutputNames) {
  Options c, cxx, h;
  cxx.lang = OutputLang::Cxx;
  h.header = true;
  EXPECT_EQ(default_output_name("dir/prog.pgc", c), "dir/prog.c");
  EXPECT_EQ(default_output_name("prog.pgc", cxx), "prog.cpp");
  EXPECT_EQ(default_output_name("inc.pgh", h), "inc.h");
  EXPECT_EQ(default_output_name("a.b/prog", c), "a.b/prog.c");
}

}  // namespace
}  // namespace pgesql::pp
