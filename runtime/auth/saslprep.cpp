#include "auth/saslprep.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace pgesql::auth {
namespace {

struct code_range {
  char32_t first, last;
};
struct combining_class {
  char32_t code;
  std::uint8_t value;
};
struct decomposition {
  char32_t code;
  std::uint32_t offset, length;  // into decomposition_pool
};
struct composition {
  char32_t first, second, composite;
};

#include "saslprep_tables.inc"

template <std::size_t N>
bool in(const code_range (&table)[N], char32_t c) {
  const auto it = std::upper_bound(std::begin(table), std::end(table), c,
                                   [](char32_t v, const code_range &r) { return v < r.first; });
  return it != std::begin(table) && c <= std::prev(it)->last;
}

int class_of(char32_t c) {
  const auto it = std::lower_bound(std::begin(combining_classes), std::end(combining_classes), c,
                                   [](const combining_class &e, char32_t v) { return e.code < v; });
  return it != std::end(combining_classes) && it->code == c ? it->value : 0;
}

// Hangul syllables are composed and decomposed by arithmetic (Unicode 3.12).
constexpr char32_t hangul_s = 0xAC00, hangul_l = 0x1100, hangul_v = 0x1161, hangul_t = 0x11A7;
constexpr char32_t hangul_l_count = 19, hangul_v_count = 21, hangul_t_count = 28;
constexpr char32_t hangul_n = hangul_v_count * hangul_t_count, hangul_s_count = hangul_l_count * hangul_n;

void decompose(char32_t c, std::vector<char32_t> &out) {
  if (c >= hangul_s && c < hangul_s + hangul_s_count) {
    const char32_t s = c - hangul_s;
    out.push_back(hangul_l + s / hangul_n);
    out.push_back(hangul_v + (s % hangul_n) / hangul_t_count);
    if (s % hangul_t_count != 0) out.push_back(hangul_t + s % hangul_t_count);
    return;
  }
  const auto it = std::lower_bound(std::begin(decompositions), std::end(decompositions), c,
                                   [](const decomposition &d, char32_t v) { return d.code < v; });
  if (it == std::end(decompositions) || it->code != c) {
    out.push_back(c);
    return;
  }
  out.insert(out.end(), decomposition_pool + it->offset, decomposition_pool + it->offset + it->length);
}

// The primary composite of a pair, or 0.
char32_t compose(char32_t a, char32_t b) {
  if (a >= hangul_l && a < hangul_l + hangul_l_count && b >= hangul_v && b < hangul_v + hangul_v_count)
    return hangul_s + ((a - hangul_l) * hangul_v_count + (b - hangul_v)) * hangul_t_count;
  if (a >= hangul_s && a < hangul_s + hangul_s_count && (a - hangul_s) % hangul_t_count == 0 && b > hangul_t &&
      b < hangul_t + hangul_t_count)
    return a + (b - hangul_t);
  const auto it = std::lower_bound(std::begin(compositions), std::end(compositions), std::pair(a, b),
                                   [](const composition &e, std::pair<char32_t, char32_t> v) {
                                     return e.first < v.first || (e.first == v.first && e.second < v.second);
                                   });
  return it != std::end(compositions) && it->first == a && it->second == b ? it->composite : 0;
}

std::vector<char32_t> nfkc(const std::vector<char32_t> &text) {
  std::vector<char32_t> d;
  for (char32_t c : text) decompose(c, d);
  // canonical order: each run of combining marks sorted by class, stably
  for (std::size_t i = 0; i < d.size();) {
    if (class_of(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && class_of(d[j]) != 0) ++j;
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return class_of(a) < class_of(b); });
    i = j;
  }
  // canonical composition
  std::vector<char32_t> out;
  std::ptrdiff_t starter = -1;
  int last_class = 0;  // class of the last character kept after the starter
  for (char32_t c : d) {
    const int cc = class_of(c);
    const bool adjacent = starter >= 0 && static_cast<std::size_t>(starter) + 1 == out.size();
    if (starter >= 0 && (adjacent || (last_class != 0 && last_class < cc))) {
      if (const char32_t composite = compose(out[static_cast<std::size_t>(starter)], c); composite != 0) {
        out[static_cast<std::size_t>(starter)] = composite;
        continue;
      }
    }
    if (cc == 0) {
      starter = static_cast<std::ptrdiff_t>(out.size());
      last_class = 0;
    } else {
      last_class = cc;
    }
    out.push_back(c);
  }
  return out;
}

bool decode_utf8(std::string_view s, std::vector<char32_t> &out) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t c = 0, min = 0;
    if (b0 < 0x80) {
      out.push_back(b0);
      ++i;
      continue;
    }
    if ((b0 & 0xE0) == 0xC0) {
      n = 1, c = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      n = 2, c = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      n = 3, c = b0 & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    out.push_back(c);
    i += n + 1;
  }
  return true;
}

void encode_utf8(char32_t c, std::string &out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

SaslprepStatus saslprep(std::string_view input, std::string &out) {
  if (std::all_of(input.begin(), input.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.assign(input);
    return SaslprepStatus::ok;
  }
  std::vector<char32_t> text;
  if (!decode_utf8(input, text)) return SaslprepStatus::invalid_utf8;
  std::vector<char32_t> mapped;
  for (char32_t c : text) {
    if (in(mapped_to_nothing, c)) continue;
    mapped.push_back(in(non_ascii_space, c) ? U' ' : c);
  }
  const std::vector<char32_t> normal = nfkc(mapped);
  bool any_rand_al = false, any_l = false;
  for (char32_t c : normal) {
    if (in(prohibited, c)) return SaslprepStatus::prohibited;
    any_rand_al = any_rand_al || in(rand_al_cat, c);
    any_l = any_l || in(l_cat, c);
  }
  // RFC 3454 section 6: right-to-left text must not mix in left-to-right characters, and must start and end RTL
  if (any_rand_al && (any_l || !in(rand_al_cat, normal.front()) || !in(rand_al_cat, normal.back())))
    return SaslprepStatus::prohibited;
  out.clear();
  for (char32_t c : normal) encode_utf8(c, out);
  return SaslprepStatus::ok;
}

}  // namespace pgesql::auth
